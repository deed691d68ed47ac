package myelin.ir.encoded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import myelin.frontend.SnnFrontend;
import myelin.ir.RandomNetworks;
import myelin.ir.diag.InputException;
import myelin.ir.integer.Profile;
import myelin.ir.integer.QuantizedPrinter;
import myelin.ir.integer.QuantizedReader;
import myelin.ir.network.Network;
import myelin.ir.target.TargetSpec;
import myelin.passes.CompilationUnit;
import myelin.passes.PassManager;
import myelin.passes.Pipeline;
import myelin.passes.Stages;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Arbitraries;
import org.junit.jupiter.api.Test;

/** The quantized and encoded stages print as text that parses back to the same IR and the same text. */
class StageTextTest {
    private static CompilationUnit compile(Network net, Profile profile) {
        return PassManager.plain().run(Pipeline.SIMULATE.passes(TargetSpec.SIMULATION.withProfile(profile)), CompilationUnit.of(net)).unit();
    }

    private static void roundTrips(CompilationUnit unit) {
        EncodedNetwork encoded = unit.require(Stages.ENCODED);
        String text = EncodedPrinter.print(encoded, true);
        EncodedNetwork back = EncodedReader.read("<printed>", text);
        assertEquals(text, EncodedPrinter.print(back, true));
        assertEquals(encoded.projections().size(), back.projections().size());
        for (int i = 0; i < encoded.projections().size(); i++) {
            assertEquals(encoded.projections().get(i).synapses(), back.projections().get(i).synapses(), "synapses of projection " + i);
        }
        assertEquals(java.util.List.of(), EncodedVerifier.verify(back));
        String quantized = QuantizedPrinter.print(unit.require(Stages.QUANTIZED));
        assertEquals(quantized, QuantizedPrinter.print(QuantizedReader.read("<printed>", quantized)));
    }

    @Test
    void examplesRoundTrip() throws Exception {
        for (String example : new String[] {"examples/xor.snn", "examples/synfire.snn"}) {
            Network net = SnnFrontend.parse(example, Files.readString(Path.of(example)));
            roundTrips(compile(net, Profile.DEFAULT));
        }
        roundTrips(compile(SnnFrontend.parse("examples/xor.snn", Files.readString(Path.of("examples/xor.snn"))), Profile.LOIHI));
    }

    @Provide
    Arbitrary<Network> networks() {
        return Arbitraries.randomValue(RandomNetworks::generate);
    }

    @Property(tries = 100)
    void randomNetworksRoundTrip(@ForAll("networks") Network net) {
        CompilationUnit unit;
        try {
            unit = compile(net, Profile.DEFAULT);
        } catch (InputException e) {
            Assume.that(false);
            return;
        }
        roundTrips(unit);
    }

    @Test
    void largeNetworksPrintSummarisedAndSaySo() throws Exception {
        Network cuba = SnnFrontend.parse("examples/cuba.snn", Files.readString(Path.of("examples/cuba.snn")));
        String text = EncodedPrinter.print(compile(cuba, Profile.DEFAULT).require(Stages.ENCODED));
        assertTrue(text.startsWith("// summarised"), text.substring(0, 100));
        assertTrue(text.lines().count() < 100, "a summary is short");
        var e = assertThrows(InputException.class, () -> EncodedReader.read("cuba.encoded", text));
        assertEquals("cuba.encoded:1:1: error: this is a summary of a large network, which does not parse; print the stage in full",
                e.diagnostics().get(0).toString());
    }

    @Test
    void readerErrorsArePlaced() {
        String text = """
                encoded n profile=default seed=0 {
                  population a [2] spike_array spikes=[0@1]
                  population b [2] lif dv=390 current_decays=[] threshold=4096 reset=0 refractory=0
                  projection a_to_b : a -> b channel=0 synapses=2 weight=5 delay=1
                    row 0: 0 7
                }
                """;
        var e = assertThrows(InputException.class, () -> EncodedReader.read("t.encoded", text));
        assertEquals("t.encoded:5:1: error: post neuron 7 past the 2 neurons", e.diagnostics().get(0).toString());
        var model = assertThrows(InputException.class, () -> EncodedReader.read("t.encoded", text.replace("dv=390", "dv=x")));
        assertTrue(model.diagnostics().get(0).toString().startsWith("t.encoded:3:1: error: population b: "), model.getMessage());
    }
}
