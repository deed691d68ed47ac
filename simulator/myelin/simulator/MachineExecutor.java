package myelin.simulator;

import java.util.ArrayList;
import java.util.List;
import myelin.ir.diag.InputException;
import myelin.ir.diag.SourceLocation;
import myelin.ir.hardware.Block;
import myelin.ir.machine.MachineNetwork;
import myelin.ir.machine.RouteWalk;
import myelin.ir.machine.RoutingEntry;
import myelin.ir.machine.image.MachineImage;
import myelin.ir.machine.image.PopulationTableEntry;

/**
 * Runs a machine image as the machine would, from its files alone: every core updates its
 * slice; every spike leaves as a packet with its key and is routed chip by chip through the
 * chips' emitted tables (no match: straight on if it came over a link, dropped, which is an
 * error, if it came from a local core); a core that receives a packet looks its key up in
 * its master population table and adds the rows of the blocks it finds into its ring; a
 * delay extension holds its source's packets and re-sends them with its stages' keys
 * {@code k x slots} steps later. Each source's routing is walked once through the tables
 * ({@link RouteWalk}) and remembered: every entry matches on source bits only (checked on loading), so all of a
 * source's packets go the same way.
 */
public final class MachineExecutor extends HardwareEngine {
    private final MachineNetwork m;
    private final List<List<Block>> blocksOf = new ArrayList<>();
    private final List<List<PopulationTableEntry>> tables;
    private final RouteWalk routes;
    /** Per source: the machine cores its packets reach, and the links they cross; walked on first use. */
    private final int[][] reached;
    private final int[] hopsOf;
    /** Per delay extension: the spikes of its source over the last stages x slots steps. */
    private final SpikeTrain[][] history;
    /** Per source: whether anything receives it (a master population table keys it, or a delay extension serves it). */
    private final boolean[] transmits;
    private long packets;
    private long hops;

    public MachineExecutor(MachineImage.Loaded image) {
        super(image.hardware());
        this.m = image.machine();
        this.tables = image.populationTables();
        int n = hw.cores().size();
        for (int c = 0; c < n; c++) blocksOf.add(new ArrayList<>());
        for (Block b : hw.blocks()) blocksOf.get(b.core()).add(b);
        routes = new RouteWalk(m);
        int indexMask = (1 << m.keys().indexBits()) - 1;
        for (List<RoutingEntry> table : m.tables()) {
            for (RoutingEntry e : table) {
                if ((e.mask() & indexMask) != 0) {
                    throw InputException.of(SourceLocation.of(hw.name()), "a routing entry matches neuron bits (mask " + Integer.toHexString(e.mask()) + ")");
                }
            }
        }
        reached = new int[m.keys().sources()][];
        hopsOf = new int[m.keys().sources()];
        transmits = new boolean[m.keys().sources()];
        for (List<PopulationTableEntry> table : tables) for (PopulationTableEntry e : table) transmits[m.keys().source(e.key())] = true;
        for (var e : hw.delayExtensions()) transmits[e.source()] = true;
        history = new SpikeTrain[hw.delayExtensions().size()][];
        for (int e = 0; e < history.length; e++) {
            history[e] = spikeRing(hw.delayExtensions().get(e).stages() * hw.delaySlots() + 1);
        }
    }

    /** Packets sent so far (spikes of cores and re-sent by delay extensions), and the links they crossed. */
    public long packets() {
        return packets;
    }

    public long hops() {
        return hops;
    }

    @Override
    void carry(int s, SpikeTrain coreSpikes) {
        for (int e = 0; e < history.length; e++) resend(e, s);
        for (int i = 0; i < coreSpikes.size(); i++) send(coreSpikes.population(i), coreSpikes.neuron(i), coreSpikes.count(i), s);
    }

    /** A delay extension's step: re-send the spikes it received k x slots steps ago with stage k's key. */
    private void resend(int e, int s) {
        SpikeTrain[] kept = history[e];
        int slots = hw.delaySlots();
        for (int k = 1; k <= hw.delayExtensions().get(e).stages(); k++) {
            int then = s - k * slots;
            if (then < 0) break;
            SpikeTrain old = kept[then % kept.length];
            for (int i = 0; i < old.size(); i++) send(m.stageSource(e, k), old.neuron(i), old.count(i), s);
        }
        kept[s % kept.length].clear();
    }

    /** A packet from a source: to every core its routing reaches. */
    private void send(int source, int neuron, int count, int s) {
        if (!transmits[source]) return; // a core whose spikes nobody receives sends no packets
        int key = m.keys().key(source, neuron);
        int[] targets = reached[source] != null ? reached[source] : walk(source);
        packets += count; // one packet a spike: a Poisson source's several spikes in a step are several packets
        hops += (long) hopsOf[source] * count;
        int n = hw.cores().size();
        for (int core : targets) {
            if (core >= n) {
                history[core - n][s % history[core - n].length].add(s, source, neuron, count);
            } else {
                receive(core, key, neuron, count, s);
            }
        }
    }

    /** A core's work on a packet: its master population table names the blocks whose rows the packet reads. */
    private void receive(int core, int key, int neuron, int count, int s) {
        List<Block> blocks = blocksOf.get(core);
        for (PopulationTableEntry e : tables.get(core)) {
            if (!e.matches(key)) continue;
            for (int b = e.firstBlock(); b < e.firstBlock() + e.count(); b++) {
                addRow(blocks.get(b), neuron, count, s);
            }
            return;
        }
        throw InputException.of(SourceLocation.of(hw.name()), "core " + core + " received key " + Integer.toHexString(key)
                + " (source " + m.keys().source(key) + "), which its master population table does not hold");
    }

    /** A source's routing, walked once through the tables. */
    private int[] walk(int source) {
        RouteWalk.Result r;
        try {
            r = routes.walk(source);
        } catch (RouteWalk.Dropped e) {
            throw InputException.of(SourceLocation.of(hw.name()), e.getMessage());
        }
        reached[source] = r.cores();
        hopsOf[source] = r.links();
        return reached[source];
    }
}
