package myelin.ir.encoded;

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
import myelin.ir.synapses.Connectivity;

/** Parses the text {@link EncodedPrinter} writes in full; errors are placed at their line. */
public final class EncodedReader {
    private static final Pattern HEADER = Pattern.compile("encoded (\\S+) profile=(\\S+) seed=(-?\\d+) weights_rounded_to_zero=(\\d+) \\{");
    private static final Pattern POPULATION = Pattern.compile("population (\\S+) \\[(\\d+)] (.+)");
    private static final Pattern PROJECTION = Pattern.compile(
            "projection (\\S+) : (\\S+) -> (\\S+) channel=(\\d+) synapses=(\\d+) weight=(-?\\d+|each) delay=(\\d+|each)");
    private static final Pattern ROW = Pattern.compile("row (\\d+):((?: \\S+)*)");

    private final String path;
    private final String[] lines;
    private int at;

    private EncodedReader(String path, String text) {
        this.path = path;
        this.lines = text.split("\n", -1);
    }

    public static EncodedNetwork read(String path, String text) {
        return new EncodedReader(path, text).network();
    }

    private InputException error(String message) {
        return InputException.of(new SourceLocation(path, at + 1, 1), message);
    }

    /** The next line that is not blank, stripped; empty at the end. */
    private String next() {
        while (at < lines.length && lines[at].isBlank()) at++;
        return at < lines.length ? lines[at].strip() : "";
    }

    private EncodedNetwork network() {
        if (next().startsWith(EncodedPrinter.SUMMARY_MARK)) {
            throw error("this is a summary of a large network, which does not parse; print the stage in full");
        }
        Matcher h = HEADER.matcher(next());
        if (!h.matches()) throw error("expected 'encoded NAME profile=P seed=S weights_rounded_to_zero=N {'");
        Profile profile = Profile.named(h.group(2)).orElseThrow(() -> error("unknown profile '" + h.group(2) + "'"));
        at++;
        List<EncodedNetwork.Population> populations = new ArrayList<>();
        List<EncodedNetwork.Projection> projections = new ArrayList<>();
        while (true) {
            String line = next();
            if (line.equals("}")) break;
            if (line.isEmpty()) throw error("missing '}' at the end");
            if (line.startsWith("population ")) {
                if (!projections.isEmpty()) throw error("populations come before projections");
                populations.add(population(line));
            } else if (line.startsWith("projection ")) {
                projections.add(projection(line, populations));
            } else {
                throw error("expected 'population', 'projection' or '}'");
            }
        }
        at++;
        if (!next().isEmpty()) throw error("text after the closing '}'");
        return new EncodedNetwork(h.group(1), profile, Long.parseLong(h.group(3)), populations, projections, Long.parseLong(h.group(4)));
    }

    private EncodedNetwork.Population population(String line) {
        Matcher m = POPULATION.matcher(line);
        if (!m.matches()) throw error("expected 'population NAME [SIZE] MODEL'");
        int size = Integer.parseInt(m.group(2));
        IntModel model;
        try {
            model = IntModelText.parse(m.group(3));
        } catch (IllegalArgumentException e) {
            throw error("population " + m.group(1) + ": " + e.getMessage());
        }
        at++;
        List<String> currents = List.of();
        int[] bias = new int[0];
        int[] v = new int[0];
        List<int[]> initialCurrents = new ArrayList<>();
        while (true) {
            String sub = next();
            if (sub.startsWith("currents ")) {
                currents = List.of(list(sub.substring("currents ".length())));
                for (int c = 0; c < currents.size(); c++) initialCurrents.add(new int[0]);
            } else if (sub.startsWith("bias ")) {
                bias = values(sub.substring("bias ".length()), size);
            } else if (sub.startsWith("init v ")) {
                v = values(sub.substring("init v ".length()), size);
            } else if (sub.startsWith("init i_")) {
                String[] parts = sub.substring("init i_".length()).split(" ", 2);
                int c = currents.indexOf(parts[0]);
                if (c < 0 || parts.length < 2) throw error("no current '" + parts[0] + "' in population " + m.group(1));
                initialCurrents.set(c, values(parts[1], size));
            } else {
                break;
            }
            at++;
        }
        return new EncodedNetwork.Population(m.group(1), size, model, currents, bias, v, initialCurrents.toArray(new int[0][]));
    }

