package myelin.ir.hardware;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import myelin.ir.diag.InputException;
import myelin.ir.diag.SourceLocation;
import myelin.ir.integer.IntModel;
import myelin.ir.integer.IntModelText;
import myelin.ir.integer.Profile;

/** Parses the text {@link HardwarePrinter} writes in full; errors are placed at their line. */
public final class HardwareReader {
    private static final Pattern HEADER = Pattern.compile("hardware (\\S+) target=(\\S+) profile=(\\S+) seed=(-?\\d+) delay_slots=(\\d+) \\{");
    private static final Pattern CORE = Pattern.compile("core (\\d+) (\\S+)\\[(\\d+)\\.\\.(\\d+)\\) ring=(\\d+) (.+)");
    private static final Pattern KERNEL = Pattern.compile("kernel projection=(\\S+) in=(\\d+)x(\\d+)x(\\d+) out=(\\d+)x(\\d+)x(\\d+)"
            + " size=(\\d+)x(\\d+) stride=(\\d+) padding=(\\d+) weights (\\[.*])");
    private static final Pattern EXTENSION = Pattern.compile("delay_extension source=(\\d+) stages=(\\d+)");
    private static final Pattern BLOCK = Pattern.compile("block core=(\\d+) source=(\\d+) stage=(\\d+) projection=(\\S+) channel=(\\d+) (\\w+)"
            + " synapses=(\\d+) bits=(\\d+) shift=(\\d+) weight_bits=(\\d+) weight_sign=(-?\\d+) delay_bits=(\\d+) delay=(\\d+)"
            + " type_bits=(\\d+) index_bits=(\\d+) offset_bits=(\\d+) word_bits=(\\d+)");

    private final String path;
    private final String[] lines;
    private int at;

    private HardwareReader(String path, String text) {
        this.path = path;
        this.lines = text.split("\n", -1);
    }

    public static HardwareNetwork read(String path, String text) {
        return new HardwareReader(path, text).network();
    }

    private InputException error(String message) {
        return InputException.of(new SourceLocation(path, at + 1, 1), message);
    }

    private String next() {
        while (at < lines.length && lines[at].isBlank()) at++;
        return at < lines.length ? lines[at].strip() : "";
    }

