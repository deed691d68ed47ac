package myelin.ir.hardware;

import java.util.List;
import myelin.ir.integer.Profile;

/**
 * The hardware IR: the network cut into cores, the delay extensions that carry delays past
 * a core's ring, and each core's incoming synaptic blocks, keyed by (source core, stage).
 * Three stages share it: after {@code partition} it has cores, after {@code delay-schedule}
 * rings and delay extensions, after {@code pack} blocks and the convolution kernels they share.
 *
 * @param delaySlots the longest delay a ring delivers; longer ones go through delay extensions
 * @param populations the network's populations' names, in order (spikes are reported by them)
 */
public record HardwareNetwork(String name, String target, Profile profile, long seed, int delaySlots, List<String> populations,
                              List<Core> cores, List<DelayExtension> delayExtensions, List<Kernel> kernels, List<Block> blocks) {
    public HardwareNetwork {
        populations = List.copyOf(populations);
        cores = List.copyOf(cores);
        delayExtensions = List.copyOf(delayExtensions);
        kernels = List.copyOf(kernels);
        blocks = List.copyOf(blocks);
    }

    public HardwareNetwork withSchedule(List<Core> rung, List<DelayExtension> extensions) {
        return new HardwareNetwork(name, target, profile, seed, delaySlots, populations, rung, extensions, kernels, blocks);
    }

    public HardwareNetwork withBlocks(List<Kernel> shared, List<Block> packed) {
        return new HardwareNetwork(name, target, profile, seed, delaySlots, populations, cores, delayExtensions, shared, packed);
    }

    /** The kernel a KERNEL block reads. */
    public Kernel kernel(String projection) {
        for (Kernel k : kernels) if (k.projection().equals(projection)) return k;
        throw new IllegalArgumentException("no kernel for projection " + projection);
    }

    public long synapseCount() {
        return blocks.stream().mapToLong(Block::synapses).sum();
    }

    /** The cores of a population, in neuron order. */
    public List<Core> coresOf(int population) {
        return cores.stream().filter(c -> c.population() == population).toList();
    }
}
