package myelin.simulator.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import myelin.frontend.SnnFrontend;
import myelin.ir.RandomNetworks;
import myelin.ir.network.Network;
import myelin.ir.synapses.Expander;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ReferenceEngineTest {
    private static List<String> run(Network net, ReferenceEngine.Precision precision, int steps) {
        ReferenceEngine engine = new ReferenceEngine(Expander.sequential().expand(net), precision);
        List<String> spikes = new ArrayList<>();
        engine.run(steps, (step, s) -> {
            for (int i = 0; i < s.size(); i++) spikes.add(step + ":" + s.population(i) + ":" + s.neuron(i) + "x" + s.count(i));
        }, false);
        return spikes;
    }

    private static int count(List<String> spikes) {
        return spikes.stream().mapToInt(s -> Integer.parseInt(s.substring(s.indexOf('x') + 1))).sum();
    }

    /** A LIF with a bias above threshold fires with the continuous model's period, whatever the step. */
    @Test
    void resetsAtTheTrueCrossingTimeGiveTheContinuousRate() {
        Network net = SnnFrontend.parse("<test>", """
                network tonic {
                  timestep = 0.1 ms;
                  population cell : lif [1] {
                    tau_m = 10 ms; v_rest = 0 mV; v_reset = 0 mV; v_threshold = 10 mV; refractory = 0 ms;
                    bias = [25 mV];
                  }
                }
                """);
        double period = 10e-3 * Math.log(25.0 / (25 - 10)); // 5.108 ms
        int steps = 100_000;
        double expected = steps * 1e-4 / period;
        int spikes = count(run(net, ReferenceEngine.Precision.FLOAT64, steps));
        assertTrue(Math.abs(spikes - expected) <= 1, spikes + " spikes, continuous model " + expected);
        // float32 holds v to 7 digits: the same period within a spike over 10 s.
        int single = count(run(net, ReferenceEngine.Precision.FLOAT32, steps));
        assertTrue(Math.abs(single - expected) <= 1, single + " spikes in float32, continuous model " + expected);
    }

    /** An IF driven by a constant increment: one spike per (threshold / increment) steps, with the phase carried over. */
    @Test
    void integrateAndFireCarriesTheRemainderPastEachReset() {
        Network net = SnnFrontend.parse("<test>", """
                network ramp {
                  timestep = 1 ms;
                  population cell : if [1] { v_threshold = 10 mV; v_reset = 0 mV; bias = [3 mV]; }
                }
                """);
        // 3 mV per step reaches 10 mV every 3 1/3 steps: 300 spikes in 1001 steps (3003 mV).
        assertEquals(300, count(run(net, ReferenceEngine.Precision.FLOAT64, 1001)));
    }

    @Provide
    Arbitrary<Network> networks() {
        return Arbitraries.randomValue(RandomNetworks::generate);
    }

    /** It runs every network the generator makes, and gives the same spikes each time. */
    @Property(tries = 30)
    void runsAnyNetworkDeterministically(@ForAll("networks") Network net) {
        List<String> first = run(net, ReferenceEngine.Precision.FLOAT64, 40);
        assertEquals(first, run(net, ReferenceEngine.Precision.FLOAT64, 40));
        List<String> single = run(net, ReferenceEngine.Precision.FLOAT32, 40);
        assertEquals(single, run(net, ReferenceEngine.Precision.FLOAT32, 40));
    }
}
