package myelin.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import myelin.ir.integer.IntModel;
import myelin.ir.integer.Profile;
import org.junit.jupiter.api.Test;

/** Integer traces worked out by hand from docs/semantics.md, a few steps each. */
class EngineTraceTest {
    /** A source that spikes at the given milliseconds, into one LIF neuron with delta synapses. */
    private static String deltaLif(String spikes, String extra) {
        return """
                network t {
                  timestep = 1 ms;
                  population in : spike_array [1] { spikes = [%s]; }
                  population p : lif [1] { tau_m = 10 ms; v_threshold = 10 mV; refractory = 2 ms; %s }
                  projection in -> p : one_to_one { weight = 5 mV; delay = 1 ms; }
                }
                """.formatted(spikes, extra);
    }

    @Test
    void defaultProfileLeakIsTheRelaxEquation() {
        // v_lsb = 10 mV / 4096, so 5 mV = 2048 (mantissa 64 << 5); dv = round(4096 (1 - e^-0.1)) = 390.
        IntegerEngine engine = Engines.engine(deltaLif("0 @ 0 ms", ""), Profile.DEFAULT);
        int[] v = Engines.voltageTrace(engine, 1, 5);
        // step 0: nothing yet; step 1: the spike arrives (delay 1); then v += round((0 - v) * 390 / 4096),
        // to nearest, ties up: floor((x + 2048) / 4096).
        int s1 = 2048;
        int s2 = s1 + Math.floorDiv((0 - s1) * 390 + 2048, 4096);   // 2048 - 195 (exactly -195.0) = 1853
        int s3 = s2 + Math.floorDiv((0 - s2) * 390 + 2048, 4096);   // 1853 - 176 (-176.43) = 1677
        int s4 = s3 + Math.floorDiv((0 - s3) * 390 + 2048, 4096);   // 1677 - 160 (-159.67; truncated: -159) = 1517
        assertArrayEquals(new int[] {0, s1, s2, s3, s4}, v);
        assertEquals(1853, s2);
        assertEquals(1517, s4);
    }

    @Test
    void thresholdResetAndRefractory() {
        // Three inputs drive v over 4096 (10 mV) at step 3: spike, v = 0, then held for 2 steps.
        IntegerEngine engine = Engines.engine(deltaLif("0 @ 0 ms, 0 @ 1 ms, 0 @ 2 ms, 0 @ 4 ms", ""), Profile.DEFAULT);
        List<Integer> spikeSteps = new ArrayList<>();
        int[] v = new int[8];
        engine.run(8, (step, spikes) -> {
            for (int i = 0; i < spikes.size(); i++) if (spikes.population(i) == 1) spikeSteps.add(step);
            v[step] = (int) engine.state(1, "v", 0).orElseThrow();
        }, true);
        int s2 = 2048 + (int) (-2048L * 390 / 4096) + 2048;      // 3901
        int s3 = s2 + (int) (-(long) s2 * 390 / 4096) + 2048;     // 3901 - 371 + 2048 = 5578 > 4096: spike
        assertEquals(5578, s3);
        assertEquals(List.of(3), spikeSteps);
        // steps 4 and 5 are refractory: the input of step 5 (sent at 4 ms) is lost, v stays 0.
        assertArrayEquals(new int[] {0, 2048, 3901, 0, 0, 0, 0, 0}, v);
    }

    @Test
    void subtractiveResetKeepsTheOvershoot() {
        IntegerEngine engine = Engines.engine(deltaLif("0 @ 0 ms, 0 @ 1 ms, 0 @ 2 ms", "reset = subtract;"), Profile.DEFAULT);
        int[] v = Engines.voltageTrace(engine, 1, 4);
        assertEquals(5578 - 4096, v[3]);   // threshold 4096, reset 0: subtract 4096
    }

