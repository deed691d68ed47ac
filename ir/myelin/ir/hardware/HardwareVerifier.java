package myelin.ir.hardware;

import java.util.ArrayList;
import java.util.List;
import myelin.ir.integer.QuantizedVerifier;

/**
 * Checks the hardware IR: the cores cut every population into equal slices in order, rings
 * are powers of two, every block's key names cores and stages that exist, and every synapse
 * (decoded as a core reads it) lands on a neuron of its core within its ring and the
 * target's delay slots.
 */
public final class HardwareVerifier {
    /** Problems listed before the rest are counted: one broken pass breaks thousands of blocks alike. */
    static final int MAX_LISTED = 20;

    private HardwareVerifier() {}

    public static List<String> verify(HardwareNetwork hw) {
        List<String> all = problems(hw);
        if (all.size() <= MAX_LISTED) return all;
        List<String> listed = new ArrayList<>(all.subList(0, MAX_LISTED));
        listed.add("and " + (all.size() - MAX_LISTED) + " more");
        return listed;
    }

    private static List<String> problems(HardwareNetwork hw) {
        List<String> problems = new ArrayList<>();
        BlockReader reader = new BlockReader(hw);
        int[] covered = new int[hw.populations().size()];
        for (int i = 0; i < hw.cores().size(); i++) {
            Core c = hw.cores().get(i);
            String at = "core " + c.id() + ": ";
            if (c.id() != i) problems.add(at + "is listed at position " + i);
            if (c.population() < 0 || c.population() >= covered.length) {
                problems.add(at + "names no population");
                continue;
            }
            if (c.first() != covered[c.population()]) problems.add(at + "starts at neuron " + c.first() + ", not " + covered[c.population()]);
            covered[c.population()] = c.first() + c.size();
            if (c.ringSlots() < 1 || Integer.bitCount(c.ringSlots()) != 1) problems.add(at + "ring of " + c.ringSlots() + " slots");
            problems.addAll(QuantizedVerifier.verify(c.model(), c.size(), hw.profile(), at));
        }
        int[] stages = new int[hw.cores().size()];
        for (DelayExtension e : hw.delayExtensions()) {
            if (e.source() < 0 || e.source() >= stages.length || e.stages() < 1) problems.add("delay extension of " + e.source() + " is malformed");
            else stages[e.source()] = e.stages();
        }
        for (Block b : hw.blocks()) {
            String at = "block " + b.projection() + " " + b.source() + "->" + b.core() + " stage " + b.stage() + ": ";
            if (b.core() < 0 || b.core() >= stages.length || b.source() < 0 || b.source() >= stages.length) {
                problems.add(at + "names a core that does not exist");
                continue;
            }
            Core core = hw.cores().get(b.core());
            Core source = hw.cores().get(b.source());
            if (core.isSource()) problems.add(at + "feeds the source core " + core.id());
            if (b.stage() > stages[b.source()]) problems.add(at + "has no delay-extension stage " + b.stage());
            if (b.channel() >= core.channels()) problems.add(at + "channel " + b.channel() + " out of range");
            if (b.layout().rows() != source.size()) problems.add(at + b.layout().rows() + " rows for " + source.size() + " source neurons");
            if (b.bits() > 64L * b.data().length) {
                problems.add(at + "holds fewer than its " + b.bits() + " bits");
                continue;
            }
            int[] count = new int[1];
            String[] first = new String[1];
            for (int pre = 0; pre < source.size() && first[0] == null; pre++) {
                if (b.encoding() == Encoding.KERNEL && hw.kernels().stream().noneMatch(k -> k.projection().equals(b.projection()))) {
                    first[0] = "no kernel for its projection";
                    break;
                }
                reader.row(b, pre, (post, weight, delay, channel) -> {
                    count[0]++;
                    if (first[0] != null) return;
                    if (post < 0 || post >= core.size()) first[0] = "a synapse onto neuron " + post + " of " + core.size();
                    else if (delay < 1 || delay > core.ringSlots() || delay > hw.delaySlots()) first[0] = "a delay of " + delay + " steps";
                    else if (channel >= core.channels()) first[0] = "a synapse on channel " + channel;
                });
            }
            if (first[0] != null) problems.add(at + first[0]);
            else if ((b.encoding() == Encoding.SPARSE || b.encoding() == Encoding.PACKED) && count[0] != b.synapses()) {
                problems.add(at + count[0] + " synapses for " + b.synapses());
            }
        }
        return problems;
    }
}
