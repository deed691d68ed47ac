package myelin.ir.logic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import myelin.ir.diag.InputException;
import myelin.ir.diag.SourceLocation;

/**
 * The gate netlist's text form, which {@link #read} parses back to the same text:
 * <pre>
 * gates xor library=tulip populations=[inputs, or_gate, and_gate, xor_gate] {
 *   input 0 = inputs[0] delay=1
 *   cell 2 = [0, 1] weights=[1, 1] >= 1
 *   output or_gate[0] = 2
 * }
 * </pre>
 */
public final class GateNetlistText {
    private static final Pattern HEADER = Pattern.compile("gates (\\S+) library=(\\S+) populations=\\[(.*)] \\{");
    private static final Pattern INPUT = Pattern.compile("input (\\d+) = (\\S+)\\[(\\d+)] delay=(\\d+)");
    private static final Pattern CELL = Pattern.compile("cell (\\d+) = \\[(.*)] weights=\\[(.*)] >= (-?\\d+)");
    private static final Pattern OUTPUT = Pattern.compile("output (\\S+)\\[(\\d+)] = (\\d+)");

    private GateNetlistText() {}

    public static String print(GateNetlist n) {
        StringBuilder s = new StringBuilder();
        s.append("gates ").append(n.name()).append(" library=").append(n.library()).append(" populations=[")
                .append(String.join(", ", n.populations())).append("] {\n");
        for (int i = 0; i < n.inputs().size(); i++) {
            GateNetlist.Input in = n.inputs().get(i);
            s.append("  input ").append(i).append(" = ").append(n.populations().get(in.population())).append('[').append(in.neuron())
                    .append("] delay=").append(in.delay()).append('\n');
        }
        for (int k = 0; k < n.cells().size(); k++) {
            GateNetlist.Cell c = n.cells().get(k);
            s.append("  cell ").append(n.cellSignal(k)).append(" = ").append(list(c.inputs())).append(" weights=").append(list(c.weights()))
                    .append(" >= ").append(c.threshold()).append('\n');
        }
        for (GateNetlist.Output o : n.outputs()) {
            s.append("  output ").append(n.populations().get(o.population())).append('[').append(o.neuron()).append("] = ")
                    .append(o.signal()).append('\n');
        }
        return s.append("}\n").toString();
    }

    private static String list(int[] v) {
        return Arrays.toString(v);
    }

    /** What is wrong with a netlist: a cell reading a signal not before it, a weight per input, outputs that exist. */
    public static List<String> verify(GateNetlist n) {
        List<String> problems = new ArrayList<>();
        for (int k = 0; k < n.cells().size(); k++) {
            GateNetlist.Cell c = n.cells().get(k);
            if (c.inputs().length != c.weights().length) problems.add("cell " + n.cellSignal(k) + ": " + c.inputs().length + " inputs, "
                    + c.weights().length + " weights");
            for (int s : c.inputs()) if (s < 0 || s >= n.cellSignal(k)) problems.add("cell " + n.cellSignal(k) + " reads signal " + s);
        }
        for (GateNetlist.Input in : n.inputs()) if (in.delay() < 1) problems.add("input of " + in.population() + " with delay " + in.delay());
        for (GateNetlist.Output o : n.outputs()) if (o.signal() < 0 || o.signal() >= n.signals()) problems.add("output reads signal " + o.signal());
        return problems;
    }

    public static GateNetlist read(String path, String text) {
        String[] lines = text.split("\n");
        Matcher h = HEADER.matcher(lines.length > 0 ? lines[0] : "");
        if (!h.matches()) throw error(path, 1, "expected 'gates NAME library=L populations=[...] {'");
        List<String> pops = h.group(3).isBlank() ? List.of() : List.of(h.group(3).split(", "));
        List<GateNetlist.Input> inputs = new ArrayList<>();
        List<GateNetlist.Cell> cells = new ArrayList<>();
        List<GateNetlist.Output> outputs = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.equals("}")) return new GateNetlist(h.group(1), h.group(2), pops, inputs, cells, outputs);
            Matcher m;
            if ((m = INPUT.matcher(line)).matches()) {
                expect(path, i, Integer.parseInt(m.group(1)), inputs.size());
                inputs.add(new GateNetlist.Input(population(path, i, pops, m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
            } else if ((m = CELL.matcher(line)).matches()) {
                expect(path, i, Integer.parseInt(m.group(1)), inputs.size() + cells.size());
                int[] in = ints(m.group(2));
                int[] w = ints(m.group(3));
                if (in.length != w.length) throw error(path, i + 1, "a cell needs one weight per input");
                for (int s : in) if (s >= inputs.size() + cells.size()) throw error(path, i + 1, "signal " + s + " is not defined before the cell");
                cells.add(new GateNetlist.Cell(in, w, Long.parseLong(m.group(4))));
            } else if ((m = OUTPUT.matcher(line)).matches()) {
                int signal = Integer.parseInt(m.group(3));
                if (signal >= inputs.size() + cells.size()) throw error(path, i + 1, "no signal " + signal);
                outputs.add(new GateNetlist.Output(population(path, i, pops, m.group(1)), Integer.parseInt(m.group(2)), signal));
            } else {
                throw error(path, i + 1, "expected 'input', 'cell', 'output' or '}'");
            }
        }
        throw error(path, lines.length, "missing '}'");
    }

    private static void expect(String path, int line, int got, int want) {
        if (got != want) throw error(path, line + 1, "signal " + got + " out of order (expected " + want + ")");
    }

    private static int population(String path, int line, List<String> pops, String name) {
        int p = pops.indexOf(name);
        if (p < 0) throw error(path, line + 1, "unknown population '" + name + "'");
        return p;
    }

    private static int[] ints(String s) {
        return s.isBlank() ? new int[0] : Arrays.stream(s.split(", ")).mapToInt(Integer::parseInt).toArray();
    }

    private static InputException error(String path, int line, String message) {
        return InputException.of(new SourceLocation(path, line, 1), message);
    }
}
