package myelin.ir.hardware;

import java.util.Optional;

/**
 * Packs a block's synapses in one encoding and reads them back as a core would: each
 * arriving spike reads its row and adds every synapse's weight into the ring slot of its
 * delay. {@code decode(encode(x))} gives x's synapses, in row order (a dense block gives a
 * weight per post neuron, multapses summed: the same additions).
 */
public final class BlockCodec {
    private BlockCodec() {}

    /** Receives one synapse of a row: the post neuron within the core, its weight, delay and channel. */
    @FunctionalInterface
    public interface Sink {
        void synapse(int post, int weight, int delay, int channel);
    }

    /**
     * A block's synapses before packing, row-major: {@code rowStart[r] .. rowStart[r+1]-1}
     * are row r's (pre neuron r of the source core).
     */
    public record Synapses(int[] rowStart, int[] post, int[] weight, int[] delay) {
        public int rows() {
            return rowStart.length - 1;
        }

        public int size() {
            return post.length;
        }
    }

    /**
     * The layout of the synapses in an encoding, or empty when the encoding cannot hold them
     * exactly (dense: delays differ; sparse: the fields exceed the target's word).
     *
     * @param targetWordBits the target's sparse word (0: none)
     * @param channels       input channels of the receiving population (a sparse word carries the type)
     */
    public static Optional<Layout> layout(Encoding encoding, Synapses s, int coreSize, int channels, int targetWordBits) {
        int maxDelay = 1;
        int minDelay = s.size() == 0 ? 1 : Integer.MAX_VALUE;
        for (int d : s.delay()) {
            maxDelay = Math.max(maxDelay, d);
            minDelay = Math.min(minDelay, d);
        }
        boolean constantDelay = minDelay == maxDelay;
        int indexBits = Bits.width(Math.max(0, coreSize - 1));
        int[] sign = new int[1];
        switch (encoding) {
            case SPARSE, PACKED -> {
                int shift = shift(s.weight());
                int weightBits = weightBits(s.weight(), shift, sign);
                int delayBits = constantDelay ? 0 : Bits.width(maxDelay - 1);
                int typeBits = encoding == Encoding.SPARSE ? Bits.width(channels - 1) : 0;
                int fields = weightBits + delayBits + typeBits + indexBits;
                if (encoding == Encoding.SPARSE && (targetWordBits == 0 || fields > targetWordBits)) return Optional.empty();
                int wordBits = encoding == Encoding.SPARSE ? targetWordBits : Math.max(1, fields);
                return Optional.of(new Layout(s.rows(), shift, weightBits, sign[0], delayBits, typeBits, indexBits, Bits.width(s.size()),
                        wordBits, constantDelay ? minDelay : 0));
            }
            case DENSE -> {
                if (!constantDelay) return Optional.empty();
                int[] summed = dense(s, coreSize);
                int shift = shift(summed);
                int weightBits = weightBits(summed, shift, sign);
                return Optional.of(new Layout(s.rows(), shift, weightBits, sign[0], 0, 0, indexBits, 0, weightBits, minDelay));
            }
            default -> throw new IllegalArgumentException("kernel blocks are made from a convolution's geometry");
        }
    }

    /** The data bits of a block of {@code synapses} synapses and {@code coreSize} post neurons in a layout. */
    public static long bits(Encoding encoding, Layout l, int synapses, int coreSize) {
        return encoding == Encoding.DENSE ? (long) l.rows() * coreSize * l.weightBits()
                : l.offsetTableBits() + (long) synapses * l.wordBits();
    }

