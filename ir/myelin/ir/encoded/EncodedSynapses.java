package myelin.ir.encoded;

import java.util.Arrays;
import myelin.ir.synapses.Connectivity;
import myelin.ir.synapses.PreMajor;

/**
 * One projection's synapses in integers, pre-major (CSR): the synapses of pre neuron i are
 * {@code rowStart(i) .. rowEnd(i)-1}, each with its post neuron, its weight as delivered
 * (mantissa already shifted) and its delay in steps. A weight or delay that is the same for
 * every synapse is stored once ({@link #weights()} or {@link #delays()} is then null).
 */
public final class EncodedSynapses implements PreMajor {
    private final Connectivity connectivity;
    private final int[] weights;
    private final int constantWeight;
    private final short[] delays;
    private final int constantDelay;

    public EncodedSynapses(Connectivity connectivity, int[] weights, int constantWeight, short[] delays, int constantDelay) {
        if (weights != null && weights.length != connectivity.size() || delays != null && delays.length != connectivity.size()) {
            throw new IllegalArgumentException("one weight and one delay per synapse");
        }
        this.connectivity = connectivity;
        this.weights = weights;
        this.constantWeight = constantWeight;
        this.delays = delays;
        this.constantDelay = constantDelay;
    }

    @Override
    public Connectivity connectivity() {
        return connectivity;
    }

    public int weight(int synapse) {
        return weights == null ? constantWeight : weights[synapse];
    }

    public int delay(int synapse) {
        return delays == null ? constantDelay : delays[synapse];
    }

    /** Per-synapse weights, or null when every synapse has {@link #constantWeight()}. Not copied: do not write. */
    public int[] weights() {
        return weights;
    }

    public int constantWeight() {
        return constantWeight;
    }

    /** Per-synapse delays in steps, or null when every synapse has {@link #constantDelay()}. Not copied: do not write. */
    public short[] delays() {
        return delays;
    }

    public int constantDelay() {
        return constantDelay;
    }

    /** The longest delay in steps; 1 for a projection without synapses. */
    public int maxDelay() {
        if (delays == null) return size() == 0 ? 1 : constantDelay;
        int max = 1;
        for (short d : delays) max = Math.max(max, d);
        return max;
    }

    /**
     * The synapses onto post neurons {@code [lo, hi)}, rows and their order kept: the share of
     * one engine thread, which delivers only to the neurons it updates. This object itself
     * when the range holds every post neuron.
     */
    public EncodedSynapses restrictedToPosts(int lo, int hi) {
        int postSize = connectivity.postSize();
        if (lo <= 0 && hi >= postSize) return this;
        int[] post = connectivity.posts();
        int[] rowStart = connectivity.rowStarts();
        int count = 0;
        for (int p : post) if (p >= lo && p < hi) count++;
        int pres = preSize();
        int[] starts = new int[pres + 1];
        int[] posts = new int[count];
        int[] w = weights == null ? null : new int[count];
        short[] d = delays == null ? null : new short[count];
        int k = 0;
        for (int i = 0; i < pres; i++) {
            starts[i] = k;
            for (int s = rowStart[i]; s < rowStart[i + 1]; s++) {
                if (post[s] < lo || post[s] >= hi) continue;
                posts[k] = post[s];
                if (w != null) w[k] = weights[s];
                if (d != null) d[k] = delays[s];
                k++;
            }
        }
        starts[pres] = k;
        return new EncodedSynapses(new Connectivity(postSize, starts, posts), w, constantWeight, d, constantDelay);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedSynapses s && connectivity.equals(s.connectivity)
                && Arrays.equals(weights, s.weights) && Arrays.equals(delays, s.delays)
                && (weights != null || constantWeight == s.constantWeight) && (delays != null || constantDelay == s.constantDelay);
    }

    @Override
    public int hashCode() {
        return connectivity.hashCode();
    }
}
