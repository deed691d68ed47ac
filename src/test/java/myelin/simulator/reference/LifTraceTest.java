package myelin.simulator.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import myelin.frontend.NetworkLoader;
import myelin.ir.integer.Profile;
import myelin.ir.network.Network;
import myelin.ir.synapses.Expander;
import myelin.simulator.IntegerEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rung 1 of the verification ladder: Norse's LIF export, driven by the input column of the
 * exact solution recorded in ../shared/nir/lif/lif_exact.csv (1000 steps at 0.1 ms; both
 * copied into the test resources).
 */
class LifTraceTest {
    private static final Path NIR = Path.of("src", "test", "resources", "nir", "shared", "lif", "lif_norse.nir");
    private static final Path EXACT = Path.of("src", "test", "resources", "nir", "shared", "lif", "lif_exact.csv");
    /** Rows (1-based) of lif_exact.csv with an output spike. */
    private static final List<Integer> SPIKE_ROWS = List.of(461, 511, 711, 761);

    private record Trace(List<Integer> spikeRows, double[] membrane) {}

    private static double[][] exact() throws Exception {
        return Files.readAllLines(EXACT).stream()
                .map(l -> java.util.Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
    }

    @ParameterizedTest
    @EnumSource(ReferenceEngine.Precision.class)
    void referenceEngineReproducesTheExactSolution(ReferenceEngine.Precision precision) throws Exception {
        double[][] rows = exact();
        var loaded = NetworkLoader.load(NIR, 1e-4);
        int latency = loaded.latency().get("1");
        assertEquals(1, latency);
        ReferenceEngine engine = new ReferenceEngine(Expander.sequential().expand(loaded.network()), precision);
        for (int r = 0; r < rows.length; r++) if (rows[r][0] != 0) engine.inject("input", 0, r);
        int lif = index(loaded.network(), "1");
        List<Integer> spikeRows = new ArrayList<>();
        double[] v = new double[rows.length];
        engine.run(rows.length + latency, (step, spikes) -> {
            for (int i = 0; i < spikes.size(); i++) if (spikes.population(i) == lif) spikeRows.add(step - latency + 1);
            if (step >= latency) v[step - latency] = engine.state(lif, "v", 0).orElseThrow();
        }, true);
        assertEquals(SPIKE_ROWS, spikeRows);
        for (int r = 0; r < rows.length; r++) {
            int row = r + 1;
            double expected = rows[r][1];
            double got = v[r];
            assertTrue(Math.abs(got - expected) <= 1e-6, () -> "membrane at row " + row + ": expected " + expected + ", got " + got);
        }
    }

    @Test
    void integerEngineSpikesWithinOneStepOfTheExactSolution() throws Exception {
        double[][] rows = exact();
        var loaded = NetworkLoader.load(NIR, 1e-4);
        Network net = loaded.network();
        IntegerEngine engine = new IntegerEngine(myelin.simulator.Engines.encode(net, Profile.DEFAULT), 1);
        for (int r = 0; r < rows.length; r++) if (rows[r][0] != 0) engine.inject("input", 0, r);
        int lif = index(net, "1");
        int latency = loaded.latency().get("1");
        List<Integer> spikeRows = new ArrayList<>();
        engine.run(rows.length + latency, (step, spikes) -> {
            for (int i = 0; i < spikes.size(); i++) if (spikes.population(i) == lif) spikeRows.add(step - latency + 1);
        }, false);
        assertEquals(SPIKE_ROWS.size(), spikeRows.size(), "spikes at rows " + spikeRows);
        for (int i = 0; i < SPIKE_ROWS.size(); i++) {
            assertTrue(Math.abs(spikeRows.get(i) - SPIKE_ROWS.get(i)) <= 1, "spike " + i + " at row " + spikeRows.get(i));
        }
    }

    private static int index(Network net, String population) {
        for (int i = 0; i < net.populations().size(); i++) if (net.populations().get(i).name().equals(population)) return i;
        throw new IllegalArgumentException(population);
    }
}
