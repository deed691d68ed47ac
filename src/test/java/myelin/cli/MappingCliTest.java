package myelin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import myelin.frontend.SnnFrontend;
import myelin.simulator.SpikeTrain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** compile and verify as a user runs them: every example and shared NIR export maps and verifies spike for spike. */
class MappingCliTest {
    private static final String NIR = "src/test/resources/nir/shared/";

    private static void verified(CliRunner r) {
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*verified: the (core|machine) executor's spikes equal the integer engine's.*"), r.out());
        ExamplesTest.assertNoStackTrace(r);
    }

    @ParameterizedTest
    @CsvSource({"examples/xor.snn, 16, spinnaker1", "examples/synfire.snn, 700, spinnaker1", "examples/cuba.snn, 300, spinnaker1",
            "examples/cuba.snn, 300, spinnaker2", "examples/synfire.snn, 700, spinnaker2"})
    void examplesVerify(String file, int steps, String target) {
        verified(CliRunner.run("verify", file, "--target", target, "--steps", Integer.toString(steps)));
    }

    /** The microcircuit with every population cut to a twentieth: the same connectivity rules, delays and background. */
    @Test
    void aCutOfTheMicrocircuitVerifies(@TempDir Path dir) throws Exception {
        String text = Files.readString(Path.of("examples/microcircuit.snn"));
        Matcher m = Pattern.compile("\\[(\\d+)]").matcher(text);
        StringBuilder cut = new StringBuilder();
        while (m.find()) m.appendReplacement(cut, "[" + Math.max(1, Integer.parseInt(m.group(1)) / 20) + "]");
        m.appendTail(cut);
        Path file = Files.writeString(dir.resolve("microcircuit_cut.snn"), cut);
        CliRunner r = CliRunner.run("verify", file.toString(), "--target", "spinnaker1", "--steps", "100");
        verified(r);
    }

    private static Path regularInput(Path dir, String population, int size, int steps) throws Exception {
        List<String> lines = new ArrayList<>(List.of("step,population,neuron"));
        for (int t = 0; t < steps; t += 2) for (int n = t % 3; n < size; n += 3) lines.add(t + "," + population + "," + n);
        return Files.write(dir.resolve(population + ".csv"), lines);
    }

    @ParameterizedTest
    @CsvSource({"lif/lif_norse.nir, 1e-4, 1", "rnn/braille_noDelay_noBias_subtract.nir, 1e-4, 12", "cnn/cnn_sinabs.nir, 1, 2312",
            "graphs/conv1d_lif.nir, 1e-4, 48", "graphs/delay_recurrent.nir, 1e-4, 2", "graphs/feedback_graph.nir, 1e-4, 0"})
    void sharedNirExportsVerify(String file, String dt, int inputs, @TempDir Path dir) throws Exception {
        List<String> args = new ArrayList<>(List.of("verify", NIR + file, "--dt", dt, "--steps", "40"));
        if (inputs > 0) args.addAll(List.of("--input", regularInput(dir, "input", inputs, 40).toString()));
        verified(CliRunner.run(args.toArray(new String[0])));
    }

    @Test
    void compileWritesTheIrAndTheReport(@TempDir Path dir) throws Exception {
        CliRunner r = CliRunner.run("compile", "examples/synfire.snn", "--target", "spinnaker1", "-o", dir.toString(), "--timing");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("delay extensions     19 (120 stages, at most 12 on one source core)"), r.out());
        assertTrue(r.out().contains("pack"), r.out());
        String ir = Files.readString(dir.resolve("synfire.hw"));
        assertEquals(ir, myelin.ir.hardware.HardwarePrinter.print(myelin.ir.hardware.HardwareReader.read("synfire.hw", ir)));
        assertTrue(Files.readString(dir.resolve("report.json")).startsWith("{\"network\": \"synfire\", \"target\": \"spinnaker1\""));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("image", "placement.svg", "report.json", "report.txt", "synfire.hw"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(r.out().contains("  machine              3 of 4 chips, 41 cores (delay extensions included)"), r.out());
        assertTrue(Files.readString(dir.resolve("placement.svg")).startsWith("<svg"));
        assertTrue(Files.exists(dir.resolve("image/manifest.json")));
    }

    @Test
    void aChipWhoseTableCannotFitIsNamed(@TempDir Path dir) throws Exception {
        Path target = Files.writeString(dir.resolve("tight.snn"), "target tight { base = spinnaker1; neurons_per_core = 64; routing_entries = 2; }\n");
        CliRunner r = CliRunner.run("compile", "examples/cuba.snn", "--target-file", target.toString(), "-o", dir.resolve("out").toString());
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(r.err().matches("(?s)examples/cuba.snn:\\d+:\\d+: error: target tight: chip \\(\\d+, \\d+\\) needs \\d+ routing entries after "
                + "compression \\(\\d+ before\\), more than its 2; the slices that load it: E: \\d+ slices.*"), r.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written on failure");
    }

    @Test
    void aNetworkThatCannotFitNamesThePopulationAndTheLimit(@TempDir Path dir) throws Exception {
        Path target = Files.writeString(dir.resolve("tiny.snn"), "target tiny { base = spinnaker2; core_memory_bytes = 256; }\n");
        CliRunner r = CliRunner.run("compile", "examples/cuba.snn", "--target-file", target.toString(), "-o", dir.resolve("out").toString());
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(r.err().startsWith("examples/cuba.snn:23:14: error: target tiny: population E does not fit one neuron per core: "), r.err());
        assertTrue(r.err().contains("but a core has 256 bytes"), r.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written on failure");
    }

    @Test
    void targetsWithoutHardwareAreUsageErrors() {
        CliRunner r = CliRunner.run("verify", "examples/xor.snn", "--target", "simulation", "--steps", "5");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("target simulation describes no hardware"), r.err());
    }

    @Test
    void aMismatchIsExitThreeWithTheFirstDifferingSpike() {
        var net = SnnFrontend.parse("<t>", "network n { timestep = 1 ms; population a : spike_array [3] { spikes = [1 @ 2 ms]; } }");
        SpikeTrain expected = new SpikeTrain();
        expected.add(2, 0, 1, 1);
        SpikeTrain actual = new SpikeTrain();
        actual.add(2, 0, 2, 1);
        StringWriter out = new StringWriter();
        assertEquals(3, VerifyCommand.verdict(new PrintWriter(out, true), net, expected, actual, "core executor"));
        assertEquals("MISMATCH: first differing spike at step 2, population a, neuron 1: integer engine 1 spike(s), core executor 0\n",
                out.toString());
        assertEquals(0, VerifyCommand.verdict(new PrintWriter(new StringWriter()), net, expected, expected, "core executor"));
    }

    @Test
    void printAfterShowsTheHardwareStages() {
        CliRunner r = CliRunner.run("ir", "examples/xor.snn", "--pipeline", "map", "--target", "fpga", "--print-after",
                "partition,delay-schedule,pack", "--verify-each");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("// after partition (the partitioned stage)\nhardware xor target=fpga"), r.out());
        assertTrue(r.out().contains("// after delay-schedule (the scheduled stage)"), r.out());
        assertTrue(r.out().contains("// after pack (the packed stage)"), r.out());
    }
}
