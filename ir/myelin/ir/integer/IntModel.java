package myelin.ir.integer;

/**
 * A neuron model in integer parameters. Voltages are in units of the population's
 * {@code vLsb} volts relative to v_rest; decays are numerators over 2^decayBits; times
 * are in steps. docs/semantics.md gives the update each kind performs.
 */
public sealed interface IntModel {
    /** LIF (threshold true), or LI (threshold false: never spikes). */
    record Lif(double vLsb, int dv, int[] currentDecays, long threshold, long reset, boolean subtractReset,
               int refractorySteps, boolean spikes) implements IntModel {
        public int synapseTypes() {
            return currentDecays.length;
        }
    }

    /** Integrate-and-fire: v += input, no leak. */
    record IntegrateAndFire(double vLsb, long threshold, long reset, boolean subtractReset, int refractorySteps)
            implements IntModel {}

    /** Spikes when the weighted input of this step reaches the threshold. */
    record Gate(long threshold) implements IntModel {}

    /**
     * Poisson spike counts per step by inversion: k spikes where k is the first index with
     * {@code u32 < cdf[k]}; the last entry is 2^32, so k is at most cdf.length - 1.
     */
    record Poisson(long[] cdf) implements IntModel {}

    /** Spikes at given steps: neuron[i] spikes at step[i], sorted by step then neuron. */
    record SpikeArray(int[] steps, int[] neurons) implements IntModel {}

    /** Number of input channels: one per synapse type, or one direct channel. */
    default int channels() {
        return this instanceof Lif l && l.synapseTypes() > 0 ? l.synapseTypes() : 1;
    }
}
