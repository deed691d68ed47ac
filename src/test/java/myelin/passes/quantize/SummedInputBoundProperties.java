package myelin.passes.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import myelin.ir.RandomNetworks;
import myelin.ir.diag.InputException;
import myelin.ir.integer.Profile;
import myelin.ir.network.IntegrateAndFire;
import myelin.ir.network.Network;
import myelin.ir.network.SpikeArraySource;
import myelin.ir.target.ScaleBound;
import myelin.ir.target.TargetSpec;
import myelin.passes.CompilationUnit;
import myelin.passes.PassManager;
import myelin.passes.Pipeline;
import myelin.passes.Stages;
import myelin.simulator.IntegerEngine;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Scaled for the summed input, a network never saturates, on random inputs in every step
 * (docs/semantics.md, "Quantization", summed_input). IF neurons are left out: nothing bounds
 * how far their v falls.
 */
class SummedInputBoundProperties {

    @Provide
    Arbitrary<Network> networks() {
        return Arbitraries.randomValue(RandomNetworks::generate);
    }

    /** Strongly driven LIF layers: weights near the threshold, slow currents, recurrence, every input spiking. */
    @Provide
    Arbitrary<Network> driven() {
        return Arbitraries.randomValue(r -> {
            String text = String.format(java.util.Locale.ROOT, """
                    network driven {
                      timestep = 0.1 ms;
                      model cell : lif {
                        tau_m = %.3f ms; v_rest = 0 mV; v_reset = %.3f mV; v_threshold = %.3f mV; refractory = %s ms;
                        reset = %s; input_scale = 1;
                        synapse a { tau = %.3f ms; }
                        synapse b { tau = %.3f ms; }
                      }
                      population in : spike_array [%d];
                      population x : cell [%d] { init v = uniform(%.3f mV, %.3f mV); }
                      projection in -> x : all_to_all { weight = uniform(%.3f mV, %.3f mV); synapse = a; }
                      projection x -> x : fixed_probability(0.5) { weight = %.3f mV; synapse = b; }
                    }
                    """, 0.3 + 50 * r.nextDouble(), -5 * r.nextDouble(), 1 + 20 * r.nextDouble(), r.nextBoolean() ? "0" : "0.2",
                    r.nextBoolean() ? "value" : "subtract", 0.2 + 100 * r.nextDouble(), 0.2 + 100 * r.nextDouble(), 1 + r.nextInt(12),
                    1 + r.nextInt(12), -10 * r.nextDouble(), 10 * r.nextDouble(), -40 * r.nextDouble(), 40 * r.nextDouble(),
                    (r.nextDouble() - 0.5) * 60);
            return myelin.frontend.SnnFrontend.parse("driven.snn", text);
        });
    }

    @Property(tries = 100)
    void aStronglyDrivenLayerNeverSaturates(@ForAll("driven") Network net, @ForAll long seed) {
        check(net, seed, Profile.DEFAULT);
    }

    @Property(tries = 200)
    void aNetworkScaledForItsSummedInputNeverSaturates(@ForAll("networks") Network net, @ForAll long seed) {
        check(net, seed, Profile.DEFAULT);
    }

    @Property(tries = 100)
    void soOnLoihi(@ForAll("networks") Network net, @ForAll long seed) {
        check(net, seed, Profile.LOIHI);
    }

    private static void check(Network net, long seed, Profile profile) {
        Assume.that(net.populations().stream().noneMatch(p -> net.modelOf(p) instanceof IntegrateAndFire));
        CompilationUnit unit;
        try {
            TargetSpec target = TargetSpec.SIMULATION.withProfile(profile).withScaleBound(ScaleBound.SUMMED_INPUT);
            unit = PassManager.plain().run(Pipeline.SIMULATE.passes(target), CompilationUnit.of(net)).unit();
        } catch (InputException e) {
            Assume.that(false); // a network this profile cannot hold
            return;
        }
        var q = unit.require(Stages.QUANTIZED);
        Assume.that(q.report().warnings().stream().noneMatch(w -> w.contains("no scale bounds")));
        IntegerEngine engine = new IntegerEngine(unit.require(Stages.ENCODED), 1);
        Random r = new Random(seed);
        int steps = 150;
        for (var p : net.populations()) {
            if (!(net.modelOf(p) instanceof SpikeArraySource)) continue;
            // Most neurons every step, on top of the spikes the array lists: more than most inputs give.
            for (int s = 0; s < steps; s++) {
                for (int n = 0; n < p.size(); n++) {
                    if (r.nextInt(8) != 0) engine.inject(p.name(), n, s);
                }
            }
        }
        engine.run(steps, (step, spikes) -> { }, false);
        assertEquals(0, engine.saturations(), "saturated population updates in\n" + myelin.ir.text.IrPrinter.print(net));
    }
}