    private HardwareNetwork network() {
        if (next().startsWith(HardwarePrinter.SUMMARY_MARK)) {
            throw error("this is a summary of a large network, which does not parse; print the stage in full");
        }
        Matcher h = HEADER.matcher(next());
        if (!h.matches()) throw error("expected 'hardware NAME target=T profile=P seed=S delay_slots=N {'");
        Profile profile = Profile.named(h.group(3)).orElseThrow(() -> error("unknown profile '" + h.group(3) + "'"));
        at++;
        String populationLine = next();
        if (!populationLine.startsWith("populations ")) throw error("expected 'populations [NAME, ...]'");
        List<String> populations = List.of(list(populationLine.substring("populations ".length())));
        at++;
        List<Core> cores = new ArrayList<>();
        List<DelayExtension> extensions = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        List<Kernel> kernels = new ArrayList<>();
        while (true) {
            String line = next();
            Matcher m;
            if (line.equals("}")) break;
            if (line.isEmpty()) throw error("missing '}' at the end");
            if ((m = CORE.matcher(line)).matches()) {
                cores.add(core(m, populations));
            } else if ((m = EXTENSION.matcher(line)).matches()) {
                extensions.add(new DelayExtension(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
                at++;
            } else if ((m = KERNEL.matcher(line)).matches()) {
                int[] g = new int[10];
                for (int i = 0; i < 10; i++) g[i] = Integer.parseInt(m.group(i + 2));
                int[] weights = values(m.group(12), g[0] * g[3] * g[6] * g[7]);
                kernels.add(new Kernel(m.group(1), g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], g[8], g[9], weights));
                at++;
            } else if ((m = BLOCK.matcher(line)).matches()) {
                blocks.add(block(m, cores));
            } else {
                throw error("expected 'core', 'delay_extension', 'block' or '}'");
            }
        }
        at++;
        if (!next().isEmpty()) throw error("text after the closing '}'");
        return new HardwareNetwork(h.group(1), h.group(2), profile, Long.parseLong(h.group(4)), Integer.parseInt(h.group(5)), populations,
                cores, extensions, kernels, blocks);
    }

    private Core core(Matcher m, List<String> populations) {
        int id = Integer.parseInt(m.group(1));
        int population = populations.indexOf(m.group(2));
        if (population < 0) throw error("no population '" + m.group(2) + "'");
        int first = Integer.parseInt(m.group(3));
        int size = Integer.parseInt(m.group(4)) - first;
        IntModel model;
        try {
            model = IntModelText.parse(m.group(6));
        } catch (IllegalArgumentException e) {
            throw error("core " + id + ": " + e.getMessage());
        }
        at++;
        List<String> currents = List.of();
        int[] bias = new int[0];
        int[] v = new int[0];
        List<int[]> initial = new ArrayList<>();
        while (true) {
            String sub = next();
            if (sub.startsWith("currents ")) {
                currents = List.of(list(sub.substring("currents ".length())));
                for (int c = 0; c < currents.size(); c++) initial.add(new int[0]);
            } else if (sub.startsWith("bias ")) {
                bias = values(sub.substring("bias ".length()), size);
            } else if (sub.startsWith("init v ")) {
                v = values(sub.substring("init v ".length()), size);
            } else if (sub.startsWith("init i_")) {
                String[] parts = sub.substring("init i_".length()).split(" ", 2);
                int c = currents.indexOf(parts[0]);
                if (c < 0 || parts.length < 2) throw error("no current '" + parts[0] + "' in core " + id);
                initial.set(c, values(parts[1], size));
            } else {
                break;
            }
            at++;
        }
        return new Core(id, m.group(2), population, first, size, model, currents, bias, v, initial.toArray(new int[0][]),
                Integer.parseInt(m.group(5)));
    }

    private Block block(Matcher m, List<Core> cores) {
        int source = Integer.parseInt(m.group(2));
        if (source >= cores.size()) throw error("no source core " + source);
        Encoding encoding;
        try {
            encoding = Encoding.of(m.group(6));
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
        Layout layout = new Layout(cores.get(source).size(), Integer.parseInt(m.group(9)), Integer.parseInt(m.group(10)),
                Integer.parseInt(m.group(11)), Integer.parseInt(m.group(12)), Integer.parseInt(m.group(14)), Integer.parseInt(m.group(15)),
                Integer.parseInt(m.group(16)), Integer.parseInt(m.group(17)), Integer.parseInt(m.group(13)));
        long bits = Long.parseLong(m.group(8));
        long[] data = new long[(int) ((bits + 63) / 64)];
        at++;
        int filled = 0;
        while (next().startsWith("data ")) {
            for (String word : next().substring(5).strip().split(" ")) {
                if (filled == data.length) throw error("more data than the block's " + bits + " bits");
                try {
                    data[filled++] = Long.parseUnsignedLong(word, 16);
                } catch (NumberFormatException e) {
                    throw error("not a 64-bit hex word: '" + word + "'");
                }
            }
            at++;
        }
        if (filled != data.length) throw error("the block needs " + data.length + " words of data, found " + filled);
        return new Block(Integer.parseInt(m.group(1)), source, Integer.parseInt(m.group(3)), m.group(4), Integer.parseInt(m.group(5)),
                encoding, layout, Integer.parseInt(m.group(7)), bits, data);
    }

    private String[] list(String text) {
        if (!text.startsWith("[") || !text.endsWith("]")) throw error("expected a [list]");
        String inner = text.substring(1, text.length() - 1).strip();
        return inner.isEmpty() ? new String[0] : inner.split(",\\s*");
    }

    private int[] values(String text, int size) {
        try {
            int[] v = Arrays.stream(list(text)).mapToInt(Integer::parseInt).toArray();
            if (v.length != size) throw error(v.length + " values where " + size + " belong");
            return v;
        } catch (NumberFormatException e) {
            throw error("not an integer: " + e.getMessage());
        }
    }
}
