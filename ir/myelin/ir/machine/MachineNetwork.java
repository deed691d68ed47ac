package myelin.ir.machine;

import java.util.List;
import myelin.ir.hardware.DelayExtension;
import myelin.ir.hardware.HardwareNetwork;

/**
 * The hardware IR on a machine: every core and delay extension on a processor of a chip of
 * the mesh, the routing keys, and each chip's routing table. Machine cores are the hardware
 * cores (0 to N-1) and then the delay extensions (N + e). Sources are what sends packets:
 * core c sends source c, stage k of extension e sends source {@code stageSource(e, k)}.
 * Two stages share it: after {@code place} it has the placement, after {@code route} the
 * tables (compressed) and the uncompressed entry count of each chip.
 */
public record MachineNetwork(HardwareNetwork hardware, Mesh mesh, int processorsPerChip, int[] chip, int[] processor, Keys keys,
                             int[] firstStageSource, List<List<RoutingEntry>> tables, int[] uncompressedEntries) {
    public MachineNetwork {
        tables = List.copyOf(tables);
    }

    public int machineCores() {
        return chip.length;
    }

    /** The machine core of delay extension e. */
    public int extensionCore(int e) {
        return hardware.cores().size() + e;
    }

    /** The source a delay extension's stage k (1 to stages) sends. */
    public int stageSource(int e, int stage) {
        return firstStageSource[e] + stage - 1;
    }

    /** The machine core that sends a source. */
    public int sender(int source) {
        int cores = hardware.cores().size();
        if (source < cores) return source;
        for (int e = firstStageSource.length - 1; e >= 0; e--) if (firstStageSource[e] <= source) return extensionCore(e);
        throw new IllegalArgumentException("no source " + source);
    }

    public DelayExtension extension(int e) {
        return hardware.delayExtensions().get(e);
    }

    public MachineNetwork withTables(List<List<RoutingEntry>> routed, int[] uncompressed) {
        return new MachineNetwork(hardware, mesh, processorsPerChip, chip, processor, keys, firstStageSource, routed, uncompressed);
    }
}