    private String[] list(String text) {
        if (!text.startsWith("[") || !text.endsWith("]")) throw error("expected a [list]");
        String inner = text.substring(1, text.length() - 1).strip();
        return inner.isEmpty() ? new String[0] : inner.split(",\\s*");
    }

    private int[] values(String text, int size) {
        try {
            int[] v = Arrays.stream(list(text)).mapToInt(Integer::parseInt).toArray();
            if (v.length != size) throw error(v.length + " values for " + size + " neurons");
            return v;
        } catch (NumberFormatException e) {
            throw error("not an integer: " + e.getMessage());
        }
    }

    private EncodedNetwork.Projection projection(String line, List<EncodedNetwork.Population> populations) {
        Matcher m = PROJECTION.matcher(line);
        if (!m.matches()) throw error("expected 'projection NAME : PRE -> POST channel=C synapses=N weight=W|each delay=D|each'");
        int pre = index(populations, m.group(2));
        int post = index(populations, m.group(3));
        int count = Integer.parseInt(m.group(5));
        boolean eachWeight = m.group(6).equals("each");
        boolean eachDelay = m.group(7).equals("each");
        int preSize = populations.get(pre).size();
        int postSize = populations.get(post).size();
        int[] rowStart = new int[preSize + 1];
        int[] posts = new int[count];
        int[] weights = eachWeight ? new int[count] : null;
        short[] delays = eachDelay ? new short[count] : null;
        int k = 0;
        int row = 0;
        at++;
        for (Matcher r; (r = ROW.matcher(next())).matches(); at++) {
            int n = Integer.parseInt(r.group(1));
            if (n < row || n >= preSize) throw error("row " + n + " is out of order or past the " + preSize + " pre neurons");
            while (row <= n) rowStart[row++] = k;
            for (String entry : r.group(2).strip().split(" ")) {
                if (k == count) throw error("more synapses than the " + count + " the projection declares");
                synapse(entry, k++, posts, weights, delays, postSize);
            }
        }
        while (row <= preSize) rowStart[row++] = k;
        if (k != count) throw error("projection " + m.group(1) + " declares " + count + " synapses but lists " + k);
        var synapses = new EncodedSynapses(new Connectivity(postSize, rowStart, posts), weights, eachWeight ? 0 : Integer.parseInt(m.group(6)), delays,
                eachDelay ? 0 : Integer.parseInt(m.group(7)));
        return new EncodedNetwork.Projection(m.group(1), pre, post, Integer.parseInt(m.group(4)), synapses);
    }

    private void synapse(String entry, int k, int[] posts, int[] weights, short[] delays, int postSize) {
        Matcher e = Pattern.compile("(\\d+)(?::(-?\\d+))?(?:@(\\d+))?").matcher(entry);
        if (!e.matches() || (e.group(2) != null) != (weights != null) || (e.group(3) != null) != (delays != null)) {
            throw error("synapse '" + entry + "' is not POST" + (weights != null ? ":WEIGHT" : "") + (delays != null ? "@DELAY" : ""));
        }
        posts[k] = Integer.parseInt(e.group(1));
        if (posts[k] >= postSize) throw error("post neuron " + posts[k] + " past the " + postSize + " neurons");
        if (weights != null) weights[k] = Integer.parseInt(e.group(2));
        if (delays != null) delays[k] = Short.parseShort(e.group(3));
    }

    private int index(List<EncodedNetwork.Population> populations, String name) {
        for (int i = 0; i < populations.size(); i++) if (populations.get(i).name().equals(name)) return i;
        throw error("no population '" + name + "'");
    }
}
