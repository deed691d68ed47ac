package myelin.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import myelin.ir.diag.Diagnostic;
import myelin.ir.diag.InputException;
import myelin.ir.diag.SourceLocation;
import myelin.ir.diag.Suggestions;
import myelin.ir.network.Network;
import myelin.simulator.SpikeTrain;

/** Spike files: CSV with the header {@code step,population,neuron}, one spike per row. */
public final class SpikeCsv {
    public static final String HEADER = "step,population,neuron";

    public record Spike(int step, String population, int neuron) {}

    private SpikeCsv() {}

    public static void write(OutputStream stream, SpikeTrain record, Network net) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8));
        out.println(HEADER);
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < record.size(); i++) {
            line.setLength(0);
            line.append(record.step(i)).append(',').append(net.populations().get(record.population(i)).name())
                    .append(',').append(record.neuron(i));
            for (int c = 0; c < record.count(i); c++) out.println(line); // one row per spike
        }
        out.flush();
    }

    /** Reads input spikes, reporting every bad row with its line and column. */
    public static List<Spike> read(Path path, Network net, int steps) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw InputException.of(SourceLocation.of(path.toString()), "cannot read spike file: "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        }
        List<Diagnostic> errors = new ArrayList<>();
        List<Spike> spikes = new ArrayList<>();
        List<String> names = net.populations().stream().map(p -> p.name()).toList();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            if (!header) {
                if (!line.strip().equals(HEADER)) {
                    errors.add(Diagnostic.error(new SourceLocation(path.toString(), i + 1, 1), "the header must be '" + HEADER + "'"));
                    break;
                }
                header = true;
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 3) {
                errors.add(Diagnostic.error(new SourceLocation(path.toString(), i + 1, 1), "expected 3 values (step,population,neuron), got " + cells.length));
                continue;
            }
            int col2 = cells[0].length() + 2;
            int col3 = col2 + cells[1].length() + 1;
            Integer step = integer(cells[0], path, i + 1, 1, "step", 0, steps - 1, errors);
            String pop = cells[1].strip();
            var population = net.population(pop);
            if (population.isEmpty()) {
                errors.add(Diagnostic.error(new SourceLocation(path.toString(), i + 1, col2), "unknown population '" + pop + "'"
                        + Suggestions.didYouMean(pop, names)));
                continue;
            }
            Integer neuron = integer(cells[2], path, i + 1, col3, "neuron", 0, population.get().size() - 1, errors);
            if (step != null && neuron != null) spikes.add(new Spike(step, pop, neuron));
        }
        if (!header && errors.isEmpty()) {
            errors.add(Diagnostic.error(new SourceLocation(path.toString(), 1, 1), "empty spike file; it needs the header '" + HEADER + "'"));
        }
        if (!errors.isEmpty()) throw new InputException(errors);
        return spikes;
    }

    private static Integer integer(String text, Path path, int line, int col, String what, long min, long max, List<Diagnostic> errors) {
        try {
            long v = Long.parseLong(text.strip());
            if (v < min || v > max) {
                errors.add(Diagnostic.error(new SourceLocation(path.toString(), line, col), what + " " + v + " is outside [" + min + ", " + max + "]"));
                return null;
            }
            return (int) v;
        } catch (NumberFormatException e) {
            errors.add(Diagnostic.error(new SourceLocation(path.toString(), line, col), what + " must be a whole number, got '" + text.strip() + "'"));
            return null;
        }
    }

    public static void writeTo(Path path, SpikeTrain record, Network net) throws IOException {
        AtomicFiles.write(path, out -> write(out, record, net));
    }
}
