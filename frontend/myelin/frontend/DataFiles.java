package myelin.frontend;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import myelin.frontend.ast.Ast;
import myelin.ir.diag.SourceLocation;
import myelin.ir.network.Connector;
import myelin.ir.network.SpikeArraySource;
import myelin.ir.units.Dimension;

/**
 * Bulk data given inline or as {@code file("name.csv")} beside the source: spike lists,
 * connection lists and convolution kernels. CSV cells are numbers with an optional unit
 * ({@code 0.5 mV}); errors point at the CSV line and column.
 */
final class DataFiles {
    private static final Pattern CELL = Pattern.compile("\\s*(-?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)\\s*([A-Za-z]*)\\s*");
    private static final int MAX_NEURON = Integer.MAX_VALUE - 8;

    private final Values values;

    DataFiles(Values values) {
        this.values = values;
    }

    /** A CSV file named by {@code file("...")}, resolved inside the folder of the file that names it. */
    private Optional<Csv> csv(Ast.Call call) {
        if (!values.arity(call, 1, 1)) return Optional.empty();
        if (!(call.args().get(0) instanceof Ast.Text name)) {
            values.error(call.args().get(0).loc(), "file(...) needs a quoted file name");
            return Optional.empty();
        }
        Optional<Path> path = SourcePaths.resolveInside(call.loc(), name.text(), values);
        if (path.isEmpty()) return Optional.empty();
        try {
            return Optional.of(new Csv(SourcePaths.shown(call.loc(), name.text()), Files.readAllLines(path.get())));
        } catch (IOException | java.io.UncheckedIOException e) {
            values.error(name.loc(), "cannot read '" + name.text() + "': " + SourcePaths.reason(e));
            return Optional.empty();
        }
    }

    private static Optional<Ast.Call> fileCall(Ast.Value v) {
        return v instanceof Ast.Call c && c.function().text().equals("file") ? Optional.of(c) : Optional.empty();
    }

