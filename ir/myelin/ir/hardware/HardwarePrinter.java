package myelin.ir.hardware;

import myelin.ir.integer.IntModelText;
import myelin.ir.text.StateText;

/**
 * The hardware IR as text, which {@link HardwareReader} parses back to the same text
 * (docs/hardware-ir.md shows an example). Block data print as 64-bit words in hex, eight a
 * line. Large networks print summarised (no block data, the first values of each array),
 * which the first line says, and which does not parse.
 */
public final class HardwarePrinter {
    /** Networks with more block data than this (64-bit words) print summarised unless asked in full. */
    public static final long FULL_LIMIT_WORDS = 1 << 16;
    static final String SUMMARY_MARK = "// summarised";
    private static final int WORDS_PER_LINE = 8;

    private HardwarePrinter() {}

    public static String print(HardwareNetwork hw) {
        long words = hw.blocks().stream().mapToLong(b -> b.data().length).sum();
        return print(hw, words <= FULL_LIMIT_WORDS && hw.cores().size() <= 4096);
    }

    public static String print(HardwareNetwork hw, boolean full) {
        StringBuilder out = new StringBuilder();
        if (!full) out.append(SUMMARY_MARK).append(": no block data, the first values of each array; this text does not parse back\n");
        out.append("hardware ").append(hw.name()).append(" target=").append(hw.target()).append(" profile=").append(hw.profile().name())
                .append(" seed=").append(hw.seed()).append(" delay_slots=").append(hw.delaySlots()).append(" {\n");
        out.append("  populations [").append(String.join(", ", hw.populations())).append("]\n");
        for (Core c : hw.cores()) {
            out.append("  core ").append(c.id()).append(' ').append(c.name()).append('[').append(c.first()).append("..")
                    .append(c.first() + c.size()).append(") ring=").append(c.ringSlots()).append(' ').append(IntModelText.print(c.model()))
                    .append('\n');
            StateText.print(out, c.currents(), c.bias(), c.initialV(), c.initialCurrents(), full);
        }
        for (DelayExtension e : hw.delayExtensions()) {
            out.append("  delay_extension source=").append(e.source()).append(" stages=").append(e.stages()).append('\n');
        }
        for (Kernel k : hw.kernels()) {
            out.append("  kernel projection=").append(k.projection()).append(" in=").append(k.inChannels()).append('x').append(k.inHeight())
                    .append('x').append(k.inWidth()).append(" out=").append(k.outChannels()).append('x').append(k.outHeight()).append('x')
                    .append(k.outWidth()).append(" size=").append(k.kernelHeight()).append('x').append(k.kernelWidth()).append(" stride=")
                    .append(k.stride()).append(" padding=").append(k.padding()).append(" weights ").append(StateText.values(k.weights(), full))
                    .append('\n');
        }
        for (Block b : hw.blocks()) {
            Layout l = b.layout();
            out.append("  block core=").append(b.core()).append(" source=").append(b.source()).append(" stage=").append(b.stage())
                    .append(" projection=").append(b.projection()).append(" channel=").append(b.channel()).append(' ')
                    .append(b.encoding().keyword()).append(" synapses=").append(b.synapses()).append(" bits=").append(b.bits())
                    .append(" shift=").append(l.shift()).append(" weight_bits=").append(l.weightBits()).append(" weight_sign=")
                    .append(l.weightSign()).append(" delay_bits=").append(l.delayBits()).append(" delay=").append(l.constantDelay())
                    .append(" type_bits=").append(l.typeBits()).append(" index_bits=").append(l.indexBits()).append(" offset_bits=")
                    .append(l.offsetBits()).append(" word_bits=").append(l.wordBits()).append('\n');
            if (!full) continue;
            long[] data = b.data();
            for (int i = 0; i < data.length; i += WORDS_PER_LINE) {
                out.append("    data");
                for (int j = i; j < Math.min(data.length, i + WORDS_PER_LINE); j++) out.append(' ').append(String.format("%016x", data[j]));
                out.append('\n');
            }
        }
        return out.append("}\n").toString();
    }
}
