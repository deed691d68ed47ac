package myelin.passes.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import myelin.frontend.SnnFrontend;
import myelin.ir.diag.Diagnostic;
import myelin.ir.diag.InputException;
import myelin.ir.target.TargetSpec;
import myelin.passes.CompilationUnit;
import myelin.passes.PassManager;
import myelin.passes.Pipeline;
import org.junit.jupiter.api.Test;

/** What Loihi cannot hold is refused at its declaration, each with the limit it breaks; what it can, quantizes. */
class LoihiCapacityTest {
    /** A network Loihi holds: one current, input through it, a bias in range, delays within 63 steps. */
    private static final String FITS = """
            network fits {
              timestep = 1 ms;
              population in : spike_array [2] { spikes = [0 @ 1 ms, 1 @ 1 ms]; }
              population p : lif [2] { tau_m = 10 ms; v_threshold = 10 mV; synapse s { tau = 5 ms; } bias = [1 mV, 2 mV]; }
              projection in -> p : all_to_all { weight = 2 mV; synapse = s; delay = 63 ms; }
            }
            """;

    private static List<String> errors(String snn) {
        var e = assertThrows(InputException.class, () -> PassManager.plain().run(Pipeline.SIMULATE.passes(TargetSpec.LOIHI),
                CompilationUnit.of(SnnFrontend.read("t.snn", snn))));
        return e.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void aNetworkWithinTheLimitsQuantizes() {
        PassManager.plain().run(Pipeline.SIMULATE.passes(TargetSpec.LOIHI), CompilationUnit.of(SnnFrontend.read("t.snn", FITS)));
    }

    @Test
    void aMembraneDecayOf4096() {
        assertEquals(List.of("t.snn:4:14: error: profile loihi: population p: tau_m = 0.1 ms decays v by 4096/4096 a step, more than this "
                + "profile's 4095 (a time constant below dt / 9; a smaller timestep fits)"), errors(FITS.replace("tau_m = 10 ms", "tau_m = 0.1 ms")));
    }

    @Test
    void aBiasBeyondAThirteenBitMantissaShiftedBySeven() {
        List<String> e = errors(FITS.replace("bias = [1 mV, 2 mV]", "bias = [1 mV, 900 mV]"));
        assertEquals(1, e.size(), e.toString());
        assertEquals(true, e.get(0).startsWith("t.snn:4:14: error: profile loihi: population p: a bias of 900mV needs more than the 13-bit "
                + "mantissa shifted by up to 7 this profile holds"), e.get(0));
    }

    @Test
    void twoSynapticCurrents() {
        assertEquals(List.of("t.snn:4:14: error: profile loihi: population p: the model has 2 synapse types, but this profile's neurons have 1 current"),
                errors(FITS.replace("synapse s { tau = 5 ms; }", "synapse s { tau = 5 ms; } synapse r { tau = 8 ms; }")));
    }

    @Test
    void inputStraightIntoV() {
        assertEquals(List.of("t.snn:5:3: error: profile loihi: projection in_to_p: its weights act on v directly, but this profile's "
                        + "neurons take input through a current only: give the model of population p a synapse type"),
                errors(FITS.replace(" synapse s { tau = 5 ms; }", "").replace(" synapse = s;", "")));
    }

    @Test
    void aDelayPastSixtyThreeSteps() {
        assertEquals(List.of("t.snn:5:3: error: projection in_to_p: a delay of 64 steps is longer than the 63 steps profile loihi holds"),
                errors(FITS.replace("delay = 63 ms", "delay = 64 ms")));
    }

    @Test
    void severalSpikesFromOneSourceInOneStep() {
        assertEquals(List.of("t.snn:3:14: error: profile loihi: population in: neuron 1 spikes twice in step 1, but this profile delivers "
                + "one spike a source a step"), errors(FITS.replace("[0 @ 1 ms, 1 @ 1 ms]", "[0 @ 1 ms, 1 @ 1 ms, 1 @ 1 ms]")));
        List<String> poisson = errors(FITS.replace("spike_array [2] { spikes = [0 @ 1 ms, 1 @ 1 ms]; }", "poisson [2] { rate = 100 Hz; }"));
        assertEquals(List.of("t.snn:3:14: error: profile loihi: population in: at 100Hz a neuron emits two or more spikes in one step with "
                + "probability 0.00468, but this profile delivers one spike a source a step"), poisson);
    }
}
