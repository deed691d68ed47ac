package myelin.ir.synapses;

/**
 * The expanded synapses of one projection, pre-major (CSR): the synapses of pre neuron i
 * are {@code rowStart[i] .. rowStart[i+1]-1}. Weights and delays are stored per synapse
 * only when they vary; a constant is stored once. Weights and delays are in SI units.
 */
public final class SynapseTable implements PreMajor {
    private final String projection;
    private final Connectivity connectivity;
    private final float[] weights;
    private final double constantWeight;
    private final float[] delays;
    private final double constantDelay;

    SynapseTable(String projection, int postSize, int[] rowStart, int[] post,
                 float[] weights, double constantWeight, float[] delays, double constantDelay) {
        this.projection = projection;
        this.connectivity = new Connectivity(postSize, rowStart, post);
        this.weights = weights;
        this.constantWeight = constantWeight;
        this.delays = delays;
        this.constantDelay = constantDelay;
    }

    public String projection() {
        return projection;
    }

    @Override
    public Connectivity connectivity() {
        return connectivity;
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

    /** Bytes held by the arrays of this table. */
    public long bytes() {
        long b = connectivity.bytes();
        if (weights != null) b += 4L * weights.length;
        if (delays != null) b += 4L * delays.length;
        return b;
    }
}
