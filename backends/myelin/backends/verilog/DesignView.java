package myelin.backends.verilog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import myelin.ir.hardware.Block;
import myelin.ir.hardware.Core;
import myelin.ir.hardware.DelayExtension;
import myelin.ir.hardware.Encoding;
import myelin.ir.hardware.HardwareNetwork;
import myelin.ir.hardware.Layout;

/**
 * What the top, router and testbench templates print for one packed hardware network: its
 * cores, the router's widths, the fields of its two ROMs, and every memory file's lines.
 *
 * <p>The router delivers from one synaptic memory: every block's data as {@code pack} wrote
 * it, each block starting at a 64-bit word, little-endian (docs/hardware-ir.md). A block
 * descriptor says where a block starts and how its fields are laid out; a delivery key
 * names, per (source core, stage), the blocks its spikes read and how many steps late the
 * delay extension re-emits them.
 */
public record DesignView(String network, String target, String profile, List<CoreView> cores, List<String> populations,
                         int coreBits, int indexBits, int listBits, int ringBits, int channelBits, int countBits, int positionBits,
                         int wordAddressBits, int keyAddressBits, int keyCount, int blockAddressBits, List<DescriptorField> key,
                         List<DescriptorField> descriptor, int lagBits, Map<String, List<String>> memories) {

    public static final String SYNAPSES = "synapses.hex";
    public static final String BLOCKS = "blocks.hex";
    public static final String KEYS = "keys.hex";

    public String synapsesFile() {
        return SYNAPSES;
    }

    public String blocksFile() {
        return BLOCKS;
    }

    public String keysFile() {
        return KEYS;
    }

    public int keyBits() {
        return DescriptorField.bits(key);
    }

    public int descriptorBits() {
        return DescriptorField.bits(descriptor);
    }

    public DescriptorField keyField(String name) {
        return key.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    /** Zeros that widen a key's lag to the 32 bits of the step counter. */
    public int lagPadding() {
        return 32 - lagBits;
    }

    /** Bits of a neuron index on the router's add bus: the widest receiving core's (at least one). */
    public int addIndexBits() {
        return cores.stream().filter(CoreView::hasRing).mapToInt(CoreView::indexBits).max().orElse(1);
    }

    /** Whether any core receives synapses (has a ring); without one the add bus drives nothing. */
    public boolean hasReceivers() {
        return cores.stream().anyMatch(CoreView::hasRing);
    }

    /** The design's Verilog files, in the order the tools read them. */
    public String sources() {
        StringBuilder s = new StringBuilder("myelin_ram.v myelin_router.v myelin_top.v");
        for (CoreView c : cores) s.append(' ').append(c.module()).append(".v");
        return s.toString();
    }

    public int maxCoreSize() {
        return cores.stream().mapToInt(CoreView::size).max().orElse(1);
    }

    public int lengthBits() {
        return indexBits + 1;
    }

    /** {@code signal}, zero-extended from {@code bits} to {@code to} bits. */
    public String padded(String signal, int bits, int to) {
        return bits == to ? signal : "{" + (to - bits) + "'d0, " + signal + "}";
    }

    private static void pad(List<String> lines, String zero, int depth) {
        while (lines.size() < depth) lines.add(zero);
    }

    public static DesignView of(HardwareNetwork hw) {
        int[] stages = new int[hw.cores().size()];
        for (DelayExtension e : hw.delayExtensions()) stages[e.source()] = e.stages();
        List<CoreView> cores = new ArrayList<>();
        for (Core c : hw.cores()) cores.add(CoreView.of(hw, c, stages[c.id()]));
        int coreBits = Literals.addressBits(cores.size());
        int indexBits = cores.stream().mapToInt(CoreView::indexBits).max().orElse(1);
        int listBits = cores.stream().mapToInt(CoreView::listBits).max().orElse(1);
        int ringBits = cores.stream().mapToInt(CoreView::ringBits).max().orElse(1);
        int channelBits = cores.stream().mapToInt(CoreView::channelBits).max().orElse(1);
        int countBits = cores.stream().mapToInt(CoreView::countBits).max().orElse(1);

        for (Block b : hw.blocks()) {
            if (b.encoding() == Encoding.KERNEL) {
                throw new IllegalArgumentException("block of " + b.projection() + " is a shared kernel, which the Verilog cores do not decode");
            }
        }
        // Blocks in key order: by source core, then stage.
        List<Block> blocks = new ArrayList<>(hw.blocks());
        blocks.sort(Comparator.comparingInt(Block::source).thenComparingInt(Block::stage));
        long words = 1; // one zero word past the end: the field reader always reads a pair
        long[] base = new long[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            base[i] = words - 1;
            words += (blocks.get(i).bits() + 63) / 64;
        }
        int positionBits = Literals.valueBits(words * 64);
        int wordAddressBits = positionBits - 6; // a bit address's word part
        int blockAddressBits = Literals.addressBits(blocks.size());
        int maxLag = 0;
        for (int k : stages) maxLag = Math.max(maxLag, k * hw.delaySlots());
        int lagBits = Literals.valueBits(maxLag);

        List<DescriptorField> descriptor = DescriptorField.layout(
                List.of("core", "dense", "base", "offset_bits", "word_bits", "word_start", "weight_bits", "ext_shift", "weight_sign",
                        "shift", "delay_bits", "delay_shift", "delay_low", "type_bits", "type_shift", "channel", "index_bits", "index_shift",
                        "core_size", "row_stride", "ring_mask"),
                new int[] {coreBits, 1, positionBits, 7, 7, positionBits, 7, 6, 2, 5, 6, 7, ringBits, 3, 7, channelBits,
                        6, 7, indexBits + 1, positionBits, ringBits});
        List<String> blockLines = new ArrayList<>();
        List<String> synapseLines = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            Layout l = b.layout();
            CoreView target = cores.get(b.core());
            boolean dense = b.encoding() == Encoding.DENSE;
            long sign = l.weightSign() == 0 ? 0 : l.weightSign() == 1 ? 1 : 2;
            blockLines.add(DescriptorField.pack(descriptor, b.core(), dense ? 1 : 0, base[i] * 64, l.offsetBits(), l.wordBits(),
                    (long) (l.rows() + 1) * l.offsetBits(), l.weightBits(), 32 - l.weightBits(), sign, l.shift(), l.delayBits(),
                    l.weightBits(), l.constantDelay() & ((1L << ringBits) - 1), l.typeBits(), l.weightBits() + l.delayBits(), b.channel(), l.indexBits(),
                    l.weightBits() + l.delayBits() + l.typeBits(), target.size(), (long) target.size() * l.weightBits(),
                    (1L << target.ringBits()) - 1));
            long[] data = b.data();
            long count = (b.bits() + 63) / 64;
            for (long w = 0; w < count; w++) synapseLines.add(Literals.hex(data[(int) w], 64));
        }
        // Every ROM file fills its memory to the last word (simulators warn on a short file).
        pad(synapseLines, Literals.hex(0, 64), 1 << wordAddressBits);
        pad(blockLines, DescriptorField.pack(descriptor, new long[descriptor.size()]), 1 << blockAddressBits);

        List<DescriptorField> key = DescriptorField.layout(List.of("source", "lag", "list_mask", "first", "count"),
                new int[] {coreBits, lagBits, listBits, blockAddressBits, blockAddressBits + 1});
        List<String> keyLines = new ArrayList<>();
        for (int i = 0; i < blocks.size(); ) {
            int j = i;
            while (j < blocks.size() && blocks.get(j).source() == blocks.get(i).source() && blocks.get(j).stage() == blocks.get(i).stage()) j++;
            Block b = blocks.get(i);
            keyLines.add(DescriptorField.pack(key, b.source(), (long) b.stage() * hw.delaySlots(),
                    (1L << cores.get(b.source()).listBits()) - 1, i, j - i));
            i = j;
        }
        int keyCount = keyLines.size();
        pad(keyLines, DescriptorField.pack(key, new long[key.size()]), 1 << Literals.addressBits(Math.max(1, keyCount))); // keys with no blocks

        Map<String, List<String>> memories = new LinkedHashMap<>();
        memories.put(SYNAPSES, synapseLines);
        memories.put(BLOCKS, blockLines);
        memories.put(KEYS, keyLines);
        for (CoreView c : cores) memories.putAll(c.memories());
        return new DesignView(hw.name(), hw.target(), hw.profile().name(), cores, hw.populations(), coreBits, indexBits, listBits,
                ringBits, channelBits, countBits, positionBits, wordAddressBits, Literals.addressBits(Math.max(1, keyCount)), keyCount,
                blockAddressBits, key, descriptor, lagBits, memories);
    }
}
