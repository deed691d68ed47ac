package myelin.ir.hardware;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import myelin.ir.diag.InputException;
import myelin.ir.integer.IntModel;
import myelin.ir.integer.IntModelText;
import myelin.ir.integer.Profile;
import myelin.ir.text.LineReader;
import myelin.ir.text.StateText;

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

    private final LineReader in;

    private HardwareReader(String path, String text) {
        this.in = new LineReader(path, text);
    }

    public static HardwareNetwork read(String path, String text) {
        return new HardwareReader(path, text).network();
    }

    private InputException error(String message) {
        return in.error(message);
    }

    private String next() {
        return in.peek();
    }

    private HardwareNetwork network() {
        in.refuseSummary(HardwarePrinter.SUMMARY_MARK);
        Matcher h = HEADER.matcher(next());
        if (!h.matches()) throw error("expected 'hardware NAME target=T profile=P seed=S delay_slots=N {'");
        Profile profile = Profile.named(h.group(3)).orElseThrow(() -> error("unknown profile '" + h.group(3) + "'"));
        in.advance();
        String populationLine = next();
        if (!populationLine.startsWith("populations ")) throw error("expected 'populations [NAME, ...]'");
        List<String> populations = List.of(in.list(populationLine.substring("populations ".length())));
        in.advance();
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
                in.advance();
            } else if ((m = KERNEL.matcher(line)).matches()) {
                int[] g = new int[10];
                for (int i = 0; i < 10; i++) g[i] = Integer.parseInt(m.group(i + 2));
                int[] weights = in.ints(m.group(12), g[0] * g[3] * g[6] * g[7]);
                kernels.add(new Kernel(m.group(1), g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], g[8], g[9], weights));
                in.advance();
            } else if ((m = BLOCK.matcher(line)).matches()) {
                blocks.add(block(m, cores));
            } else {
                throw error("expected 'core', 'delay_extension', 'block' or '}'");
            }
        }
        in.advance();
        in.expectEnd();
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
        in.advance();
        StateText.State state = StateText.read(in, size, "core " + id);
        return new Core(id, m.group(2), population, first, size, model, state.currents(), state.bias(), state.initialV(),
                state.initialCurrents(), Integer.parseInt(m.group(5)));
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
        in.advance();
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
            in.advance();
        }
        if (filled != data.length) throw error("the block needs " + data.length + " words of data, found " + filled);
        return new Block(Integer.parseInt(m.group(1)), source, Integer.parseInt(m.group(3)), m.group(4), Integer.parseInt(m.group(5)),
                encoding, layout, Integer.parseInt(m.group(7)), bits, data);
    }
}
