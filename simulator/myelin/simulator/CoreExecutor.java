package myelin.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import myelin.ir.encoded.EncodedNetwork;
import myelin.ir.hardware.Block;
import myelin.ir.hardware.BlockReader;
import myelin.ir.hardware.Core;
import myelin.ir.hardware.CoreIndex;
import myelin.ir.hardware.DelayExtension;
import myelin.ir.hardware.HardwareNetwork;

/**
 * Runs a network from its hardware IR alone, core by core, as the hardware would: each
 * core updates its slice with its own ring of its own size; each spike reads the rows of
 * the blocks its source core keys in every receiving core and adds them into that core's
 * ring; delay extensions hold a source's spikes and re-emit them {@code k x slots} steps
 * later to the blocks of stage k. The spikes must be the integer engine's, bit for bit.
 */
public final class CoreExecutor implements Engine {
    private final HardwareNetwork hw;
    private final CoreIndex index;
    private final BlockReader reader;
    private final PopulationState[] cores;
    private final PopulationState.Scratch scratch;
    /** Per source core, per stage: the blocks its spikes read. */
    private final Block[][][] blocks;
    /** Per source core with a delay extension: its spikes of the last stages x slots steps, by step. */
    private final SpikeTrain[][] history;
    private final int[] populationSizes;
    private final SpikeTrain coreSpikes = new SpikeTrain();
    private final SpikeTrain stepSpikes = new SpikeTrain();
    private int[][] outDegree;
    private long packets;
    private long extensionPackets;
    private long extensionRows;
    private int step;

    public CoreExecutor(HardwareNetwork hw) {
        this.hw = hw;
        this.index = new CoreIndex(hw);
        this.reader = new BlockReader(hw);
        int n = hw.cores().size();
        cores = new PopulationState[n];
        populationSizes = new int[hw.populations().size()];
        for (Core c : hw.cores()) {
            var slice = new EncodedNetwork.Population(c.name(), c.size(), c.model(), c.currents(), c.bias(), c.initialV(), c.initialCurrents());
            cores[c.id()] = new PopulationState(slice, c.id(), hw.profile(), hw.seed(), c.first());
            cores[c.id()].allocateRingSlots(c.ringSlots());
            populationSizes[c.population()] += c.size();
        }
        scratch = new PopulationState.Scratch(n);
        int[] stages = new int[n];
        for (DelayExtension e : hw.delayExtensions()) stages[e.source()] = e.stages();
        List<List<List<Block>>> keyed = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            keyed.add(new ArrayList<>());
            for (int k = 0; k <= stages[c]; k++) keyed.get(c).add(new ArrayList<>());
        }
        for (Block b : hw.blocks()) keyed.get(b.source()).get(b.stage()).add(b);
        blocks = new Block[n][][];
        history = new SpikeTrain[n][];
        for (int c = 0; c < n; c++) {
            blocks[c] = keyed.get(c).stream().map(l -> l.toArray(new Block[0])).toArray(Block[][]::new);
            if (stages[c] > 0) {
                history[c] = new SpikeTrain[stages[c] * hw.delaySlots() + 1];
                for (int i = 0; i < history[c].length; i++) history[c][i] = new SpikeTrain();
            }
        }
    }

    @Override
    public int populationCount() {
        return populationSizes.length;
    }

    @Override
    public String populationName(int population) {
        return hw.populations().get(population);
    }

    @Override
    public int populationSize(int population) {
        return populationSizes[population];
    }

    /** Synapses leaving a neuron, counted from its core's blocks (all stages). */
    @Override
    public int outDegree(int population, int neuron) {
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

    @Override
    public void inject(String population, int neuron, int atStep) {
        int p = hw.populations().indexOf(population);
        if (p < 0) throw new IllegalArgumentException("no population " + population);
        cores[index.core(p, neuron)].inject(index.local(p, neuron), atStep);
    }

    @Override
    public int step() {
        return step;
    }

    /** Block rows read so far: one per spike per (block it reaches), stage packets included. */
    public long rowReads() {
        return packets;
    }

    /** Block rows read for spikes that delay extensions re-emitted. */
    public long extensionRowReads() {
        return extensionRows;
    }

    /** Spikes re-emitted by delay extensions so far: one per stage that has blocks, per spike of its source. */
    public long extensionPackets() {
        return extensionPackets;
    }

    @Override
    public OptionalDouble state(int population, String variable, int neuron) {
        PopulationState core = cores[index.core(population, neuron)];
        int local = index.local(population, neuron);
        if (variable.equals("v")) return core.v == null ? OptionalDouble.empty() : OptionalDouble.of(core.v[local]);
        Core c = hw.cores().get(core.index);
        for (int ch = 0; ch < c.currents().size(); ch++) {
            if (variable.equals(myelin.ir.network.NeuronModel.currentVariable(c.currents().get(ch)))) {
                return OptionalDouble.of(core.current[ch][local]);
            }
        }
        return OptionalDouble.empty();
    }

    @Override
    public void run(int steps, Observer observer, boolean readsState) {
        for (int end = step + steps; step < end; step++) {
            int s = step;
            coreSpikes.clear();
            for (PopulationState core : cores) core.update(s, 0, core.size, coreSpikes, scratch);
            for (int i = 0; i < coreSpikes.size(); i++) deliver(blocks[coreSpikes.population(i)][0], coreSpikes.neuron(i), coreSpikes.count(i), s);
            for (int c = 0; c < cores.length; c++) {
                if (history[c] != null) extend(c, s);
            }
            stepSpikes.clear();
            for (int i = 0; i < coreSpikes.size(); i++) {
                Core c = hw.cores().get(coreSpikes.population(i));
                stepSpikes.add(s, c.population(), c.first() + coreSpikes.neuron(i), coreSpikes.count(i));
            }
            observer.afterStep(s, stepSpikes);
        }
    }

    /** A delay extension's step: re-emit the spikes of k x slots steps ago to stage k, then keep this step's. */
    private void extend(int source, int s) {
        SpikeTrain[] kept = history[source];
        int slots = hw.delaySlots();
        for (int k = 1; k < blocks[source].length; k++) {
            int then = s - k * slots;
            if (then < 0) break;
            SpikeTrain old = kept[then % kept.length];
            if (blocks[source][k].length > 0) extensionPackets += old.size();
            extensionRows += (long) old.size() * blocks[source][k].length;
            for (int i = 0; i < old.size(); i++) deliver(blocks[source][k], old.neuron(i), old.count(i), s);
        }
        SpikeTrain now = kept[s % kept.length];
        now.clear();
        for (int i = 0; i < coreSpikes.size(); i++) {
            if (coreSpikes.population(i) == source) now.add(s, source, coreSpikes.neuron(i), coreSpikes.count(i));
        }
    }

    /** Reads a spike's row in each block and adds its synapses into the receiving cores' rings. */
    private void deliver(Block[] keyed, int pre, int count, int s) {
        for (Block b : keyed) {
            PopulationState target = cores[b.core()];
            packets++;
            reader.row(b, pre, (post, weight, delay, channel) -> target.slot(s + delay, channel)[post] += count * weight);
        }
    }
}
