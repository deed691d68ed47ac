package myelin.ir.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** decode(encode(x)) == x for every encoding that holds x, on random blocks. */
class BlockCodecProperties {
    record Case(BlockCodec.Synapses synapses, int coreSize, int channels, int channel, int word) {}

    @Provide
    Arbitrary<Case> blocks() {
        return Arbitraries.randomValue(BlockCodecProperties::generate);
    }

    static Case generate(Random r) {
        int rows = 1 + r.nextInt(20);
        int coreSize = 1 + r.nextInt(300);
        int shift = r.nextInt(12);
        int sign = r.nextInt(3) - 1;
        int maxDelay = 1 + r.nextInt(16);
        boolean constantDelay = r.nextBoolean();
        int[] rowStart = new int[rows + 1];
        List<int[]> synapses = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            int n = r.nextInt(8) == 0 ? 0 : r.nextInt(12);
            for (int k = 0; k < n; k++) {
                int m = r.nextInt(255) - 127;
                if (sign != 0) m = sign * Math.abs(m);
                synapses.add(new int[] {r.nextInt(coreSize), m << shift, constantDelay ? maxDelay : 1 + r.nextInt(maxDelay)});
            }
            rowStart[row + 1] = synapses.size();
        }
        int[] post = synapses.stream().mapToInt(s -> s[0]).toArray();
        int[] weight = synapses.stream().mapToInt(s -> s[1]).toArray();
        int[] delay = synapses.stream().mapToInt(s -> s[2]).toArray();
        int channels = 1 + r.nextInt(3);
        return new Case(new BlockCodec.Synapses(rowStart, post, weight, delay), coreSize, channels, r.nextInt(channels),
                new int[] {0, 16, 32}[r.nextInt(3)]);
    }

    @Property(tries = 500)
    void everyEncodingDecodesToItsSynapses(@ForAll("blocks") Case c) {
        BlockCodec.Synapses s = c.synapses();
        for (Encoding e : new Encoding[] {Encoding.SPARSE, Encoding.PACKED, Encoding.DENSE}) {
            var layout = BlockCodec.layout(e, s, c.coreSize(), c.channels(), c.word());
            if (layout.isEmpty()) continue;
            Bits bits = BlockCodec.pack(e, layout.get(), s, c.coreSize(), c.channel());
            assertEquals(BlockCodec.bits(e, layout.get(), s.size(), c.coreSize()), bits.length(), e + ": the size formula");
            Block block = new Block(0, 0, 0, "p", c.channel(), e, layout.get(), s.size(), bits.length(), bits.toWords());
            for (int row = 0; row < s.rows(); row++) {
                List<String> decoded = new ArrayList<>();
                BlockCodec.decode(block, c.coreSize(), row, (post, weight, delay, channel) -> decoded.add(post + ":" + weight + "@" + delay + "/" + channel));
                assertEquals(expected(s, row, c, e == Encoding.DENSE), decoded, e + ", row " + row);
            }
        }
    }

    /** A row's synapses in order; a dense block gives each post neuron's summed weight, zeros left out. */
    private static List<String> expected(BlockCodec.Synapses s, int row, Case c, boolean dense) {
        List<String> out = new ArrayList<>();
        if (!dense) {
            for (int k = s.rowStart()[row]; k < s.rowStart()[row + 1]; k++) {
                out.add(s.post()[k] + ":" + s.weight()[k] + "@" + s.delay()[k] + "/" + c.channel());
            }
            return out;
        }
        int[] sum = new int[c.coreSize()];
        int delay = s.size() == 0 ? 1 : s.delay()[0];
        for (int k = s.rowStart()[row]; k < s.rowStart()[row + 1]; k++) sum[s.post()[k]] += s.weight()[k];
        for (int post = 0; post < sum.length; post++) if (sum[post] != 0) out.add(post + ":" + sum[post] + "@" + delay + "/" + c.channel());
        return out;
    }
}
