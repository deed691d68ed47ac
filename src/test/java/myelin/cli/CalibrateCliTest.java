package myelin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --calibrate: the states the float step model reaches on sample input bound each population's scale. */
class CalibrateCliTest {
    private static Path sample(Path dir, int spikes) throws Exception {
        List<String> lines = new ArrayList<>(List.of("step,population,neuron"));
        for (int t = 0; t < spikes; t++) lines.add(t + ",in,0");
        return Files.write(dir.resolve("sample.csv"), lines);
    }

    /** A cell that does not leak, pushed down by 20 inputs of -300 mV: v reaches -6 V, so v's LSB is 2 x 6 V / 2^15. */
    @Test
    void twiceTheLargestStateFillsTheRange(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("still.snn"), """
                network still {
                  timestep = 1 ms;
                  population in : spike_array [1] { spikes = []; }
                  population cell : lif [1] { tau_m = 1000000000 ms; v_threshold = 1000 mV; }
                  projection in -> cell : all_to_all { weight = -300 mV; }
                }
                """);
        Path sample = sample(dir, 20);
        CliRunner r = CliRunner.run("ir", file.toString(), "--pipeline", "quantize", "--report", "--calibrate", sample.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().matches("(?s).*population cell +v LSB +0\\.366211 mV .*"), r.out());
        assertTrue(r.out().contains("note: population cell: v's scale set by the calibration input " + sample
                + " (its states reached 6000 mV, kept within half the range)"), r.out());
        // Ten inputs reach 3 V, less than the threshold's bound (1 V with three bits of headroom): the threshold sets the scale.
        CliRunner fewer = CliRunner.run("ir", file.toString(), "--pipeline", "quantize", "--report", "--calibrate", sample(dir, 10).toString());
        assertTrue(fewer.out().contains("note: population cell: v's scale set by the threshold, reset and initial v"), fewer.out());
    }

    /** The network that saturates by default, calibrated on its own spikes (an empty sample): nothing saturates. */
    @Test
    void aCalibratedNetworkDoesNotSaturateOnItsSample(@TempDir Path dir) throws Exception {
        CliRunner plain = CliRunner.run("simulate", SimulateTest.SATURATING, "--steps", "10");
        assertTrue(plain.err().contains("saturated"), plain.err());
        CliRunner calibrated = CliRunner.run("simulate", SimulateTest.SATURATING, "--steps", "10", "--calibrate", sample(dir, 0).toString());
        assertEquals(0, calibrated.exitCode(), calibrated.err());
        assertFalse(calibrated.err().contains("saturated"), calibrated.err());
    }

    @Test
    void aBadSampleIsLocated(@TempDir Path dir) throws Exception {
        Path sample = Files.writeString(dir.resolve("bad.csv"), "step,population,neuron\n0,nowhere,0\n");
        CliRunner r = CliRunner.run("simulate", "examples/xor.snn", "--steps", "4", "--calibrate", sample.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains(sample + ":2:"), r.err());
        ExamplesTest.assertNoStackTrace(r);
    }
}
