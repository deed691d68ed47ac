package myelin.ir.synapses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SplitMix64Test {
    @Test
    void matchesTheReferenceImplementation() {
        // The published test vector of Vigna's splitmix64.c for seed 1234567.
        SplitMix64 r = new SplitMix64(1234567);
        long[] expected = {6457827717110365317L, 3203168211198807973L, 0x883EBCE5A3F27C77L, 4593380528125082431L, 0xE3B8346708CB5ECDL};
        for (long e : expected) assertEquals(e, r.nextLong());
    }

    @Test
    void nextIntIsUniformAndInRange() {
        SplitMix64 r = new SplitMix64(42);
        int[] counts = new int[7];
        for (int i = 0; i < 70_000; i++) counts[r.nextInt(7)]++;
        for (int c : counts) assertTrue(Math.abs(c - 10_000) < 500, "count " + c);
    }

    @Test
    void gaussianHasUnitVariance() {
        SplitMix64 r = new SplitMix64(9);
        double sum = 0, sumSq = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            double g = r.nextGaussian();
            sum += g;
            sumSq += g * g;
        }
        double mean = sum / n;
        assertTrue(Math.abs(mean) < 0.01, "mean " + mean);
        assertTrue(Math.abs(sumSq / n - mean * mean - 1) < 0.01, "variance");
    }

    @Test
    void streamsDependOnNameNotPosition() {
        assertEquals(Expander.projectionSeed(5, "E_to_I"), Expander.projectionSeed(5, "E_to_I"));
        assertTrue(Expander.projectionSeed(5, "E_to_I") != Expander.projectionSeed(5, "I_to_E"));
        assertTrue(Expander.projectionSeed(5, "E_to_I") != Expander.projectionSeed(6, "E_to_I"));
    }
}
