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
        // Rounding (two recurrent weights to zero in the default profile) costs something.
        assertTrue(json.get("quantization_rel_vr2").asDouble() > 0, r.out());
        assertEquals(2, json.get("weights_rounded_to_zero").asInt());
        // Per projection: the three trained layers and the readout, their zeros adding up to the total.
        var weights = json.get("weights");
        assertEquals(4, weights.size(), r.out());
        long zeros = 0;
        for (var w : weights) {
            double rms = w.get("relative_rms").asDouble();
            assertTrue(rms >= 0 && rms < 0.05, w.toString());
            zeros += w.get("rounded_to_zero").asLong();
            assertEquals(0, w.get("clipped").asLong(), w.toString());
        }
        assertEquals(2, zeros);
        assertEquals("lif1.lif->lif1.lif", weights.get(1).get("projection").asText());
        // The readout's spikes per neuron on both models, and the saturations by population adding up.
        assertEquals("output", json.get("output").asText());
        assertEquals(7, json.get("output_spikes_integer").size(), r.out());
        assertEquals(7, json.get("output_spikes_float").size(), r.out());
        long saturated = 0;
        for (var n : json.get("saturations_by_population")) saturated += n.asLong();
        assertEquals(json.get("saturations").asLong(), saturated, r.out());
        double recurrent = weights.get(1).get("relative_rms").asDouble();
        assertTrue(recurrent > 0.0002 && recurrent < 0.002, "the recurrent layer's 12-bit weights are off by about 0.08%: " + recurrent);
    }

    @Test
    void theOutputSpikesShowWhatRoundingCost(@TempDir Path dir) throws Exception {
        // 4.0962 mV is 4096.2 steps of 1 uV: the integer weight is 4096, not above the threshold, so
        // the integer cell needs two input spikes where the float one needs one.
        CliRunner r = fidelityOf(dir, """
                network rounding {
                  timestep = 1 ms;
                  population input : spike_array [1] { spikes = []; }
                  population cells : if [1] { v_threshold = 4.096 mV; }
                  projection input -> cells : all_to_all { weight = 4.0962 mV; }
                }
                """, "--inputs", "2", "--steps", "100", "--rate", "0.2", "--json");
        assertEquals(0, r.exitCode(), r.err());
        var json = new ObjectMapper().readTree(r.out());
        long integer = json.get("output_spikes_integer").get(0).asLong(), floating = json.get("output_spikes_float").get(0).asLong();
        assertTrue(floating > 10 && integer >= floating / 2 - 1 && integer <= (floating + 1) / 2, r.out());
    }

    @Test
    void eachDifferingWinnerGivesTheFloatModelsMargin(@TempDir Path dir) throws Exception {
        // Cell 0 fires on every input spike on the float model (4.0962 mV > 4.096 mV) but on every second on the
        // integer one (4096 is not above 4096); cell 1 on every second on both (2.56 mV is exact). So the float
        // winner is cell 0 by half its spikes, and the integer model ties: every input differs.
        CliRunner r = fidelityOf(dir, """
                network margins {
                  timestep = 1 ms;
                  population input : spike_array [1] { spikes = []; }
                  population cells : if [2] { v_threshold = 4.096 mV; }
                  projection input -> cells : list { connections = [(0, 0, 4.0962 mV), (0, 1, 2.56 mV)]; }
                }
                """, "--inputs", "2", "--steps", "100", "--rate", "0.2", "--json");
        assertEquals(0, r.exitCode(), r.err());
        var json = new ObjectMapper().readTree(r.out());
        assertEquals(2, json.get("decisive_inputs").asInt(), r.out());
        assertEquals(0, json.get("winner_agreement").asDouble(), r.out());
        var integer = json.get("output_spikes_integer");
        var floating = json.get("output_spikes_float");
        assertEquals(integer.get(0).asLong(), integer.get(1).asLong(), r.out());
        var margins = json.get("differing_margins");
        assertEquals(2, margins.size(), r.out());
        assertTrue(margins.get(0).asLong() > 3 && margins.get(0).asLong() <= margins.get(1).asLong(), r.out());
        assertEquals(floating.get(0).asLong() - floating.get(1).asLong(), margins.get(0).asLong() + margins.get(1).asLong(), r.out());
    }

    @Test
    void anExactNetworkLosesNothingToQuantization(@TempDir Path dir) throws Exception {
        String exact = """
                network exact {
                  timestep = 1 ms;
                  population input : spike_array [4] { spikes = []; }
                  population cells : if [6] { v_threshold = 4.096 mV; }
                  projection input -> cells : all_to_all { weight = 2.048 mV; }
                }
                """;
        CliRunner r = fidelityOf(dir, exact, "--inputs", "4", "--steps", "60");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("quantization    (integer engine vs float step model)   relative VR^2 0.0000"), r.out());
        assertTrue(r.out().contains("weights rounded to zero 0; population updates that saturated 0\n"), r.out());
        // Both models fire the same spikes on every one of the six cells.
        assertTrue(r.out().contains("output population cells, spikes over all inputs"), r.out());
        var rows = r.out().lines().filter(l -> l.matches("\\s+[0-5]\\s+\\d+\\s+\\d+.*")).map(l -> l.trim().split("\\s+")).toList();
        assertEquals(6, rows.size(), r.out());
        for (String[] row : rows) assertEquals(row[1], row[2], r.out());
        assertTrue(rows.stream().mapToLong(row -> Long.parseLong(row[1])).sum() > 0, "the cells fire: " + r.out());
        assertEquals(2, fidelityOf(dir, exact, "--rate", "2").exitCode());
    }

    /** {@code myelin fidelity} on a network written to a file in {@code dir}. */
    private static CliRunner fidelityOf(Path dir, String snn, String... options) throws Exception {
        Path file = Files.writeString(dir.resolve("network.snn"), snn);
        return CliRunner.run(java.util.stream.Stream.concat(java.util.stream.Stream.of("fidelity", file.toString()),
                java.util.Arrays.stream(options)).toArray(String[]::new));
    }
}