    @Test
    void loihiProfileFollowsLavasBitAccurateEquations() {
        String snn = """
                network t {
                  timestep = 1 ms;
                  population in : spike_array [1] { spikes = [0 @ 0 ms, 0 @ 1 ms]; }
                  population p : lif [1] { tau_m = 10 ms; v_threshold = 10 mV; synapse s { tau = 5 ms; } }
                  projection in -> p : one_to_one { weight = 5 mV; synapse = s; }
                }
                """;
        var net = myelin.frontend.SnnFrontend.parse("<test>", snn);
        var quantized = myelin.passes.PassManager.plain().run(myelin.passes.Pipeline.QUANTIZE.passes(
                myelin.ir.target.TargetSpec.LOIHI), myelin.passes.CompilationUnit.of(net)).unit().require(myelin.passes.Stages.QUANTIZED);
        IntegerEngine engine = Engines.engine(net, Profile.LOIHI, 1);
        IntModel.Lif m = (IntModel.Lif) quantized.populations().get(1).model();
        assertEquals(390, m.dv());
        assertEquals(742, m.currentDecays()[0]);   // effective du + 1: round(4096 (1 - e^-0.2)) = 742
        assertEquals(1L << 20, m.threshold());      // 10 mV at v_lsb = 10 mV / 2^20, a multiple of 2^6
        var proj = quantized.projections().get(0);
        long w = myelin.ir.integer.WeightCodec.encode(5e-3, proj.weightScale(), quantized.shift(proj), Profile.LOIHI);
        // Charge-preserving: 5 mV / v_lsb * (tau_s / tau_m) * du/4096 = 5 * 104857.6 * 0.5 * 742/4096 = 47488
        // -> mantissa 93 << (exponent 3 + act shift 6).
        assertEquals(93L << 9, w);
        int[] v = Engines.voltageTrace(engine, 1, 4);
        // Lava: u = sign(u*(4096-du'))*(|..| >> 12) + a_in; v = sign(v*(4096-dv))*(|..| >> 12) + u.
        long u = 0, vv = 0;
        long[] expected = new long[4];
        long[] input = {0, w, w, 0};
        for (int t = 0; t < 4; t++) {
            u = Long.signum(u * (4096 - 742)) * (Math.abs(u * (4096 - 742)) >> 12) + input[t];
            vv = Long.signum(vv * (4096 - 390)) * (Math.abs(vv * (4096 - 390)) >> 12) + u;
            expected[t] = vv;
        }
        assertArrayEquals(expected, java.util.Arrays.stream(v).asLongStream().toArray());
        assertEquals(47616, expected[1]);
    }

    @Test
    void aDelayOfDStepsArrivesExactlyDStepsLater() {
        for (int d : new int[] {1, 2, 7, 31, 200}) {
            String snn = """
                    network t {
                      timestep = 1 ms;
                      population in : spike_array [1] { spikes = [0 @ 3 ms]; }
                      population p : if [1] { v_threshold = 1 mV; }
                      projection in -> p : one_to_one { weight = 2 mV; delay = %d ms; }
                    }
                    """.formatted(d);
            IntegerEngine engine = Engines.engine(snn, Profile.DEFAULT);
            List<Integer> steps = new ArrayList<>();
            engine.run(3 + d + 3, (step, spikes) -> {
                for (int i = 0; i < spikes.size(); i++) if (spikes.population(i) == 1) steps.add(step);
            }, true);
            assertEquals(List.of(3 + d), steps, "delay " + d);
        }
    }

    @Test
    void saturationAtBothEnds() {
        // One input moves the current by a quarter of the state at most (the joint scale); six in a row overflow it.
        String snn = """
                network t {
                  timestep = 1 ms;
                  population in : spike_array [2] { spikes = [0 @ 0 ms, 0 @ 1 ms, 0 @ 2 ms, 0 @ 3 ms, 0 @ 4 ms, 0 @ 5 ms,
                                                             1 @ 0 ms, 1 @ 1 ms, 1 @ 2 ms, 1 @ 3 ms, 1 @ 4 ms, 1 @ 5 ms]; }
                  population p : lif [2] { tau_m = 10 ms; v_threshold = 1 mV; synapse s { tau = 100 ms; } }
                  projection up : in -> p : list { connections = [(0, 0, 90 mV)]; synapse = s; }
                  projection down : in -> p : list { connections = [(1, 1, -90 mV)]; synapse = s; }
                }
                """;
        IntegerEngine engine = Engines.engine(snn, Profile.DEFAULT);
        int[][] current = new int[8][2];
        engine.run(8, (step, spikes) -> {
            current[step][0] = (int) engine.state(1, "i_s", 0).orElseThrow();
            current[step][1] = (int) engine.state(1, "i_s", 1).orElseThrow();
        }, true);
        assertEquals(true, current[1][0] > 0 && current[1][0] <= 8192, "one input: " + current[1][0]);
        assertEquals(32767, current[6][0]);
        assertEquals(-32768, current[6][1]);
        assertEquals(true, engine.saturations() > 0);
        assertEquals(0, engine.saturations(0), "the input population never saturates");
        assertEquals(engine.saturations(), engine.saturations(1), "every saturated update is p's");
    }

