package myelin.passes.threshold;

import static org.junit.jupiter.api.Assertions.assertTrue;

import myelin.ir.logic.CellLibrary;
import myelin.ir.logic.GateNetlist;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Random gates built from each library's cells equal the gate on every input (exhaustive to 16 inputs, sampled beyond). */
class DecompositionProperties {
    @Property(tries = 300)
    void cellsEqualTheGate(@ForAll @IntRange(min = 1, max = 24) int n, @ForAll @IntRange(min = 1, max = 130) int maxWeight,
                           @ForAll long seed, @ForAll @LongRange(min = -200, max = 200) long threshold) {
        java.util.Random r = new java.util.Random(seed);
        int[] inputs = new int[n];
        long[] weights = new long[n];
        for (int i = 0; i < n; i++) {
            inputs[i] = i;
            weights[i] = r.nextInt(2 * maxWeight + 1) - maxWeight;
        }
        ThresholdFunction f = new ThresholdFunction(inputs, weights, threshold);
        for (CellLibrary lib : CellLibrary.builtIn()) {
            CellBuilder b = new CellBuilder(lib, n);
            int out = b.materialise(new Decomposer(lib).build(Normalizer.normalize(f), b));
            ThresholdMap.Equivalence.check(f, b, out, "random gate " + f);
            for (GateNetlist.Cell c : b.cells()) assertTrue(lib.fits(c.weights(), c.threshold()), lib.name() + ": " + f);
        }
    }
}