    /** Non-blank, non-comment lines of a CSV file. */
    private record Csv(String path, List<String> lines) {
        List<Row> rows() {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
                rows.add(new Row(path, i + 1, line));
            }
            return rows;
        }
    }

    private record Row(String path, int line, String text) {
        List<Cell> cells() {
            List<Cell> cells = new ArrayList<>();
            int start = 0;
            while (true) {
                int comma = text.indexOf(',', start);
                int end = comma < 0 ? text.length() : comma;
                cells.add(new Cell(text.substring(start, end), new SourceLocation(path, line, start + 1)));
                if (comma < 0) return cells;
                start = comma + 1;
            }
        }

        SourceLocation loc() {
            return new SourceLocation(path, line, 1);
        }
    }

    private record Cell(String text, SourceLocation loc) {}

    private OptionalDouble cellQuantity(Cell cell, Dimension dim, String what) {
        Matcher m = CELL.matcher(cell.text());
        if (!m.matches()) {
            values.error(cell.loc(), "'" + what + "' needs " + Values.expected(dim) + ", got '" + cell.text().strip() + "'");
            return OptionalDouble.empty();
        }
        return values.quantity(new BigDecimal(m.group(1)), m.group(2), cell.loc(), dim, what);
    }

    private OptionalLong cellInteger(Cell cell, String what, long max) {
        Matcher m = CELL.matcher(cell.text());
        if (!m.matches() || !m.group(2).isEmpty()) {
            values.error(cell.loc(), "'" + what + "' needs a whole number, got '" + cell.text().strip() + "'");
            return OptionalLong.empty();
        }
        return values.integer(new BigDecimal(m.group(1)), cell.loc(), what, 0, max);
    }

    /** Header columns by name; reports unknown and missing ones. */
    private Optional<int[]> columns(Row header, List<String> required, List<String> optional) {
        List<Cell> cells = header.cells();
        int[] index = new int[required.size() + optional.size()];
        java.util.Arrays.fill(index, -1);
        List<String> all = new ArrayList<>(required);
        all.addAll(optional);
        boolean ok = true;
        for (int c = 0; c < cells.size(); c++) {
            String name = cells.get(c).text().strip();
            int at = all.indexOf(name);
            if (at < 0) {
                values.error(cells.get(c).loc(), "unknown column '" + name + "' (columns: " + String.join(", ", all) + ")"
                        + myelin.ir.diag.Suggestions.didYouMean(name, all));
                ok = false;
            } else {
                index[at] = c;
            }
        }
        for (int r = 0; r < required.size(); r++) {
            if (index[r] < 0) {
                values.error(header.loc(), "the header needs a column '" + required.get(r) + "'");
                ok = false;
            }
        }
        return ok ? Optional.of(index) : Optional.empty();
    }

    private Optional<List<Row>> dataRows(Csv csv, Ast.Call call, String header) {
        List<Row> rows = csv.rows();
        if (rows.isEmpty()) {
            values.error(call.loc(), "'" + csv.path() + "' is empty; it needs a header line '" + header + "'");
            return Optional.empty();
        }
        return Optional.of(rows);
    }

    private static Optional<Cell> cell(Row row, List<Cell> cells, int column, String name, Values values) {
        if (column < cells.size()) return Optional.of(cells.get(column));
        values.error(row.loc(), "row has no '" + name + "' value");
        return Optional.empty();
    }

    Optional<List<SpikeArraySource.Spike>> spikes(Ast.Value value) {
        List<SpikeArraySource.Spike> spikes = new ArrayList<>();
        boolean ok = true;
        Optional<Ast.Call> file = fileCall(value);
        if (file.isPresent()) {
            Optional<Csv> csv = csv(file.get());
            Optional<List<Row>> rows = csv.flatMap(c -> dataRows(c, file.get(), "neuron,time"));
            if (rows.isEmpty()) return Optional.empty();
            Optional<int[]> cols = columns(rows.get().get(0), List.of("neuron", "time"), List.of());
            if (cols.isEmpty()) return Optional.empty();
            for (Row row : rows.get().subList(1, rows.get().size())) {
                List<Cell> cells = row.cells();
                var n = cell(row, cells, cols.get()[0], "neuron", values).map(c -> cellInteger(c, "neuron", MAX_NEURON));
                var t = cell(row, cells, cols.get()[1], "time", values).map(c -> cellQuantity(c, Dimension.TIME, "time"));
                if (n.isEmpty() || t.isEmpty() || n.get().isEmpty() || t.get().isEmpty()) {
                    ok = false;
                    continue;
                }
                spikes.add(new SpikeArraySource.Spike((int) n.get().getAsLong(), t.get().getAsDouble()));
            }
            return ok ? Optional.of(spikes) : Optional.empty();
        }
        if (!(value instanceof Ast.ListValue list)) {
            values.error(value.loc(), "'spikes' needs a list like [0 @ 1 ms, 3 @ 2.5 ms] or file(\"spikes.csv\"), got "
                    + Values.describe(value));
            return Optional.empty();
        }
        for (Ast.Value item : list.items()) {
            if (!(item instanceof Ast.SpikeAt at)) {
                values.error(item.loc(), "a spike is written 'neuron @ time', got " + Values.describe(item));
                ok = false;
                continue;
            }
            OptionalLong n = values.integer(at.neuron(), at.loc(), "neuron", 0, MAX_NEURON);
            OptionalDouble t = values.quantity(at.time(), Dimension.TIME, "spike time");
            if (n.isEmpty() || t.isEmpty()) {
                ok = false;
                continue;
            }
            spikes.add(new SpikeArraySource.Spike((int) n.getAsLong(), t.getAsDouble()));
        }
        return ok ? Optional.of(spikes) : Optional.empty();
    }

    /** Connections: tuples (pre, post[, weight or _[, delay]]) or a CSV with header pre,post[,weight][,delay]. */
    Optional<List<Connector.ExplicitList.Synapse>> connections(Ast.Value value, Dimension weightDim) {
        List<Connector.ExplicitList.Synapse> synapses = new ArrayList<>();
        boolean ok = true;
        Optional<Ast.Call> file = fileCall(value);
        if (file.isPresent()) {
            Optional<List<Row>> rows = csv(file.get()).flatMap(c -> dataRows(c, file.get(), "pre,post,weight,delay"));
            if (rows.isEmpty()) return Optional.empty();
            Optional<int[]> cols = columns(rows.get().get(0), List.of("pre", "post"), List.of("weight", "delay"));
            if (cols.isEmpty()) return Optional.empty();
            int[] c = cols.get();
            for (Row row : rows.get().subList(1, rows.get().size())) {
                List<Cell> cells = row.cells();
                var pre = cell(row, cells, c[0], "pre", values).map(x -> cellInteger(x, "pre", MAX_NEURON));
                var post = cell(row, cells, c[1], "post", values).map(x -> cellInteger(x, "post", MAX_NEURON));
                OptionalDouble w = c[2] < 0 ? OptionalDouble.of(Double.NaN)
                        : cell(row, cells, c[2], "weight", values).map(x -> cellQuantity(x, weightDim, "weight")).orElse(OptionalDouble.empty());
                OptionalDouble d = c[3] < 0 ? OptionalDouble.of(Double.NaN)
                        : cell(row, cells, c[3], "delay", values).map(x -> cellQuantity(x, Dimension.TIME, "delay")).orElse(OptionalDouble.empty());
                if (pre.isEmpty() || post.isEmpty() || pre.get().isEmpty() || post.get().isEmpty() || w.isEmpty() || d.isEmpty()) {
                    ok = false;
                    continue;
                }
                synapses.add(new Connector.ExplicitList.Synapse((int) pre.get().getAsLong(), (int) post.get().getAsLong(),
                        w.getAsDouble(), d.getAsDouble()));
            }
            return ok ? Optional.of(synapses) : Optional.empty();
        }
        if (!(value instanceof Ast.ListValue list)) {
            values.error(value.loc(), "'connections' needs a list like [(0, 1), (1, 2, 0.5 mV, 2 ms)] or file(\"conn.csv\"), got "
                    + Values.describe(value));
            return Optional.empty();
        }
        for (Ast.Value item : list.items()) {
            if (!(item instanceof Ast.Tuple t) || t.items().size() < 2 || t.items().size() > 4) {
                values.error(item.loc(), "a connection is written (pre, post[, weight[, delay]]), got " + Values.describe(item));
                ok = false;
                continue;
            }
            OptionalLong pre = values.integer(t.items().get(0), "pre", 0, MAX_NEURON);
            OptionalLong post = values.integer(t.items().get(1), "post", 0, MAX_NEURON);
            OptionalDouble w = OptionalDouble.of(Double.NaN);
            if (t.items().size() > 2 && !(t.items().get(2) instanceof Ast.Name n && n.name().equals("_"))) {
                w = values.quantity(t.items().get(2), weightDim, "weight");
            }
            OptionalDouble d = t.items().size() > 3 ? values.quantity(t.items().get(3), Dimension.TIME, "delay")
                    : OptionalDouble.of(Double.NaN);
            if (pre.isEmpty() || post.isEmpty() || w.isEmpty() || d.isEmpty()) {
                ok = false;
                continue;
            }
            synapses.add(new Connector.ExplicitList.Synapse((int) pre.getAsLong(), (int) post.getAsLong(),
                    w.getAsDouble(), d.getAsDouble()));
        }
        return ok ? Optional.of(synapses) : Optional.empty();
    }

    /** A kernel: nested lists of rank 2 ([kh][kw], one channel) or 4 ([C'][C][kh][kw]), or a CSV of rank 2. */
    record Kernel(int[] shape, double[] values) {}

    Optional<Kernel> kernel(Ast.Value value) {
        Optional<Ast.Call> file = fileCall(value);
        if (file.isPresent()) {
            Optional<Csv> csv = csv(file.get());
            if (csv.isEmpty()) return Optional.empty();
            List<double[]> rows = new ArrayList<>();
            boolean ok = true;
            for (Row row : csv.get().rows()) {
                List<Cell> cells = row.cells();
                double[] r = new double[cells.size()];
                for (int i = 0; i < r.length; i++) {
                    OptionalDouble v = cellQuantity(cells.get(i), Dimension.NONE, "kernel value");
                    if (v.isEmpty()) ok = false;
                    else r[i] = v.getAsDouble();
                }
                if (!rows.isEmpty() && r.length != rows.get(0).length) {
                    values.error(row.loc(), "kernel row has " + r.length + " values, the first row has " + rows.get(0).length);
                    ok = false;
                }
                rows.add(r);
            }
            if (rows.isEmpty()) {
                values.error(file.get().loc(), "kernel file '" + csv.get().path() + "' has no rows");
                return Optional.empty();
            }
            if (!ok) return Optional.empty();
            double[] flat = rows.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
            return Optional.of(new Kernel(new int[] {1, 1, rows.size(), rows.get(0).length}, flat));
        }
        List<Integer> shape = new ArrayList<>();
        List<Double> flat = new ArrayList<>();
        if (!nested(value, 0, shape, flat)) return Optional.empty();
        if (shape.size() != 2 && shape.size() != 4) {
            values.error(value.loc(), "a kernel is [kh][kw] or [out_channels][in_channels][kh][kw], got rank " + shape.size());
            return Optional.empty();
        }
        if (shape.size() == 2) {
            shape.add(0, 1);
            shape.add(0, 1);
        }
        return Optional.of(new Kernel(shape.stream().mapToInt(Integer::intValue).toArray(),
                flat.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    /** Walks nested lists, fixing the shape from the first element at each depth. */
    private boolean nested(Ast.Value value, int depth, List<Integer> shape, List<Double> flat) {
        if (value instanceof Ast.ListValue list) {
            if (list.items().isEmpty()) {
                values.error(list.loc(), "a kernel cannot have an empty dimension");
                return false;
            }
            if (shape.size() == depth) shape.add(list.items().size());
            else if (shape.size() < depth || shape.get(depth) != list.items().size()) {
                values.error(list.loc(), "ragged kernel: expected " + (shape.size() > depth ? shape.get(depth) : 0)
                        + " values at depth " + (depth + 1) + ", got " + list.items().size());
                return false;
            }
            boolean ok = true;
            for (Ast.Value item : list.items()) ok &= nested(item, depth + 1, shape, flat);
            return ok;
        }
        if (depth != shape.size()) {
            values.error(value.loc(), "ragged kernel: expected a list at depth " + (depth + 1));
            return false;
        }
        if (depth == 0) {
            values.error(value.loc(), "'kernel' needs nested lists like [[0, 1], [1, 0]] or file(\"kernel.csv\")");
            return false;
        }
        OptionalDouble v = values.quantity(value, Dimension.NONE, "kernel value");
        v.ifPresent(flat::add);
        return v.isPresent();
    }
}
