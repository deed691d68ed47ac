package myelin.simulator;

import java.util.OptionalDouble;
import myelin.ir.encoded.EncodedNetwork;
import myelin.ir.hardware.Block;
import myelin.ir.hardware.BlockReader;
import myelin.ir.hardware.Core;
import myelin.ir.hardware.CoreIndex;
import myelin.ir.hardware.HardwareNetwork;
import myelin.ir.network.NeuronModel;

/**
 * The neuron state of every core of a hardware network, each with its own ring of its own
 * size, and what both executors do with it: update a step, name spikes by population, inject
 * input, read state.
 */
final class CoreStates {
    private final HardwareNetwork hw;
    private final CoreIndex index;
    final PopulationState[] cores;
    private final PopulationState.Scratch scratch;
    private final int[] populationSizes;
    private int[][] outDegree;

    CoreStates(HardwareNetwork hw) {
        this.hw = hw;
        this.index = new CoreIndex(hw);
        cores = new PopulationState[hw.cores().size()];
        populationSizes = new int[hw.populations().size()];
        for (Core c : hw.cores()) {
            var slice = new EncodedNetwork.Population(c.name(), c.size(), c.model(), c.currents(), c.bias(), c.initialV(), c.initialCurrents());
            cores[c.id()] = new PopulationState(slice, c.id(), hw.profile(), hw.seed(), c.first());
            cores[c.id()].allocateRingSlots(c.ringSlots());
            populationSizes[c.population()] += c.size();
        }
        scratch = new PopulationState.Scratch(cores.length);
    }

    int populationCount() {
        return populationSizes.length;
    }

    String populationName(int population) {
        return hw.populations().get(population);
    }

    int populationSize(int population) {
        return populationSizes[population];
    }

    /** Synapses leaving a neuron, counted from its core's blocks (all stages), once for the whole network. */
    int outDegree(int population, int neuron, BlockReader reader) {
        if (outDegree == null) {
            outDegree = new int[populationSizes.length][];
            for (int p = 0; p < outDegree.length; p++) outDegree[p] = new int[populationSizes[p]];
            for (Block b : hw.blocks()) {
                Core source = hw.cores().get(b.source());
                for (int pre = 0; pre < source.size(); pre++) outDegree[source.population()][source.first() + pre] += reader.rowLength(b, pre);
            }
        }
        return outDegree[population][neuron];
    }

    void inject(String population, int neuron, int atStep) {
        int p = hw.populations().indexOf(population);
        if (p < 0) throw new IllegalArgumentException("no population " + population);
        cores[index.core(p, neuron)].inject(index.local(p, neuron), atStep);
    }

    OptionalDouble state(int population, String variable, int neuron) {
        PopulationState core = cores[index.core(population, neuron)];
        int local = index.local(population, neuron);
        if (variable.equals("v")) return core.v == null ? OptionalDouble.empty() : OptionalDouble.of(core.v[local]);
        Core c = hw.cores().get(core.index);
        for (int ch = 0; ch < c.currents().size(); ch++) {
            if (variable.equals(NeuronModel.currentVariable(c.currents().get(ch)))) return OptionalDouble.of(core.current[ch][local]);
        }
        return OptionalDouble.empty();
    }

    /** Updates every core for a step; their spikes go to {@code out} as (step, core, neuron of the core, count). */
    void update(int step, SpikeTrain out) {
        out.clear();
        for (PopulationState core : cores) core.update(step, 0, core.size, out, scratch);
    }

    /** The cores' spikes of a step by population and neuron, in that order (cores are numbered so). */
    void byPopulation(SpikeTrain coreSpikes, int step, SpikeTrain out) {
        out.clear();
        for (int i = 0; i < coreSpikes.size(); i++) {
            Core c = hw.cores().get(coreSpikes.population(i));
            out.add(step, c.population(), c.first() + coreSpikes.neuron(i), coreSpikes.count(i));
        }
    }
}
