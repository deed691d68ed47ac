package myelin.ir.hardware;

import java.util.List;

/** Finds the core of (population, neuron): a population's cores are equal slices in order, the last maybe shorter. */
public final class CoreIndex {
    private final int[] firstCore;
    private final int[] sliceSize;

    public CoreIndex(HardwareNetwork hw) {
        int populations = hw.populations().size();
        firstCore = new int[populations];
        sliceSize = new int[populations];
        for (int p = 0; p < populations; p++) {
            List<Core> cores = hw.coresOf(p);
            if (cores.isEmpty()) throw new IllegalArgumentException("population " + hw.populations().get(p) + " has no core");
            firstCore[p] = cores.get(0).id();
            sliceSize[p] = cores.get(0).size();
        }
    }

    public int core(int population, int neuron) {
        return firstCore[population] + neuron / sliceSize[population];
    }

    /** The neuron's index within its core. */
    public int local(int population, int neuron) {
        return neuron % sliceSize[population];
    }
}
