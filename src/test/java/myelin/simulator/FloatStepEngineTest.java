package myelin.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import myelin.frontend.SnnFrontend;
import myelin.ir.encoded.EncodedNetwork;
import myelin.ir.integer.QuantizedNetwork;
import myelin.ir.network.Network;
import myelin.ir.synapses.ExpandedNetwork;
import myelin.ir.target.TargetSpec;
import myelin.passes.CompilationUnit;
import myelin.passes.PassManager;
import myelin.passes.Pipeline;
import myelin.passes.Stages;
import myelin.passes.encode.Encode;
import org.junit.jupiter.api.Test;

class FloatStepEngineTest {
    private static SpikeTrain run(Engine e, int steps) {
        SpikeTrain all = new SpikeTrain();
        e.run(steps, (s, spikes) -> {
            for (int i = 0; i < spikes.size(); i++) all.add(spikes, i);
        }, true);
        return all;
    }

    /** The two engines on one network: the integer engine, then the float step model. */
    private static List<Engine> engines(String snn) {
        Network net = SnnFrontend.parse("<test>", snn);
        CompilationUnit unit = PassManager.plain().run(Pipeline.QUANTIZE.passes(TargetSpec.SIMULATION), CompilationUnit.of(net)).unit();
        unit = unit.with(Stages.EXPANDED, myelin.ir.synapses.Expander.sequential().expand(net));
        QuantizedNetwork q = unit.require(Stages.QUANTIZED);
        ExpandedNetwork x = unit.require(Stages.EXPANDED);
        EncodedNetwork encoded = PassManager.plain().run(List.of(new Encode()), unit).unit().require(Stages.ENCODED);
        return List.of(new IntegerEngine(encoded, 1), new FloatStepEngine(q, x));
    }

    /**
     * Every parameter an exact integer (v LSB 1 uV, weights of 2048, 1024 and -512 LSB that a
     * 12-bit mantissa holds), no leak to truncate, nothing near saturation: the float step model is the integer model.
     */
    @Test
    void equalsTheIntegerEngineWhereEveryParameterIsExact() {
        List<Engine> e = engines("""
                network exact {
                  timestep = 1 ms;
                  seed = 4;
                  population noise : poisson [20] { rate = 150 Hz; }
                  population in : spike_array [3] { spikes = [0 @ 1 ms, 1 @ 1 ms, 2 @ 4 ms, 0 @ 9 ms]; }
                  population cells : if [30] { v_threshold = 4.096 mV; v_reset = 0 mV; refractory = 2 ms; }
                  projection noise -> cells : fixed_probability(0.3) { weight = 2.048 mV; delay = uniform(1 ms, 6 ms); }
                  projection in -> cells : all_to_all { weight = 1.024 mV; delay = 2 ms; }
                  projection cells -> cells : fixed_probability(0.2) { weight = -0.512 mV; delay = 3 ms; }
                }
                """);
        SpikeTrain integer = run(e.get(0), 300);
        SpikeTrain floating = run(e.get(1), 300);
        assertTrue(integer.size() > 100, "the cells fire: " + integer.size());
        assertEquals(integer.size(), floating.size(), "spike entries");
        for (int i = 0; i < integer.size(); i++) {
            int at = i;
            assertTrue(integer.sameEntry(i, floating, i), () -> "first differing spike: integer " + Engines.entry(integer, at) + ", float "
                    + Engines.entry(floating, at));
        }
        for (int n = 0; n < 30; n++) assertEquals(e.get(0).state(2, "v", n), e.get(1).state(2, "v", n), "v of cell " + n);
    }

    @Test
    void differsByWhatQuantizationRounds() {
        // 0.3 mV at v LSB 10 mV / 4096 is 122.88 integers: the float model keeps the fraction.
        List<Engine> e = engines("""
                network rounded {
                  timestep = 1 ms;
                  population in : spike_array [1] { spikes = [0 @ 0 ms, 0 @ 1 ms, 0 @ 2 ms]; }
                  population cell : if [1] { v_threshold = 10 mV; }
                  projection in -> cell : all_to_all { weight = 0.3 mV; }
                }
                """);
        run(e.get(0), 5);
        run(e.get(1), 5);
        assertEquals(3 * 123.0, e.get(0).state(1, "v", 0).orElseThrow());
        assertEquals(3 * 0.3e-3 * 4096 / 10e-3, e.get(1).state(1, "v", 0).orElseThrow(), 1e-9);
    }
}
