package myelin.simulator;

import java.util.OptionalDouble;
import myelin.ir.hardware.Block;
import myelin.ir.hardware.BlockReader;
import myelin.ir.hardware.HardwareNetwork;

/**
 * What the executors of a hardware network share: its cores' state ({@link CoreStates}), the
 * engine's view of them by population, and a step that updates every core and then lets the
 * executor carry the spikes to where they go ({@link #carry}), its own way.
 */
abstract class HardwareEngine implements Engine {
    final HardwareNetwork hw;
    final BlockReader reader;
    final CoreStates states;
    final PopulationState[] cores;
    private final SpikeTrain coreSpikes = new SpikeTrain();
    private final SpikeTrain stepSpikes = new SpikeTrain();
    private int step;

    HardwareEngine(HardwareNetwork hw) {
        this.hw = hw;
        this.reader = new BlockReader(hw);
        this.states = new CoreStates(hw);
        this.cores = states.cores;
    }

    /** Carries a step's spikes, as (step, core, neuron of the core, count), into the cores' rings. */
    abstract void carry(int step, SpikeTrain coreSpikes);

    @Override
    public final void run(int steps, Observer observer, boolean readsState) {
        for (int end = step + steps; step < end; step++) {
            int s = step;
            states.update(s, coreSpikes);
            carry(s, coreSpikes);
            states.byPopulation(coreSpikes, s, stepSpikes);
            observer.afterStep(s, stepSpikes);
        }
    }

    /** Reads a spike's row of a block and adds its synapses into the receiving core's ring. */
    final void addRow(Block b, int pre, int count, int s) {
        PopulationState target = cores[b.core()];
        reader.row(b, pre, (post, weight, delay, channel) -> target.slot(s + delay, channel)[post] += count * weight);
    }

    /** A ring of spike trains, one per step of the last {@code length} steps (for delay extensions). */
    static SpikeTrain[] spikeRing(int length) {
        SpikeTrain[] ring = new SpikeTrain[length];
        for (int i = 0; i < length; i++) ring[i] = new SpikeTrain();
        return ring;
    }

    @Override
    public final int populationCount() {
        return states.populationCount();
    }

    @Override
    public final String populationName(int population) {
        return states.populationName(population);
    }

    @Override
    public final int populationSize(int population) {
        return states.populationSize(population);
    }

    /** Synapses leaving a neuron, counted from its core's blocks (all stages). */
    @Override
    public final int outDegree(int population, int neuron) {
        return states.outDegree(population, neuron, reader);
    }

    @Override
    public final void inject(String population, int neuron, int atStep) {
        states.inject(population, neuron, atStep);
    }

    @Override
    public final int step() {
        return step;
    }

    @Override
    public final OptionalDouble state(int population, String variable, int neuron) {
        return states.state(population, variable, neuron);
    }
}