    /** Populations of several SIMD vectors plus a tail, two currents and a bias: the kernel runs and equals the scalar path. */
    @Test
    void simdKernelOnSeveralVectorsAndATail() {
        String snn = """
                network wide {
                  timestep = 0.1 ms;
                  seed = 3;
                  population drive : poisson [101] { rate = 800 Hz; }
                  population p : lif [%d] {
                    tau_m = 10 ms; v_rest = -65 mV; v_reset = -70 mV; v_threshold = -50 mV; refractory = 1 ms;
                    synapse e { tau = 5 ms; } synapse i { tau = 10 ms; }
                    init v = uniform(-70 mV, -50 mV);
                  }
                  projection excite : drive -> p : fixed_probability(0.2) { weight = normal(3 mV, 1 mV); synapse = e; delay = 0.5 ms; }
                  projection inhibit : p -> p : fixed_probability(0.1) { weight = -2 mV; synapse = i; delay = uniform(0.1 ms, 2 ms); }
                }
                """.formatted(16 * 3 + 5);
        var net = myelin.frontend.SnnFrontend.parse("<test>", snn);
        IntegerEngine vector = Engines.engine(net, Profile.DEFAULT, 1);
        Engines.Trace fast = Engines.run(vector, 400);
        assertTrue(vector.vectorUpdates() > 0, "the SIMD kernel ran");
        assertTrue(fast.spikesOf(1) > 20, "the cells fire: " + fast.spikesOf(1));
        System.setProperty("myelin.scalarKernel", "true");
        try {
            IntegerEngine scalar = Engines.engine(net, Profile.DEFAULT, 1);
            Engines.Trace slow = Engines.run(scalar, 400);
            assertEquals(0, scalar.vectorUpdates(), "the scalar path ran");
            Engines.assertSameTrace(slow, fast, "SIMD kernel against the scalar path");
        } finally {
            System.clearProperty("myelin.scalarKernel");
        }
    }

    /** The SIMD kernel counts saturated updates per population as the scalar path does. */
    @Test
    void simdKernelCountsSaturationsByPopulation() {
        var net = myelin.frontend.SnnFrontend.parse("<test>", """
                network sat {
                  timestep = 1 ms;
                  seed = 2;
                  population drive : poisson [20] { rate = 500 Hz; }
                  population strong : lif [35] { tau_m = 10 ms; v_threshold = 1 mV; synapse s { tau = 100 ms; } }
                  population weak : lif [35] { tau_m = 10 ms; v_threshold = 1 mV; synapse s { tau = 100 ms; } }
                  projection up : drive -> strong : all_to_all { weight = 90 mV; synapse = s; }
                  projection small : drive -> weak : all_to_all { weight = 0.01 mV; synapse = s; }
                }
                """);
        IntegerEngine vector = Engines.engine(net, Profile.DEFAULT, 1);
        Engines.run(vector, 100);
        assertTrue(vector.vectorUpdates() > 0, "the SIMD kernel ran");
        assertTrue(vector.saturations(1) > 50, "strong saturates: " + vector.saturations(1));
        assertEquals(0, vector.saturations(2), "weak never does");
        System.setProperty("myelin.scalarKernel", "true");
        try {
            IntegerEngine scalar = Engines.engine(net, Profile.DEFAULT, 1);
            Engines.run(scalar, 100);
            assertEquals(vector.saturationsByPopulation(), scalar.saturationsByPopulation(), "SIMD kernel against the scalar path");
        } finally {
            System.clearProperty("myelin.scalarKernel");
        }
    }

    @Test
    void thresholdGatesComputeXor() {
        IntegerEngine engine = Engines.engine(myelin.frontend.SnnFrontend.parse("examples/xor.snn",
                readExample("examples/xor.snn")), Profile.DEFAULT, 1);
        List<Integer> out = new ArrayList<>();
        engine.run(16, (step, spikes) -> {
            for (int i = 0; i < spikes.size(); i++) if (spikes.population(i) == 3) out.add(step);
        }, true);
        assertEquals(List.of(6, 10), out);
    }

    private static String readExample(String path) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
