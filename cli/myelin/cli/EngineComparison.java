package myelin.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import myelin.ir.network.Network;

/**
 * Compares the spikes of two engines on one network: counts per population, the first
 * differing spike, and the van Rossum distance (exponential kernel of {@link #TAU_STEPS}
 * steps, so that it means the same at any timestep; one unmatched spike alone is 0.5).
 */
final class EngineComparison {
    static final double TAU_STEPS = 10;

    private EngineComparison() {}

    /** Both records hold every population's spikes in step, population, neuron order. */
    static boolean print(PrintWriter out, Network net, String nameA, SpikeRecord a, String nameB, SpikeRecord b) {
        int pops = net.populations().size();
        long[] countA = counts(a, pops);
        long[] countB = counts(b, pops);
        double[] distance = distances(a, b, pops);
        out.printf(Locale.ROOT, "  %-16s %12s %12s %12s%n", "population", nameA, nameB, "distance");
        double total = 0;
        for (int p = 0; p < pops; p++) {
            out.printf(Locale.ROOT, "  %-16s %12d %12d %12.4f%n", net.populations().get(p).name(), countA[p], countB[p], Math.sqrt(distance[p]));
            total += distance[p];
        }
        out.printf(Locale.ROOT, "  van Rossum distance (tau = %.0f steps), all populations: %.4f%n", TAU_STEPS, Math.sqrt(total));
        int i = 0;
        while (i < a.size && i < b.size && a.step[i] == b.step[i] && a.population[i] == b.population[i] && a.neuron[i] == b.neuron[i]) i++;
        if (i == a.size && i == b.size) {
            out.println("  the spike trains are identical");
            return true;
        }
        // The first difference is the earlier of the two spikes at position i (a missing one counts as later).
        boolean aFirst = i < a.size && (i >= b.size || compare(a, i, b, i) < 0);
        SpikeRecord first = aFirst ? a : b;
        int step = first.step[i], pop = first.population[i], neuron = first.neuron[i];
        out.printf(Locale.ROOT, "  first divergence: step %d, population %s, neuron %d: %s %d spike(s), %s %d%n", step,
                net.populations().get(pop).name(), neuron, nameA, spikesAt(a, step, pop, neuron), nameB, spikesAt(b, step, pop, neuron));
        return false;
    }

    private static int compare(SpikeRecord x, int i, SpikeRecord y, int j) {
        int c = Integer.compare(x.step[i], y.step[j]);
        if (c == 0) c = Integer.compare(x.population[i], y.population[j]);
        return c != 0 ? c : Integer.compare(x.neuron[i], y.neuron[j]);
    }

    private static int spikesAt(SpikeRecord r, int step, int pop, int neuron) {
        int count = 0;
        for (int i = 0; i < r.size; i++) if (r.step[i] == step && r.population[i] == pop && r.neuron[i] == neuron) count++;
        return count;
    }

    private static long[] counts(SpikeRecord r, int pops) {
        long[] c = new long[pops];
        for (int i = 0; i < r.size; i++) c[r.population[i]]++;
        return c;
    }

    /**
     * Squared distance per population: with h = filtered(a) - filtered(b) per neuron, the
     * integral of h^2 / tau, summed exactly between events (h decays as e^(-t/tau)).
     */
    private static double[] distances(SpikeRecord a, SpikeRecord b, int pops) {
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

    private static void addEvents(Map<Long, List<long[]>> events, SpikeRecord r, int sign) {
        for (int i = 0; i < r.size; i++) {
            long key = ((long) r.population[i] << 32) | r.neuron[i];
            events.computeIfAbsent(key, k -> new ArrayList<>()).add(new long[] {r.step[i], sign});
        }
    }
}
