package myelin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import myelin.simulator.SpikeTrain;
import org.junit.jupiter.api.Test;

class EngineComparisonTest {
    private static SpikeTrain train(int... stepPopNeuronCount) {
        SpikeTrain t = new SpikeTrain();
        for (int i = 0; i < stepPopNeuronCount.length; i += 4) {
            t.add(stepPopNeuronCount[i], stepPopNeuronCount[i + 1], stepPopNeuronCount[i + 2], stepPopNeuronCount[i + 3]);
        }
        return t;
    }

    @Test
    void oneUnmatchedSpikeIsHalfSquared() {
        var c = EngineComparison.compare(train(3, 0, 1, 1), train(), 1);
        assertEquals(Math.sqrt(0.5), c.total(), 1e-12);
        assertEquals(new EngineComparison.Divergence(3, 0, 1, 1, 0), c.firstDifference().orElseThrow());
    }

    @Test
    void aSpikeShiftedByOneStepHasTheClosedFormDistance() {
        // h = e^(-t/tau) on [0, 1), then e^(-t/tau) - e^(-(t-1)/tau): D^2 = 1 - e^(-1/tau) for tau = 10 steps.
        var c = EngineComparison.compare(train(5, 0, 0, 1), train(6, 0, 0, 1), 1);
        assertEquals(Math.sqrt(1 - Math.exp(-1 / EngineComparison.TAU_STEPS)), c.total(), 1e-12);
        assertEquals(new EngineComparison.Divergence(5, 0, 0, 1, 0), c.firstDifference().orElseThrow());
    }

    @Test
    void countsAndPopulationsAreKeptApart() {
        var c = EngineComparison.compare(train(1, 0, 0, 2, 1, 1, 0, 1), train(1, 0, 0, 1, 1, 1, 0, 1), 2);
        assertEquals(2, c.countA()[0]);
        assertEquals(1, c.countB()[0]);
        assertEquals(Math.sqrt(0.5), c.distance()[0], 1e-12);
        assertEquals(0, c.distance()[1], 0);
        assertEquals(new EngineComparison.Divergence(1, 0, 0, 2, 1), c.firstDifference().orElseThrow());
        assertTrue(EngineComparison.compare(train(1, 0, 0, 1), train(1, 0, 0, 1), 1).firstDifference().isEmpty());
    }
}
