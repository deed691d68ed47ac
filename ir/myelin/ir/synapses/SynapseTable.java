package myelin.ir.synapses;

/**
 * The expanded synapses of one projection, pre-major (CSR): the synapses of pre neuron i
 * are {@code rowStart[i] .. rowStart[i+1]-1}. Weights and delays are stored per synapse
 * only when they vary; a constant is stored once. Weights and delays are in SI units.
 */
public final class SynapseTable {
    private final String projection;
    private final int postSize;
    private final int[] rowStart;
    private final int[] post;
    private final float[] weights;
    private final double constantWeight;
    private final float[] delays;
    private final double constantDelay;

    SynapseTable(String projection, int postSize, int[] rowStart, int[] post,
                 float[] weights, double constantWeight, float[] delays, double constantDelay) {
        this.projection = projection;
        this.postSize = postSize;
        this.rowStart = rowStart;
        this.post = post;
        this.weights = weights;
        this.constantWeight = constantWeight;
        this.delays = delays;
        this.constantDelay = constantDelay;
    }

    public String projection() {
        return projection;
    }

    public int preSize() {
        return rowStart.length - 1;
    }

    public int postSize() {
        return postSize;
    }

    public int size() {
        return post.length;
    }

    public int rowStart(int pre) {
        return rowStart[pre];
    }

    public int rowEnd(int pre) {
        return rowStart[pre + 1];
    }

    public int post(int synapse) {
        return post[synapse];
    }

    public double weight(int synapse) {
        return weights == null ? constantWeight : weights[synapse];
    }

    public double delay(int synapse) {
        return delays == null ? constantDelay : delays[synapse];
    }

    public boolean hasPerSynapseWeights() {
        return weights != null;
    }

    public boolean hasPerSynapseDelays() {
        return delays != null;
    }

    /** The same connectivity (shared arrays) without per-synapse values, for engines that keep their own. */
    public SynapseTable connectivityOnly() {
        return new SynapseTable(projection, postSize, rowStart, post, null, constantWeight, null, constantDelay);
    }

    /**
     * The synapses onto post neurons {@code [lo, hi)}, rows and their order kept: the share of
     * one engine thread, which delivers only to the neurons it updates. This table itself when
     * the range holds every post neuron.
     */
    public SynapseTable restrictedToPosts(int lo, int hi) {
        if (lo <= 0 && hi >= postSize) return this;
        int count = 0;
        for (int p : post) if (p >= lo && p < hi) count++;
        int pres = preSize();
        int[] starts = new int[pres + 1];
        int[] posts = new int[count];
        float[] w = weights == null ? null : new float[count];
        float[] d = delays == null ? null : new float[count];
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
        return new SynapseTable(projection, postSize, starts, posts, w, constantWeight, d, constantDelay);
    }

    /** Bytes held by the arrays of this table. */
    public long bytes() {
        long b = 4L * rowStart.length + 4L * post.length;
        if (weights != null) b += 4L * weights.length;
        if (delays != null) b += 4L * delays.length;
        return b;
    }
}
