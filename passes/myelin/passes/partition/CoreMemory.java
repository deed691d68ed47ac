package myelin.passes.partition;

import myelin.ir.encoded.EncodedNetwork;
import myelin.ir.target.TargetSpec;

/**
 * What a core of a population needs, in Myelin's memory model (docs/hardware-ir.md,
 * "Memory"): 32-bit state words per neuron (v, each current, the refractory counter), 8
 * bytes per Poisson generator or spike, 32-bit ring cells, 64 bytes of parameters, and for
 * the synapses the target's word per synapse (the pack pass's encodings are no larger).
 */
final class CoreMemory {
    static final int PARAMETER_BYTES = 64;

    private CoreMemory() {}

    /** Bytes of neuron state, parameters and rings of a core of {@code n} neurons. */
    static long stateBytes(EncodedNetwork.Population pop, int n, int ringSlots) {
        long perNeuron = switch (pop.model().kind()) {
            case LIF, LI, IF -> 4L * (2 + pop.currents().size());
            case THRESHOLD_GATE -> 0;
            case POISSON -> 8;
            case SPIKE_ARRAY -> 0;
        };
        long spikes = pop.model() instanceof myelin.ir.integer.IntModel.SpikeArray s ? 8L * s.steps().length : 0;
        long ring = pop.isSource() ? 0 : 4L * ringSlots * pop.model().channels() * n;
        return PARAMETER_BYTES + perNeuron * n + ring + spikes;
    }

    /** Bytes a synapse is budgeted in partitioning. */
    static long synapseBytes(TargetSpec target) {
        return target.limits().synapseWordBits() > 0 ? (target.limits().synapseWordBits() + 7) / 8 : 4;
    }

    /** Why slices of n neurons do not fit the target's cores, or null when they do. */
    static String misfit(TargetSpec target, EncodedNetwork.Population pop, int n, int ringSlots, long[] inPrefix) {
        TargetSpec.Limits l = target.limits();
        long maxIn = 0;
        for (int first = 0; first < pop.size(); first += n) {
            maxIn = Math.max(maxIn, inPrefix[Math.min(pop.size(), first + n)] - inPrefix[first]);
        }
        long state = stateBytes(pop, n, ringSlots);
        long synapses = maxIn * synapseBytes(target);
        if (l.synapsesPerCore() > 0 && maxIn > l.synapsesPerCore()) {
            return maxIn + " incoming synapses, but a core takes " + l.synapsesPerCore();
        }
        if (l.synapsesInCoreMemory() && l.coreMemoryBytes() > 0 && state + synapses > l.coreMemoryBytes()) {
            return state + " bytes of state and rings and " + synapses + " of synapses (" + maxIn + " synapses), but a core has "
                    + l.coreMemoryBytes() + " bytes";
        }
        if (!l.synapsesInCoreMemory() && l.chipMemoryBytes() > 0 && l.coresPerChip() > 0
                && synapses > l.chipMemoryBytes() / l.coresPerChip()) {
            return synapses + " bytes of synapses (" + maxIn + " synapses), but a core's share of chip memory is "
                    + l.chipMemoryBytes() / l.coresPerChip() + " bytes";
        }
        if (l.coreMemoryBytes() > 0 && state > l.coreMemoryBytes()) {
            return state + " bytes of state and rings, but a core has " + l.coreMemoryBytes() + " bytes";
        }
        return null;
    }
}
