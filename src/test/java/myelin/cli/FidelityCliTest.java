package myelin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FidelityCliTest {
    @Test
    void jsonHoldsTheTwoDistancesAndTheWinners() throws Exception {
        CliRunner r = CliRunner.run("fidelity", "src/test/resources/nir/shared/rnn/braille_noDelay_noBias_subtract.nir", "--inputs", "3",
                "--steps", "80", "--json");
        assertEquals(0, r.exitCode(), r.err());
        var json = new ObjectMapper().readTree(r.out());
        for (String field : new String[] {"inputs", "quantization_rel_vr2", "discretisation_rel_vr2", "winner_agreement", "decisive_inputs"}) {
            assertTrue(json.has(field), field + " in " + r.out());
        }
        assertEquals(3, json.get("inputs").asInt());
        // Rounding (75 weights to zero in the default profile) costs something.
        assertTrue(json.get("quantization_rel_vr2").asDouble() > 0, r.out());
        assertEquals(75, json.get("weights_rounded_to_zero").asInt());
    }

    @Test
    void anExactNetworkLosesNothingToQuantization(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("exact.snn"), """
                network exact {
                  timestep = 1 ms;
                  population input : spike_array [4] { spikes = []; }
                  population cells : if [6] { v_threshold = 4.096 mV; }
                  projection input -> cells : all_to_all { weight = 2.048 mV; }
                }
                """);
        CliRunner r = CliRunner.run("fidelity", file.toString(), "--inputs", "4", "--steps", "60");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("quantization    (integer engine vs float step model)   relative VR^2 0.0000"), r.out());
        assertTrue(r.out().contains("weights rounded to zero 0; population updates that saturated 0"), r.out());
        assertEquals(2, CliRunner.run("fidelity", file.toString(), "--rate", "2").exitCode());
    }
}
