package myelin.ir.integer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuantizedVerifierTest {
    private static final Profile P = Profile.DEFAULT;

    private static List<String> problems(IntModel m, int size) {
        return QuantizedVerifier.verify(m, size, P, "population p: ");
    }

    @Test
    void wellFormedModelsPass() {
        assertEquals(List.of(), problems(new IntModel.Lif(390, new int[] {742}, 4096, -2048, false, 2, true), 3));
        assertEquals(List.of(), problems(new IntModel.Poisson(new long[] {10, 20, 1L << 32}), 3));
        assertEquals(List.of(), problems(new IntModel.SpikeArray(new int[] {0, 0, 1}, new int[] {0, 2, 1}), 3));
    }

    @Test
    void eachBrokenIntegerIsNamed() {
        assertEquals(List.of("population p: dv 5000 outside [0, 4096]"),
                problems(new IntModel.Lif(5000, new int[0], 4096, 0, false, 0, true), 1));
        assertEquals(List.of("population p: current decay -1 out of range"),
                problems(new IntModel.Lif(390, new int[] {-1}, 4096, 0, false, 0, true), 1));
        assertEquals(List.of("population p: threshold does not fit v's 16 bits"),
                problems(new IntModel.Lif(390, new int[0], 1 << 20, 0, false, 0, true), 1));
        assertEquals(List.of(), problems(new IntModel.IntegrateAndFire(1 << 20, 0, false, 0), 1)); // an IF's v is 24 bits
        assertEquals(List.of("population p: threshold does not fit v's 24 bits"),
                problems(new IntModel.IntegrateAndFire(1 << 24, 0, false, 0), 1));
        assertEquals(List.of("population p: Poisson table must end at 2^32"), problems(new IntModel.Poisson(new long[] {5, 9}), 1));
        assertEquals(List.of("population p: Poisson table not monotone"), problems(new IntModel.Poisson(new long[] {9, 5, 1L << 32}), 1));
        assertEquals(List.of("population p: spikes are not sorted"),
                problems(new IntModel.SpikeArray(new int[] {1, 0}, new int[] {0, 0}), 1));
        assertEquals(List.of("population p: spike for neuron 4"), problems(new IntModel.SpikeArray(new int[] {0}, new int[] {4}), 2));
        assertEquals(List.of("population p: threshold is not a multiple of 2^6"),
                QuantizedVerifier.verify(new IntModel.Lif(390, new int[0], 100, 0, false, 0, true), 1, Profile.LOIHI, "population p: "));
    }

    @Test
    void projectionsMustFitTheirProfileAndTarget() {
        var pop = new QuantizedNetwork.Population("p", 1, new IntModel.Lif(390, new int[] {742}, 4096, 0, false, 0, true), 0, 1e4,
                new double[] {1});
        var report = new QuantizationReport(List.of(), List.of(), List.of());
        var q = new QuantizedNetwork("n", 1e-3, P, List.of(pop), List.of(new QuantizedNetwork.Projection("a", "p", "p", 1, 1, 16),
                new QuantizedNetwork.Projection("b", "p", "q", 0, 1, 0)), report);
        assertEquals(List.of("projection a: exponent 16 outside [0, 15]", "projection a: channel 1 out of range",
                "projection b: no population q"), QuantizedVerifier.verify(q));
        var perNeuron = new QuantizedNetwork("n", 1e-3, P, List.of(pop), List.of(new QuantizedNetwork.Projection("c", "p", "p", 0, 1, 3,
                new int[] {4}), new QuantizedNetwork.Projection("d", "p", "p", 0, 1, 3, new int[] {1, 2})), report);
        assertEquals(List.of("projection c: a post neuron's exponent 4 outside [0, 3]", "projection d: 2 post exponents for 1 neurons"),
                QuantizedVerifier.verify(perNeuron));
    }
}
