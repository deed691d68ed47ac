package myelin.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import myelin.ir.integer.PoissonCounts;
import myelin.ir.integer.PoissonTable;
import myelin.ir.synapses.SplitMix64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SIMD Poisson draws at the edges of the CDF table: states made (by inverting
 * SplitMix64's output function) to draw exactly cdf[k] and cdf[k] - 1 for every entry,
 * where a comparison off by one would show; random draws almost never land there.
 */
class PoissonKernelTest {
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    private static long unXorShift(long y, int s) {
        long x = y;
        for (int i = 0; i < 64 / s + 1; i++) x = y ^ (x >>> s);
        return x;
    }

    private static long inverse(long odd) {
        long inv = odd;
        for (int i = 0; i < 6; i++) inv *= 2 - odd * inv;
        return inv;
    }

    /** The state before a draw whose high 32 bits of output are u. */
    private static long stateDrawing(long u, long low) {
        long z = u << 32 | (low & 0xFFFF_FFFFL);
        z = unXorShift(z, 31) * inverse(0x94D049BB133111EBL);
        z = unXorShift(z, 27) * inverse(0xBF58476D1CE4E5B9L);
        return unXorShift(z, 30) - GAMMA;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.001, 0.05, 1.6, 12})
    void countsAtEveryTableEdgeEqualTheScalarPath(double lambda) {
        long[] cdf = PoissonTable.fixedPoint(lambda);
        PoissonCounts scalar = new PoissonCounts(cdf);
        int n = 2 * (cdf.length - 1) + 3; // not a multiple of the lanes: the tail runs too
        long[] rng = new long[n];
        long[] drawn = new long[n];
        for (int k = 0; k + 1 < cdf.length; k++) {
            drawn[2 * k] = cdf[k];
            drawn[2 * k + 1] = cdf[k] - 1;
        }
        drawn[n - 3] = 0;
        drawn[n - 2] = 0xFFFF_FFFFL;
        drawn[n - 1] = cdf[0];
        for (int i = 0; i < n; i++) {
            rng[i] = stateDrawing(drawn[i], 0x1234_5678L * i);
            assertEquals(drawn[i], SplitMix64.mix(rng[i] + GAMMA) >>> 32, "the made state draws u");
        }
        long[] counts = new long[n];
        long[] after = rng.clone();
        PoissonKernel.draw(after, 0, n, new PoissonKernel.Table(cdf), counts);
        for (int i = 0; i < n; i++) {
            assertEquals(scalar.count(drawn[i]), counts[i], "lambda " + lambda + ", u = " + drawn[i]);
            assertEquals(rng[i] + GAMMA, after[i], "the stream advanced once");
        }
    }
}