    /** Packs the synapses in a layout that {@link #layout} gave for the encoding. */
    public static Bits pack(Encoding encoding, Layout l, Synapses s, int coreSize, int channel) {
        Bits bits = new Bits();
        if (encoding == Encoding.DENSE) {
            for (int w : dense(s, coreSize)) bits.append(l.weightField(w), l.weightBits());
            return bits;
        }
        int fields = l.weightBits() + l.delayBits() + l.typeBits() + l.indexBits();
        for (int r = 0; r <= s.rows(); r++) bits.append(s.rowStart()[r], l.offsetBits());
        for (int k = 0; k < s.size(); k++) {
            bits.append(l.weightField(s.weight()[k]), l.weightBits());
            bits.append(s.delay()[k] - 1L, l.delayBits());
            bits.append(channel, l.typeBits());
            bits.append(s.post()[k], l.indexBits());
            bits.append(0, l.wordBits() - fields);
        }
        return bits;
    }

    /** A weight per (row, post neuron), multapses summed. */
    private static int[] dense(Synapses s, int coreSize) {
        int[] summed = new int[s.rows() * coreSize];
        for (int r = 0; r < s.rows(); r++) {
            for (int k = s.rowStart()[r]; k < s.rowStart()[r + 1]; k++) summed[r * coreSize + s.post()[k]] += s.weight()[k];
        }
        return summed;
    }

    /** Synapses in a row of a sparse or packed block, without decoding them. */
    static int rowLength(Block block, int coreSize, int pre) {
        Layout l = block.layout();
        return (int) (Bits.read(block.data(), (long) (pre + 1) * l.offsetBits(), l.offsetBits())
                - Bits.read(block.data(), (long) pre * l.offsetBits(), l.offsetBits()));
    }

    /** Reads row {@code pre} of a block, handing each synapse to the sink. */
    public static void decode(Block block, int coreSize, int pre, Sink sink) {
        Layout l = block.layout();
        long[] data = block.data();
        switch (block.encoding()) {
            case SPARSE, PACKED -> {
                long start = Bits.read(data, (long) pre * l.offsetBits(), l.offsetBits());
                long end = Bits.read(data, (long) (pre + 1) * l.offsetBits(), l.offsetBits());
                long at = l.offsetTableBits() + start * l.wordBits();
                for (long k = start; k < end; k++, at += l.wordBits()) {
                    long bit = at;
                    int weight = l.weight(Bits.read(data, bit, l.weightBits()));
                    bit += l.weightBits();
                    int delay = l.delayBits() == 0 ? l.constantDelay() : (int) Bits.read(data, bit, l.delayBits()) + 1;
                    bit += l.delayBits();
                    int channel = l.typeBits() == 0 ? block.channel() : (int) Bits.read(data, bit, l.typeBits());
                    bit += l.typeBits();
                    sink.synapse((int) Bits.read(data, bit, l.indexBits()), weight, delay, channel);
                }
            }
            case DENSE -> {
                long at = (long) pre * coreSize * l.weightBits();
                for (int post = 0; post < coreSize; post++, at += l.weightBits()) {
                    int weight = l.weight(Bits.read(data, at, l.weightBits()));
                    if (weight != 0) sink.synapse(post, weight, l.constantDelay(), block.channel());
                }
            }
            case KERNEL -> throw new IllegalArgumentException("kernel blocks decode through their kernel (BlockReader)");
        }
    }

    /** The largest shift that every weight is a multiple of (0 when all are zero). */
    static int shift(int[] weights) {
        int or = 0;
        for (int w : weights) or |= w;
        return or == 0 ? 0 : Math.min(31, Integer.numberOfTrailingZeros(or));
    }

    /** Bits of the mantissas, and their sign convention in sign[0] (see {@link Layout#weightSign()}). */
    static int weightBits(int[] weights, int shift, int[] sign) {
        long max = 0;
        long min = 0;
        for (int w : weights) {
            long m = w >> shift;
            max = Math.max(max, m);
            min = Math.min(min, m);
        }
        if (min >= 0) {
            sign[0] = 1;
            return Bits.width(max);
        }
        if (max <= 0) {
            sign[0] = -1;
            return Bits.width(-min);
        }
        sign[0] = 0;
        return 1 + Math.max(Bits.width(max), Bits.width(-min - 1));
    }
}
