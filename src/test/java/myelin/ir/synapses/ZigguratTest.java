package myelin.ir.synapses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** The ziggurat's tables and the distributions it draws (commons-math3 comes with ND4J). */
class ZigguratTest {
    private static final int DRAWS = 1_000_000;

    @Test
    void everyNormalLayerHasTheSameArea() {
        double v = Ziggurat.NORMAL_V;
        double base = Ziggurat.NORMAL_R * Math.exp(-0.5 * Ziggurat.NORMAL_R * Ziggurat.NORMAL_R)
                + new NormalDistribution().cumulativeProbability(-Ziggurat.NORMAL_R) * Math.sqrt(2 * Math.PI);
        assertEquals(v, base, 1e-9 * v, "base strip");
        for (int i = 1; i < 128; i++) {
            double area = Ziggurat.NORMAL_X[i] * (Ziggurat.NORMAL_F[i + 1] - Ziggurat.NORMAL_F[i]);
            assertEquals(v, area, 1e-6 * v, "layer " + i);
        }
    }

    @Test
    void everyExponentialLayerHasTheSameArea() {
        double v = Ziggurat.EXP_V;
        assertEquals(v, (Ziggurat.EXP_R + 1) * Math.exp(-Ziggurat.EXP_R), 1e-9 * v, "base strip");
        for (int i = 1; i < 256; i++) {
            double area = Ziggurat.EXP_X[i] * (Ziggurat.EXP_F[i + 1] - Ziggurat.EXP_F[i]);
            assertEquals(v, area, 1e-6 * v, "layer " + i);
        }
    }

    @Test
    void normalDrawsFollowTheNormalDistribution() {
        SplitMix64 rng = new SplitMix64(11);
        double[] draws = new double[DRAWS];
        int tail = 0;
        for (int i = 0; i < DRAWS; i++) {
            draws[i] = rng.nextGaussian();
            if (Math.abs(draws[i]) > Ziggurat.NORMAL_R) tail++;
        }
        NormalDistribution normal = new NormalDistribution();
        assertKolmogorovSmirnov(draws, normal::cumulativeProbability);
        // Mass accepted above the curve in the wedges escapes Kolmogorov-Smirnov but not the moments.
        assertMoment(draws, 2, 1, Math.sqrt(2.0 / DRAWS));
        assertMoment(draws, 4, 3, Math.sqrt(96.0 / DRAWS));
        double expectedTail = 2 * normal.cumulativeProbability(-Ziggurat.NORMAL_R) * DRAWS;
        assertTrue(Math.abs(tail - expectedTail) < 5 * Math.sqrt(expectedTail), "draws beyond R: " + tail + ", expected " + expectedTail);
    }

    @Test
    void exponentialDrawsFollowTheExponentialDistribution() {
        SplitMix64 rng = new SplitMix64(12);
        double[] draws = new double[DRAWS];
        int tail = 0;
        for (int i = 0; i < DRAWS; i++) {
            draws[i] = rng.nextExponential();
            if (draws[i] > Ziggurat.EXP_R) tail++;
        }
        assertKolmogorovSmirnov(draws, new ExponentialDistribution(null, 1)::cumulativeProbability);
        assertMoment(draws, 1, 1, Math.sqrt(1.0 / DRAWS));
        assertMoment(draws, 2, 2, Math.sqrt(20.0 / DRAWS));
        double expectedTail = Math.exp(-Ziggurat.EXP_R) * DRAWS;
        assertTrue(Math.abs(tail - expectedTail) < 5 * Math.sqrt(expectedTail), "draws beyond R: " + tail + ", expected " + expectedTail);
    }

    /** The k-th raw moment within 5 standard errors of its value. */
    private static void assertMoment(double[] draws, int k, double expected, double standardError) {
        double sum = 0;
        for (double x : draws) sum += Math.pow(x, k);
        double moment = sum / draws.length;
        assertEquals(expected, moment, 5 * standardError, "moment " + k);
    }

    /** The Kolmogorov-Smirnov distance below its 0.1% critical value, 1.95 / sqrt(n). */
    private static void assertKolmogorovSmirnov(double[] draws, DoubleUnaryOperator cdf) {
        double[] sorted = draws.clone();
        Arrays.sort(sorted);
        double d = 0;
        for (int i = 0; i < sorted.length; i++) {
            double f = cdf.applyAsDouble(sorted[i]);
            d = Math.max(d, Math.max(f - (double) i / sorted.length, (double) (i + 1) / sorted.length - f));
        }
        assertTrue(d < 1.95 / Math.sqrt(sorted.length), "Kolmogorov-Smirnov distance " + d);
    }
}
