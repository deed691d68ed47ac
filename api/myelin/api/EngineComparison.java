package myelin.api;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import myelin.ir.network.Network;
import myelin.simulator.SpikeTrain;

/**
 * Compares the spikes of two engines on one network: counts per population, the first
 * differing spike, and the van Rossum distance (exponential kernel of {@link #TAU_STEPS}
 * steps, so that it means the same at any timestep; one unmatched spike alone is 0.5).
 */
public final class EngineComparison {
    public static final double TAU_STEPS = 10;

    /** Where two trains first differ: the step, population and neuron, and each train's spikes there. */
    public record Divergence(int step, int population, int neuron, int countA, int countB) {}

    /**
     * @param distance  per population, the van Rossum distance
     * @param firstDifference empty when the trains are identical
     */
    public record Comparison(long[] countA, long[] countB, double[] distance, double total, java.util.Optional<Divergence> firstDifference) {}

    private EngineComparison() {}

    /** Both trains hold every population's spikes in step, population, neuron order. */
    public static Comparison compare(SpikeTrain a, SpikeTrain b, int populations) {
        double[] squared = squaredDistances(a, b, populations);
        double[] distance = new double[populations];
        double total = 0;
        for (int p = 0; p < populations; p++) {
            distance[p] = Math.sqrt(squared[p]);
            total += squared[p];
        }
        return new Comparison(counts(a, populations), counts(b, populations), distance, Math.sqrt(total), firstDifference(a, b));
    }

    /**
     * The squared van Rossum distance between {@code a} and {@code b} over the populations not
     * excluded, relative to {@code b}'s own (its distance from no spikes); 0 when {@code b} has none.
     */
    public static double relativeSquared(SpikeTrain a, SpikeTrain b, boolean[] excluded) {
        double[] between = squaredDistances(a, b, excluded.length);
        double[] own = squaredDistances(b, new SpikeTrain(), excluded.length);
        double sum = 0, norm = 0;
        for (int p = 0; p < excluded.length; p++) {
            if (excluded[p]) continue;
            sum += between[p];
            norm += own[p];
        }
        return norm == 0 ? 0 : sum / norm;
    }

    public static boolean print(PrintWriter out, Network net, String nameA, SpikeTrain a, String nameB, SpikeTrain b) {
        Comparison c = compare(a, b, net.populations().size());
        out.printf(Locale.ROOT, "  %-16s %12s %12s %12s%n", "population", nameA, nameB, "distance");
        for (int p = 0; p < c.distance().length; p++) {
            out.printf(Locale.ROOT, "  %-16s %12d %12d %12.4f%n", net.populations().get(p).name(), c.countA()[p], c.countB()[p],
                    c.distance()[p]);
        }
        out.printf(Locale.ROOT, "  van Rossum distance (tau = %.0f steps), all populations: %.4f%n", TAU_STEPS, c.total());
        if (c.firstDifference().isEmpty()) {
            out.println("  the spike trains are identical");
            return true;
        }
        Divergence d = c.firstDifference().get();
        out.printf(Locale.ROOT, "  first divergence: step %d, population %s, neuron %d: %s %d spike(s), %s %d%n", d.step(),
                net.populations().get(d.population()).name(), d.neuron(), nameA, d.countA(), nameB, d.countB());
        return false;
    }

    /** The earlier of the two entries where the trains first differ (a missing entry counts as later). */
    public static java.util.Optional<Divergence> firstDifference(SpikeTrain a, SpikeTrain b) {
        int i = 0;
        while (i < a.size() && i < b.size() && a.sameEntry(i, b, i)) i++;
        if (i == a.size() && i == b.size()) return java.util.Optional.empty();
        boolean aFirst = i < a.size() && (i >= b.size() || a.compareEntry(i, b, i) <= 0);
        SpikeTrain first = aFirst ? a : b;
        int step = first.step(i), pop = first.population(i), neuron = first.neuron(i);
        return java.util.Optional.of(new Divergence(step, pop, neuron, spikesAt(a, i, step, pop, neuron), spikesAt(b, i, step, pop, neuron)));
    }

    /** The spikes at (step, population, neuron): entry i if it is that spike, else none (the trains are sorted). */
    private static int spikesAt(SpikeTrain r, int i, int step, int pop, int neuron) {
        return i < r.size() && r.step(i) == step && r.population(i) == pop && r.neuron(i) == neuron ? r.count(i) : 0;
    }

    private static long[] counts(SpikeTrain r, int pops) {
        long[] c = new long[pops];
        for (int i = 0; i < r.size(); i++) c[r.population(i)] += r.count(i);
        return c;
    }

    /**
     * Squared distance per population: with h = filtered(a) - filtered(b) per neuron, the
     * integral of h^2 / tau, summed exactly between events (h decays as e^(-t/tau)).
     */
    private static double[] squaredDistances(SpikeTrain a, SpikeTrain b, int pops) {
        Map<Long, List<long[]>> events = new HashMap<>();
        addEvents(events, a, +1);
        addEvents(events, b, -1);
        double[] d = new double[pops];
        for (var e : events.entrySet()) {
            int pop = (int) (e.getKey() >>> 32);
            List<long[]> list = e.getValue();
            list.sort((x, y) -> Long.compare(x[0], y[0]));
            double h = 0;
            double sum = 0;
            for (int k = 0; k < list.size(); k++) {
                h += list.get(k)[1];
                double gap = k + 1 < list.size() ? list.get(k + 1)[0] - list.get(k)[0] : Double.POSITIVE_INFINITY;
                sum += h * h / 2 * -Math.expm1(-2 * gap / TAU_STEPS);
                h *= Math.exp(-gap / TAU_STEPS);
            }
            d[pop] += sum;
        }
        return d;
    }

    private static void addEvents(Map<Long, List<long[]>> events, SpikeTrain r, int sign) {
        for (int i = 0; i < r.size(); i++) {
            long key = ((long) r.population(i) << 32) | r.neuron(i);
            events.computeIfAbsent(key, k -> new ArrayList<>()).add(new long[] {r.step(i), (long) sign * r.count(i)});
        }
    }
}
