package myelin.simulator;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
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
    /** As many int lanes as LANES has long ones: the counts, narrowed. */
    private static final VectorSpecies<Integer> COUNTS = VectorSpecies.of(int.class, VectorShape.forBitSize(LANES.vectorBitSize() / 2));
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    private PoissonKernel() {}

    /** Advances rng[from, to) one draw each and writes each neuron's spike count into counts[n]. */
    static void draw(long[] rng, int from, int to, long[] cdf, int[] counts) {
        int bound = from + LANES.loopBound(to - from);
        int entries = cdf.length - 1; // the last entry is 2^32, which no draw reaches
        int n = from;
        for (; n < bound; n += LANES.length()) {
            LongVector state = LongVector.fromArray(LANES, rng, n).add(GAMMA);
            state.intoArray(rng, n);
            LongVector z = state.lanewise(VectorOperators.XOR, state.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
            LongVector u = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31)).lanewise(VectorOperators.LSHR, 32);
            LongVector count = LongVector.zero(LANES);
            for (int k = 0; k < entries; k++) {
                // -1 where u >= cdf[k]
                count = count.sub(LongVector.broadcast(LANES, cdf[k] - 1).sub(u).lanewise(VectorOperators.ASHR, 63));
            }
            ((IntVector) count.convertShape(VectorOperators.L2I, COUNTS, 0)).intoArray(counts, n);
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
