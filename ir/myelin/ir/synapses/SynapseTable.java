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

    /** Row starts, then the total (CSR); shared, not copied, so that an encoded table can reuse them: do not write. */
    public int[] rowStarts() {
        return rowStart;
    }

    /** The post neuron of each synapse; shared like {@link #rowStarts()}. */
    public int[] posts() {
        return post;
    }

    /** Bytes held by the arrays of this table. */
    public long bytes() {
        long b = 4L * rowStart.length + 4L * post.length;
        if (weights != null) b += 4L * weights.length;
        if (delays != null) b += 4L * delays.length;
        return b;
    }
}
