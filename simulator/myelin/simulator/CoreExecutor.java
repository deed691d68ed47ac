package myelin.simulator;

import java.util.ArrayList;
import java.util.List;
import myelin.ir.hardware.Block;
import myelin.ir.hardware.DelayExtension;
import myelin.ir.hardware.HardwareNetwork;

/**
 * Runs a network from its hardware IR alone, core by core, as the hardware would: each
 * core updates its slice with its own ring of its own size; each spike reads the rows of
 * the blocks its source core keys in every receiving core and adds them into that core's
 * ring; delay extensions hold a source's spikes and re-emit them {@code k x slots} steps
 * later to the blocks of stage k. The spikes must be the integer engine's, bit for bit.
 */
public final class CoreExecutor extends HardwareEngine {
    /** Per source core, per stage: the blocks its spikes read. */
    private final Block[][][] blocks;
    /** Per source core with a delay extension: its spikes of the last stages x slots steps, by step. */
    private final SpikeTrain[][] history;
    private long packets;
    private long extensionPackets;
    private long extensionRows;

    public CoreExecutor(HardwareNetwork hw) {
        super(hw);
        int n = hw.cores().size();
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
            if (stages[c] > 0) history[c] = spikeRing(stages[c] * hw.delaySlots() + 1);
        }
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
    void carry(int s, SpikeTrain coreSpikes) {
        for (int i = 0; i < coreSpikes.size(); i++) deliver(blocks[coreSpikes.population(i)][0], coreSpikes.neuron(i), coreSpikes.count(i), s);
        for (int c = 0; c < cores.length; c++) {
            if (history[c] != null) extend(c, s, coreSpikes);
        }
    }

    /** A delay extension's step: re-emit the spikes of k x slots steps ago to stage k, then keep this step's. */
    private void extend(int source, int s, SpikeTrain coreSpikes) {
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
            packets++;
            addRow(b, pre, count, s);
        }
    }
}
