package myelin.ir.integer;

import myelin.ir.network.ModelKind;

/**
 * A neuron model in integer parameters: the integer stage's form of a
 * {@link myelin.ir.network.NeuronModel}. Voltages are integers relative to v_rest (the
 * population's scale says what one is worth); decays are numerators over 2^decayBits;
 * times are in steps. docs/semantics.md gives the update each kind performs. Code that
 * treats every model switches on {@link #kind()}, which the compiler checks for coverage.
 */
public sealed interface IntModel {
    /** The model this is the integer form of. */
    ModelKind kind();

    /** LIF (spikes true), or LI (spikes false: never spikes). */
    record Lif(int dv, int[] currentDecays, long threshold, long reset, boolean subtractReset,
               int refractorySteps, boolean spikes) implements IntModel {
        public int synapseTypes() {
            return currentDecays.length;
        }

        @Override
        public ModelKind kind() {
            return spikes ? ModelKind.LIF : ModelKind.LI;
        }
    }

    /** Integrate-and-fire: v += input, no leak. */
    record IntegrateAndFire(long threshold, long reset, boolean subtractReset, int refractorySteps) implements IntModel {
        @Override
        public ModelKind kind() {
            return ModelKind.IF;
        }
    }

    /** Spikes when the weighted input of this step reaches the threshold. */
    record Gate(long threshold) implements IntModel {
        @Override
        public ModelKind kind() {
            return ModelKind.THRESHOLD_GATE;
        }
    }

    /**
     * Poisson spike counts per step by inversion: k spikes where k is the first index with
     * {@code u32 < cdf[k]}; the last entry is 2^32, so k is at most cdf.length - 1.
     */
    record Poisson(long[] cdf) implements IntModel {
        @Override
        public ModelKind kind() {
            return ModelKind.POISSON;
        }
    }

    /** Spikes at given steps: neuron[i] spikes at step[i], sorted by step then neuron. */
    record SpikeArray(int[] steps, int[] neurons) implements IntModel {
        @Override
        public ModelKind kind() {
            return ModelKind.SPIKE_ARRAY;
        }
    }

    /** Number of input channels: one per synapse type, or one direct channel. */
    default int channels() {
        return this instanceof Lif l && l.synapseTypes() > 0 ? l.synapseTypes() : 1;
    }

    /** Whether the model only emits spikes (it has no input). */
    default boolean isSource() {
        return kind().isSource();
    }
}
