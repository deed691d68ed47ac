package myelin.passes.threshold;

import static org.junit.jupiter.api.Assertions.assertTrue;

import myelin.ir.logic.CellLibrary;
import myelin.ir.logic.GateNetlist;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Random gates built from each library's cells, by every construction the decomposer tries,
 * equal the gate on every input (exhaustive to 16 inputs, sampled beyond).
 */
class DecompositionProperties {
    @Property(tries = 300)
    void cellsEqualTheGate(@ForAll @IntRange(min = 1, max = 24) int n, @ForAll @IntRange(min = 1, max = 130) int maxWeight,
                           @ForAll long seed, @ForAll @LongRange(min = -200, max = 200) long threshold) {
        java.util.Random r = new java.util.Random(seed);
        long[] weights = new long[n];
        for (int i = 0; i < n; i++) weights[i] = r.nextInt(2 * maxWeight + 1) - maxWeight;
        check(new ThresholdFunction(inputs(n), weights, threshold));
    }

    /** Gates with inputs that decide alone (ORs, ANDs and mixtures of both around a core): what peeling builds trees of. */
    @Property(tries = 300)
    void peelableGatesEqualTheirCells(@ForAll @IntRange(min = 1, max = 40) int n, @ForAll long seed) {
        java.util.Random r = new java.util.Random(seed);
        long threshold = 1 + r.nextInt(6);
        long[] weights = new long[n];
        for (int i = 0; i < n; i++) {
            // Large weights decide alone (OR-like); a threshold near the sum makes inputs necessary (AND-like).
            long w = r.nextInt(3) == 0 ? threshold + r.nextInt(3) : 1 + r.nextInt(2);
            weights[i] = r.nextInt(4) == 0 ? -w : w;
        }
        if (r.nextBoolean()) {
            long sum = 0;
            for (long w : weights) if (w > 0) sum += w;
            threshold = sum - r.nextInt(2);
        }
        check(new ThresholdFunction(inputs(n), weights, threshold));
    }

    private static int[] inputs(int n) {
        int[] inputs = new int[n];
        for (int i = 0; i < n; i++) inputs[i] = i;
        return inputs;
    }

    private static void check(ThresholdFunction f) {
        for (CellLibrary lib : CellLibrary.builtIn()) {
            for (Decomposer.Built built : new Decomposer(lib).candidates(Normalizer.normalize(f), f.inputs().length)) {
                ThresholdMap.Equivalence.check(f, built.cells(), built.out(), lib.name() + ": random gate " + f);
                for (GateNetlist.Cell c : built.cells().cells()) assertTrue(lib.fits(c.weights(), c.threshold()), lib.name() + ": " + f);
            }
        }
    }
}
