package myelin.frontend.nir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import myelin.frontend.NetworkLoader;
import myelin.ir.integer.Profile;
import myelin.ir.network.Connector;
import myelin.ir.network.Network;
import myelin.ir.synapses.Expander;
import myelin.simulator.Engine;
import myelin.simulator.Engines;
import myelin.simulator.reference.ReferenceEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A trained binary layer (real weights, a scale per row, a real bias) into a NIR Threshold:
 * after folding, every engine fires exactly where the float32 layer of the file says,
 * for all 256 input patterns (src/test/resources/nir/make_fixtures.py, binary_affine.nir).
 */
class GateFoldingTest {
    private static final String DIR = "src/test/resources/nir/";
    private static final int[][] SIGNS = {
        {1, -1, 1, 1, -1, 1, -1, 1}, {-1, 1, 1, -1, 1, 1, 1, -1}, {1, 1, -1, -1, 1, -1, 1, 1},
        {1, -1, -1, 1, 1, 1, -1, 1}, {1, 2, -3, 1, 0, 2, -1, 1}};
    private static final float[] SCALE = {0.37f, 0.5f, 1.25f, 0.25f, 0.2f};
    private static final float[] BIAS = {0.2f, -0.3f, 0.0f, 0.5f, 0.1f};
    /** The twin file's thresholds, one per neuron. */
    private static final float[] REAL_THRESHOLDS = {0.75f, 1.25f, 0.5f, 0.75f, 0.95f};

    /** Whether gate n fires on input pattern x (bit i = input i), as the file's float32 layer computes it. */
    private static boolean fires(int n, int x, boolean realThresholds) {
        double sum = BIAS[n];
        for (int i = 0; i < 8; i++) if ((x >> i & 1) != 0) sum += (float) (SIGNS[n][i] * SCALE[n]);
        return sum >= (realThresholds ? REAL_THRESHOLDS[n] : 1);
    }

    /** The file with threshold 1, or its twin whose real per-neuron thresholds fold into the bias. */
    private static Network network(boolean realThresholds) {
        return NetworkLoader.load(Path.of(DIR + (realThresholds ? "binary_affine_real_threshold.nir" : "binary_affine.nir")), 1e-3).network();
    }

    @Test
    void realWeightsBecomeIntegersWithTheScaleInTheBias() {
        Network net = network(false);
        var list = (Connector.ExplicitList) net.projections().get(0).connector();
        for (var s : list.synapses()) assertEquals(SIGNS[s.post()][s.pre()], s.weight(), "weight " + s.pre() + " -> " + s.post());
        // b' = T - (T - b) / a; row 3 is the tie 0.25 k + 0.5 >= 1 at k = 2, exactly -1.
        assertEquals(-1.0, net.population("gate").orElseThrow().bias().get(3));
    }

    @ParameterizedTest
    @CsvSource({"default, false", "loihi, false", "default, true", "loihi, true"})
    void theIntegerEngineFiresWhereTheFloatLayerDoes(String profile, boolean realThresholds) {
        Network net = network(realThresholds);
        check(Engines.engine(net, Profile.named(profile).orElseThrow(), 1), realThresholds, "integer engine, profile " + profile);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theReferenceEngineFiresWhereTheFloatLayerDoes(boolean realThresholds) {
        check(new ReferenceEngine(Expander.sequential().expand(network(realThresholds)), ReferenceEngine.Precision.FLOAT64), realThresholds,
                "reference engine");
    }

    /** A gate fed by an Affine and by its input straight: the one-to-one connection folds with the same per-neuron scale. */
    @Test
    void aOneToOneConnectionFoldsWithTheRealOnes() {
        Network net = NetworkLoader.load(Path.of(DIR + "gate_mixed.nir"), 1e-3).network();
        List<List<Double>> rows = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (var p : net.projections()) {
            if (!p.post().equals("gate")) continue;
            for (var s : ((Connector.ExplicitList) p.connector()).synapses()) rows.get(s.post()).add(s.weight());
        }
        rows.forEach(java.util.Collections::sort);
        // Row 0: 0.5, -0.5 and the direct 1 over scale 0.5; row 1: 0.25, 0.25 and 1 over 0.25; row 2: 0.5 three times and 1 over 0.5.
        assertEquals(List.of(List.of(-1.0, 1.0, 2.0), List.of(1.0, 1.0, 4.0), List.of(1.0, 1.0, 1.0, 2.0)), rows);
        // b' = T - (T - b) / a: 1 - 1/0.5 = -1, 1 - 0.75/0.25 = -2, -1.
        assertEquals(List.of(-1.0, -2.0, -1.0), net.population("gate").orElseThrow().bias());
    }

    @Test
    void realThresholdsBecomeZeroWithTheirNegativesInTheBias() {
        assertEquals(new myelin.ir.network.ThresholdGate("gate", 0), network(true).models().get("gate"));
    }

    /** Pattern x drives the inputs at step x; the gates answer one step later. */
    private static void check(Engine engine, boolean realThresholds, String what) {
        int gate = 1;
        assertEquals("gate", engine.populationName(gate));
        for (int x = 0; x < 256; x++) for (int i = 0; i < 8; i++) if ((x >> i & 1) != 0) engine.inject("input", i, x);
        List<String> fired = new ArrayList<>();
        engine.run(258, (step, spikes) -> {
            for (int k = 0; k < spikes.size(); k++) {
                if (spikes.population(k) == gate) fired.add((step - 1) + "/" + spikes.neuron(k));
            }
        }, false);
        List<String> expected = new ArrayList<>();
        for (int x = 0; x < 256; x++) for (int n = 0; n < 5; n++) if (fires(n, x, realThresholds)) expected.add(x + "/" + n);
        for (int x = 0; x < 256; x++) {
            for (int n = 0; n < 5; n++) {
                String key = x + "/" + n;
                assertEquals(expected.contains(key), fired.contains(key), what + ": pattern " + x + ", gate neuron " + n);
            }
        }
        assertTrue(expected.size() > 100 && expected.size() < 1000, expected.size() + " firings: the patterns test both sides");
    }
}
