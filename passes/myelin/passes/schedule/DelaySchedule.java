package myelin.passes.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import myelin.ir.encoded.EncodedNetwork;
import myelin.ir.encoded.EncodedSynapses;
import myelin.ir.hardware.Core;
import myelin.ir.hardware.CoreIndex;
import myelin.ir.hardware.DelayExtension;
import myelin.ir.hardware.HardwareNetwork;
import myelin.passes.CompilationUnit;
import myelin.passes.Pass;
import myelin.passes.PassInfo;
import myelin.passes.Stages;

/**
 * Gives each core's ring the fewest slots (a power of two) that hold the delays it
 * receives, and each source core whose synapses are longer than the target's slots a delay
 * extension: a synapse of delay d is served by stage {@code (d - 1) / slots}, which re-emits
 * the spike that many times {@code slots} steps later, and keeps {@code d - stage x slots}
 * for the ring (docs/hardware-ir.md, "Delays").
 */
public final class DelaySchedule implements Pass<HardwareNetwork> {
    private static final PassInfo<HardwareNetwork> INFO = PassInfo.of("delay-schedule",
            "rings sized to each core's delays; delay extensions for delays past them",
            Set.of(Stages.ENCODED, Stages.PARTITIONED), Stages.SCHEDULED);

    @Override
    public PassInfo<HardwareNetwork> info() {
        return INFO;
    }

    @Override
    public HardwareNetwork run(CompilationUnit unit) {
        EncodedNetwork net = unit.require(Stages.ENCODED);
        HardwareNetwork hw = unit.require(Stages.PARTITIONED);
        CoreIndex index = new CoreIndex(hw);
        int slots = hw.delaySlots();
        int[] stages = new int[hw.cores().size()];
        int[] longestResidual = new int[hw.cores().size()];
        for (EncodedNetwork.Projection p : net.projections()) {
            EncodedSynapses s = p.synapses();
            for (int pre = 0; pre < s.preSize(); pre++) {
                int source = index.core(p.pre(), pre);
                for (int k = s.rowStart(pre); k < s.rowEnd(pre); k++) {
                    int d = s.delay(k);
                    int core = index.core(p.post(), s.post(k));
                    stages[source] = Math.max(stages[source], DelayExtension.stage(d, slots));
                    longestResidual[core] = Math.max(longestResidual[core], DelayExtension.residual(d, slots));
                }
            }
        }
        List<Core> cores = new ArrayList<>();
        for (Core c : hw.cores()) {
            int r = longestResidual[c.id()];
            cores.add(c.withRingSlots(r <= 1 ? 1 : Integer.highestOneBit(r - 1) << 1));
        }
        List<DelayExtension> extensions = new ArrayList<>();
        for (Core c : hw.cores()) if (stages[c.id()] > 0) extensions.add(new DelayExtension(c.id(), stages[c.id()]));
        return hw.withSchedule(cores, extensions);
    }
}
