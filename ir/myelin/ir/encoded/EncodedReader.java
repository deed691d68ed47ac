package myelin.ir.encoded;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import myelin.ir.diag.InputException;
import myelin.ir.integer.IntModel;
import myelin.ir.integer.IntModelText;
import myelin.ir.integer.Profile;
import myelin.ir.synapses.Connectivity;
import myelin.ir.text.LineReader;
import myelin.ir.text.StateText;

/** Parses the text {@link EncodedPrinter} writes in full; errors are placed at their line. */
public final class EncodedReader {
    private static final Pattern HEADER = Pattern.compile("encoded (\\S+) profile=(\\S+) seed=(-?\\d+) \\{");
    private static final Pattern POPULATION = Pattern.compile("population (\\S+) \\[(\\d+)] (.+)");
    private static final Pattern PROJECTION = Pattern.compile(
            "projection (\\S+) : (\\S+) -> (\\S+) channel=(\\d+) synapses=(\\d+) weight=(-?\\d+|each) delay=(\\d+|each)");
    private static final Pattern ROW = Pattern.compile("row (\\d+):((?: \\S+)*)");

    private final LineReader in;

    private EncodedReader(String path, String text) {
        this.in = new LineReader(path, text);
    }

    public static EncodedNetwork read(String path, String text) {
        return new EncodedReader(path, text).network();
    }

    private InputException error(String message) {
        return in.error(message);
    }

    private String next() {
        return in.peek();
    }

    private EncodedNetwork network() {
        in.refuseSummary(EncodedPrinter.SUMMARY_MARK);
        Matcher h = HEADER.matcher(next());
        if (!h.matches()) throw error("expected 'encoded NAME profile=P seed=S {'");
        Profile profile = Profile.named(h.group(2)).orElseThrow(() -> error("unknown profile '" + h.group(2) + "'"));
        in.advance();
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
        in.advance();
        in.expectEnd();
        return new EncodedNetwork(h.group(1), profile, Long.parseLong(h.group(3)), populations, projections, List.of());
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
        in.advance();
        StateText.State state = StateText.read(in, size, "population " + m.group(1));
        return new EncodedNetwork.Population(m.group(1), size, model, state.currents(), state.bias(), state.initialV(),
                state.initialCurrents());
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
        in.advance();
        for (Matcher r; (r = ROW.matcher(next())).matches(); in.advance()) {
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
