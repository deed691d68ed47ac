package myelin.passes.place;

import java.util.Set;
import myelin.ir.hardware.Core;
import myelin.ir.hardware.HardwareNetwork;
import myelin.ir.machine.Keys;
import myelin.ir.machine.MachineNetwork;
import myelin.ir.machine.Mesh;
import myelin.ir.target.TargetSpec;
import myelin.passes.CompilationUnit;
import myelin.passes.Pass;
import myelin.passes.PassInfo;
import myelin.passes.Stages;

/**
 * Puts every core on a processor of a chip: cores in the hardware IR's order (population by
 * population, slice by slice), each delay extension right after the core it serves, filling
 * chip after chip along a serpentine through the mesh (row 0 east, row 1 west, ...), so that
 * slices of one population and their extensions sit on the same or neighbouring chips. The
 * mesh is the smallest near-square one that holds them. Deterministic. Also numbers the
 * sources (docs/spinnaker-image.md, "Keys").
 */
public final class Place implements Pass<MachineNetwork> {
    private static final PassInfo<MachineNetwork> INFO = PassInfo.of("place", "cores onto the processors of a chip mesh",
            Set.of(Stages.PACKED), Stages.PLACED);

    private final TargetSpec target;

    public Place(TargetSpec target) {
        this.target = target;
    }

    @Override
    public PassInfo<MachineNetwork> info() {
        return INFO;
    }

    @Override
    public MachineNetwork run(CompilationUnit unit) {
        HardwareNetwork hw = unit.require(Stages.PACKED);
        int cores = hw.cores().size();
        int extensions = hw.delayExtensions().size();
        int machineCores = cores + extensions;
        int perChip = (int) Math.max(1, target.limits().coresPerChip());
        Mesh mesh = Mesh.fitting((machineCores + perChip - 1) / perChip, target.limits().torus());
        int[] extensionOf = new int[cores];
        java.util.Arrays.fill(extensionOf, -1);
        for (int e = 0; e < extensions; e++) extensionOf[hw.delayExtensions().get(e).source()] = e;
        int[] chip = new int[machineCores];
        int[] processor = new int[machineCores];
        int slot = 0;
        for (Core c : hw.cores()) {
            place(c.id(), slot++, perChip, mesh, chip, processor);
            if (extensionOf[c.id()] >= 0) place(cores + extensionOf[c.id()], slot++, perChip, mesh, chip, processor);
        }
        int[] firstStageSource = new int[extensions];
        int sources = cores;
        for (int e = 0; e < extensions; e++) {
            firstStageSource[e] = sources;
            sources += hw.delayExtensions().get(e).stages();
        }
        int maxSize = hw.cores().stream().mapToInt(Core::size).max().orElse(1);
        int indexBits = myelin.ir.hardware.Bits.width(Math.max(0, maxSize - 1));
        if (myelin.ir.hardware.Bits.width(sources) + indexBits > 32) {
            throw new IllegalStateException(sources + " sources of up to " + maxSize + " neurons do not fit 32-bit keys");
        }
        return new MachineNetwork(hw, mesh, perChip, chip, processor, new Keys(indexBits, sources), firstStageSource,
                java.util.List.of(), new int[mesh.chips()]);
    }

    /** The n-th processor along the serpentine. */
    private static void place(int core, int n, int perChip, Mesh mesh, int[] chip, int[] processor) {
        int index = n / perChip;
        int y = index / mesh.width();
        int x = index % mesh.width();
        if ((y & 1) == 1) x = mesh.width() - 1 - x;
        chip[core] = mesh.chip(x, y);
        processor[core] = n % perChip;
    }
}
