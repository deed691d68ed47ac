package myelin.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import myelin.ir.diag.InputException;
import myelin.ir.diag.SourceLocation;
import myelin.ir.network.Network;
import myelin.simulator.SpikeTrain;

/**
 * The spikes a run recorded, of one network over a number of steps; written and read as a
 * golden file: the spike CSV of {@code myelin simulate -o} after a first line
 * {@code # myelin spikes: NETWORK, N steps} that says how long the run was.
 */
public final class SpikeRecord {
    private static final Pattern FIRST_LINE = Pattern.compile("# myelin spikes: (\\S+), ([0-9]+) steps\\s*");

    private final Network network;
    private final int steps;
    private final SpikeTrain spikes;
    /** The populations a run records (Simulations.recordedSpikes): they count even without spikes. */
    private final boolean[] recorded;

    SpikeRecord(Network network, int steps, SpikeTrain spikes) {
        this.network = network;
        this.steps = steps;
        this.spikes = spikes;
        this.recorded = Simulations.recordedSpikes(network);
    }

    public String network() {
        return network.name();
    }

    public int steps() {
        return steps;
    }

    /** Spikes per recorded population (and any other that has spikes here), in declaration order. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int p = 0; p < recorded.length; p++) if (recorded[p]) counts.put(network.populations().get(p).name(), 0L);
        for (int i = 0; i < spikes.size(); i++) counts.merge(network.populations().get(spikes.population(i)).name(), (long) spikes.count(i), Long::sum);
        return counts;
    }

    public long total() {
        return counts().values().stream().mapToLong(Long::longValue).sum();
    }

    SpikeTrain train() {
        return spikes;
    }

    /** Writes the golden file (atomically). */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            out.write(String.format(Locale.ROOT, "# myelin spikes: %s, %d steps%n", network.name(), steps).getBytes(StandardCharsets.UTF_8));
            SpikeCsv.write(out, spikes, network);
        });
    }

    /** Reads a golden file of the network; a bad line is an input error at its place. */
    static SpikeRecord read(Path file, Network network) {
        String first;
        try (var lines = Files.lines(file)) {
            first = lines.findFirst().orElse("");
        } catch (IOException | UncheckedIOException e) {
            throw InputException.of(SourceLocation.of(file.toString()), "cannot read golden spike file: "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file (record it with -Dmyelin.record)" : e.getMessage()));
        }
        Matcher m = FIRST_LINE.matcher(first);
        if (!m.matches()) {
            throw InputException.of(new SourceLocation(file.toString(), 1, 1), "a golden spike file starts with '# myelin spikes: NETWORK, N steps'");
        }
        int goldenSteps = Integer.parseInt(m.group(2));
        List<SpikeCsv.Spike> rows = new ArrayList<>(SpikeCsv.read(file, network, goldenSteps));
        rows.sort(Comparator.comparingInt(SpikeCsv.Spike::step).thenComparingInt(s -> index(network, s.population())).thenComparingInt(SpikeCsv.Spike::neuron));
        SpikeTrain train = new SpikeTrain();
        for (int i = 0; i < rows.size(); ) {
            int j = i;
            while (j < rows.size() && rows.get(j).equals(rows.get(i))) j++;
            SpikeCsv.Spike s = rows.get(i);
            train.add(s.step(), index(network, s.population()), s.neuron(), j - i);
            i = j;
        }
        return new SpikeRecord(network, goldenSteps, train);
    }

    private static int index(Network network, String population) {
        return network.populations().indexOf(network.population(population).orElseThrow());
    }

    /**
     * Empty when the two records hold the same spikes; else what differs, readably: the first
     * differing spike (step, population, neuron, both counts) and the spikes per population.
     */
    public Optional<String> differenceFrom(SpikeRecord expected, String expectedName, String actualName) {
        Optional<EngineComparison.Divergence> first = EngineComparison.firstDifference(expected.spikes, spikes);
        if (first.isEmpty() && expected.steps == steps) return Optional.empty();
        StringBuilder text = new StringBuilder();
        if (first.isPresent()) {
            EngineComparison.Divergence d = first.get();
            text.append(String.format(Locale.ROOT, "first differing spike at step %d, population %s, neuron %d: %s %d spike(s), %s %d%n",
                    d.step(), network.populations().get(d.population()).name(), d.neuron(), expectedName, d.countA(), actualName, d.countB()));
        } else {
            text.append(String.format(Locale.ROOT, "the same spikes, but %s ran %d steps and %s %d%n", expectedName, expected.steps, actualName, steps));
        }
        text.append(String.format(Locale.ROOT, "  %-16s %12s %12s%n", "population", expectedName, actualName));
        Map<String, Long> a = expected.counts();
        Map<String, Long> b = counts();
        for (var p : network.populations()) {
            if (!a.containsKey(p.name()) && !b.containsKey(p.name())) continue;
            long x = a.getOrDefault(p.name(), 0L);
            long y = b.getOrDefault(p.name(), 0L);
            text.append(String.format(Locale.ROOT, "  %-16s %12d %12d%s%n", p.name(), x, y, x == y ? "" : "  *"));
        }
        return Optional.of(text.toString());
    }
}
