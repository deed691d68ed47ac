package myelin.simulator;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import myelin.ir.synapses.SplitMix64;

/**
 * The Poisson sources' draws with explicit SIMD (the JDK's Vector API): each neuron's
 * SplitMix64 stream advanced and mixed lane by lane, and the count found as the number of
 * CDF entries the draw reaches, {@code sum_k [u >= cdf[k]]}: the first k with
 * {@code u < cdf[k]}, the same count as the scalar path's (a test compares them). The
 * comparisons are made by arithmetic, {@code (cdf[k] - 1 - u) >> 63}, since every value is
 * below 2^33 (no mask registers, as in {@link LifKernel}).
 */
final class PoissonKernel {
    private static final VectorSpecies<Long> LANES = LongVector.SPECIES_PREFERRED;
    private static final long GAMMA = 0x9E3779B97F4A7C15L;
    /** u at or above this is a draw in the last thousandth of the CDF. */
    private static final long TAIL_FROM = (1L << 32) - (1L << 32) / 1000;

    private PoissonKernel() {}

    /**
     * A population's CDF table and its head: the entries below the last thousandth, which one
     * draw in a thousand passes (the rest are compared only when a lane gets there). Made once
     * per population; making one does not load the Vector API.
     */
    record Table(long[] cdf, int head) {
        Table(long[] cdf) {
            this(cdf, headOf(cdf));
        }

        private static int headOf(long[] cdf) {
            int entries = cdf.length - 1; // the last entry is 2^32, which no draw reaches
            int head = 0;
            while (head < entries && cdf[head] < TAIL_FROM) head++;
            return head;
        }
    }

    /**
     * Advances rng[from, to) one draw each and writes each neuron's spike count into counts[n].
     * The counts stay 64-bit: narrowing them made a 256-bit IntVector, and C2 on JDK 17
     * then saw two vector classes in IntVector's shared profile and at times compiled the
     * LIF kernel's stores as calls into the Vector API's scalar fallback.
     */
    static void draw(long[] rng, int from, int to, Table table, long[] counts) {
        int bound = from + LANES.loopBound(to - from);
        long[] cdf = table.cdf();
        int entries = cdf.length - 1;
        int head = table.head();
        int n = from;
        for (; n < bound; n += LANES.length()) {
            LongVector state = LongVector.fromArray(LANES, rng, n).add(GAMMA);
            state.intoArray(rng, n);
            LongVector z = state.lanewise(VectorOperators.XOR, state.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
            LongVector u = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31)).lanewise(VectorOperators.LSHR, 32);
            LongVector count = LongVector.zero(LANES);
            for (int k = 0; k < head; k++) {
                // -1 where u >= cdf[k]
                count = count.sub(LongVector.broadcast(LANES, cdf[k] - 1).sub(u).lanewise(VectorOperators.ASHR, 63));
            }
            if (u.reduceLanes(VectorOperators.MAX) >= cdf[head]) {
                for (int k = head; k < entries; k++) {
                    count = count.sub(LongVector.broadcast(LANES, cdf[k] - 1).sub(u).lanewise(VectorOperators.ASHR, 63));
                }
            }
            count.intoArray(counts, n);
        }
        for (; n < to; n++) {
            rng[n] += GAMMA;
            long u = SplitMix64.mix(rng[n]) >>> 32;
            int k = 0;
            while (u >= cdf[k]) k++;
            counts[n] = k;
        }
    }

}
