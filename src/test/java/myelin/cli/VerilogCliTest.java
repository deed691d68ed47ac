package myelin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Verilog backend as a user runs it: compile --target fpga writes a lint-clean design; verify simulates it spike for spike. */
class VerilogCliTest {
    private static final String NIR = "src/test/resources/nir/shared/";

    private static void verified(CliRunner r, String simulator) {
        String what = simulator.equals("netlist") ? "iCE40 netlist under icarus" : "RTL under " + simulator;
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("verified: the " + what + "'s spikes equal the integer engine's"), r.out());
        assertTrue(r.out().matches("(?s).*the " + what + " ran: [0-9.]+ cycles a timestep.*"), r.out());
        ExamplesTest.assertNoStackTrace(r);
    }

    /** CUBA at full size, synfire through its 20 ms link (delay extensions), xor; under Verilator, and xor and synfire under Icarus. */
    @ParameterizedTest
    @CsvSource({"examples/xor.snn, 16, verilator", "examples/xor.snn, 16, icarus", "examples/synfire.snn, 2200, verilator",
            "examples/synfire.snn, 400, icarus", "examples/cuba.snn, 300, verilator"})
    void examplesVerify(String file, int steps, String simulator) {
        RtlTools.require(simulator.equals("icarus") ? "iverilog" : "verilator");
        verified(CliRunner.run("verify", file, "--target", "fpga", "--steps", Integer.toString(steps), "--sim", simulator), simulator);
    }

    /** An IF core's v is wider than the currents (24 bits): driven 30 thresholds below rest, the RTL holds it as the engine does. */
    @Test
    void anIntegrateAndFireCoreHoldsItsWiderV() {
        RtlTools.require("verilator");
        verified(CliRunner.run("verify", "src/test/resources/networks/deep_if.snn", "--target", "fpga", "--steps", "45"), "verilator");
    }

    /** The loihi profile's arithmetic in RTL: wrapping currents, the add membrane, reset to 0. */
    @Test
    void theLoihiProfileVerifies() {
        RtlTools.require("verilator");
        verified(CliRunner.run("verify", "examples/nir/braille_snntorch.nir", "--target", "fpga", "--profile", "loihi", "--steps", "300",
                "--input", "examples/nir/braille_input.csv"), "verilator");
    }

    /** The fifth rung of the ladder: the gate-level netlist Yosys makes for an iCE40, with its cell models, equals the engine. */
    @Test
    void theSynthesisedNetlistVerifies() {
        RtlTools.require("yosys");
        RtlTools.require("iverilog");
        verified(CliRunner.run("verify", "examples/xor.snn", "--target", "fpga", "--steps", "16", "--sim", "netlist"), "netlist");
    }

    @ParameterizedTest
    @CsvSource({"lif/lif_norse.nir, 1e-4, 1", "rnn/braille_noDelay_noBias_subtract.nir, 1e-4, 12"})
    void sharedNirExportsVerify(String file, String dt, int inputs, @TempDir Path dir) throws Exception {
        RtlTools.require("verilator");
        List<String> lines = new ArrayList<>(List.of("step,population,neuron"));
        for (int t = 0; t < 60; t += 2) for (int n = t % 3; n < inputs; n += 3) lines.add(t + ",input," + n);
        Path input = Files.write(dir.resolve("input.csv"), lines);
        verified(CliRunner.run("verify", NIR + file, "--dt", dt, "--target", "fpga", "--steps", "60", "--input", input.toString()),
                "verilator");
    }

    /** Every generated design passes Verilator's lint with every warning on, and Icarus and Yosys read it. */
    @ParameterizedTest
    @CsvSource({"examples/xor.snn", "examples/synfire.snn", "examples/cuba.snn", "examples/core256.snn",
            "src/test/resources/nir/shared/rnn/braille_noDelay_noBias_subtract.nir"})
    void generatedDesignsAreLintClean(String file, @TempDir Path dir) throws Exception {
        RtlTools.require("verilator");
        RtlTools.require("iverilog");
        CliRunner r = CliRunner.run("compile", file, "--target", "fpga", "-o", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Verilog (rtl/)"), r.out());
        Path rtl = dir.resolve("rtl");
        for (String f : List.of("myelin_top.v", "myelin_router.v", "myelin_ram.v", "harness.cpp", "tb.v", "simulate.sh", "synthesize.sh",
                "README.md", "synapses.hex", "blocks.hex", "keys.hex")) {
            assertTrue(Files.exists(rtl.resolve(f)), f);
        }
        List<String> sources = new ArrayList<>(List.of("myelin_ram.v", "myelin_router.v", "myelin_top.v"));
        try (Stream<Path> files = Files.list(rtl)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.matches("core\\d+\\.v")).sorted().forEach(sources::add);
        }
        List<String> lint = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module", "myelin_top"));
        lint.addAll(sources);
        assertTool(rtl, lint);
        // Not -o /dev/null: iverilog makes its output executable, and as root that would change /dev/null itself.
        List<String> icarus = new ArrayList<>(List.of("iverilog", "-g2005", "-Wall", "-o", dir.resolve("lint.vvp").toString(), "-s", "tb", "tb.v"));
        icarus.addAll(sources);
        assertTool(rtl, icarus);
    }

    private static void assertTool(Path dir, List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), command.get(0) + ":\n" + text);
        assertEquals("", text.strip(), command.get(0) + " printed warnings:\n" + text);
    }

    /** One character of a template, the threshold's {@code >} made {@code >=}, and verify finds the first spike it changes. */
    @Test
    void aOneCharacterTemplateChangeFailsVerify(@TempDir Path dir) throws Exception {
        RtlTools.require("verilator");
        try (Stream<Path> files = Files.list(Path.of("templates/verilog"))) {
            for (Path f : files.toList()) Files.copy(f, dir.resolve(f.getFileName()));
        }
        Path core = dir.resolve("core.vm");
        String text = Files.readString(core);
        assertTrue(text.contains("if (x > THRESHOLD) begin"));
        Files.writeString(core, text.replace("if (x > THRESHOLD) begin", "if (x >= THRESHOLD) begin"));
        CliRunner same = CliRunner.run("verify", "examples/cuba.snn", "--target", "fpga", "--steps", "50", "--templates",
                Path.of("templates/verilog").toString());
        verified(same, "verilator");
        CliRunner r = CliRunner.run("verify", "examples/cuba.snn", "--target", "fpga", "--steps", "50", "--templates", dir.toString());
        assertEquals(3, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("MISMATCH: first differing spike at step 0, population E, neuron"), r.out());
    }

    /** Random spikes of n neurons over 30 steps, in .snn's list form. */
    private static String randomSpikes(int n) {
        StringBuilder spikes = new StringBuilder();
        java.util.Random r = new java.util.Random(3);
        for (int t = 0; t < 30; t++) for (int k = 0; k < n; k++) if (r.nextBoolean()) spikes.append(spikes.length() > 0 ? ", " : "").append(k + " @ " + t + " ms");
        return spikes.toString();
    }

    /** Gates with a bias per neuron: in + b >= T, fractions of b floored away (docs/semantics.md). */
    private static Path biasedGates(Path dir) throws Exception {
        return Files.writeString(dir.resolve("biased.snn"), "network biased { timestep = 1 ms; seed = 0;\n"
                + "  population x : spike_array [6] { spikes = [" + randomSpikes(6) + "]; }\n"
                + "  population g : threshold_gate [5] { threshold = 2; bias = [-1.5, 0, 1, 2.5, -4]; }\n"
                + "  projection x -> g : all_to_all { weight = 1; }\n}\n");
    }

    /** The README's NIR binary layer: real weights, biases and thresholds folded into gates, as cells under Verilator. */
    @Test
    void theNirBinaryLayerVerifiesAsThresholdLogic() {
        RtlTools.require("verilator");
        CliRunner r = CliRunner.run("verify", "examples/nir/binary_layer.nir", "--dt", "1e-3", "--target", "fpga", "--netlist", "threshold",
                "--steps", "48", "--input", "examples/nir/binary_layer_input.csv");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("real weights folded into integer weights and per-neuron biases"), r.err());
        assertTrue(r.out().contains("verified: the netlist RTL under verilator's spikes equal the integer engine's"), r.out());
        ExamplesTest.assertNoStackTrace(r);
    }

    /** Gate biases in the cores' RTL: a bias memory added to the input. */
    @Test
    void biasedGatesVerify(@TempDir Path dir) throws Exception {
        RtlTools.require("verilator");
        verified(CliRunner.run("verify", biasedGates(dir).toString(), "--target", "fpga", "--steps", "32"), "verilator");
    }

    /** --netlist threshold: the gates as threshold-logic cells, simulated under Verilator against the integer engine. */
    @ParameterizedTest
    @CsvSource({"examples/xor.snn, tulip", "examples/xor.snn, ftl", "majority, tulip", "majority, ftl", "biased, tulip", "biased, ftl"})
    void thresholdNetlistsVerify(String file, String cells, @TempDir Path dir) throws Exception {
        RtlTools.require("verilator");
        if (file.equals("majority")) {
            file = Files.writeString(dir.resolve("majority.snn"), "network majority { timestep = 1 ms; seed = 0;\n"
                    + "  population x : spike_array [9] { spikes = [" + randomSpikes(9) + "]; }\n"
                    + "  population m : threshold_gate [1] { threshold = 5; }\n"
                    + "  projection x -> m : all_to_all { weight = 1; }\n}\n").toString();
        } else if (file.equals("biased")) {
            file = biasedGates(dir).toString();
        }
        CliRunner r = CliRunner.run("verify", file, "--target", "fpga", "--netlist", "threshold", "--cells", cells, "--steps", "32");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("verified: the netlist RTL under verilator's spikes equal the integer engine's"), r.out());
        ExamplesTest.assertNoStackTrace(r);
    }

    @Test
    void thresholdNetlistsAreLintCleanAndWriteTheirFiles(@TempDir Path dir) throws Exception {
        RtlTools.require("verilator");
        CliRunner r = CliRunner.run("compile", "examples/binary.snn", "--target", "fpga", "--netlist", "threshold", "--cells", "ftl", "-o",
                dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("threshold-logic netlist of binary on cell library ftl"), r.out());
        for (String f : List.of("binary.gates", "binary.blif", "plain_logic.v", "report.txt", "threshold/myelin_top.v", "threshold/myelin_cell.v",
                "threshold/harness.cpp", "threshold/simulate.sh")) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        assertTool(dir.resolve("threshold"), List.of("verilator", "--lint-only", "-Wall", "--top-module", "myelin_top", "myelin_cell.v",
                "myelin_top.v"));
    }

    @Test
    void aThresholdNetlistRefusesNeuronsWithState() {
        CliRunner r = CliRunner.run("compile", "examples/cuba.snn", "--target", "fpga", "--netlist", "threshold", "-o", "/tmp/never");
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("examples/cuba.snn:23:14: error: cell library tulip: population E is lif; only threshold gates and spike arrays map"),
                r.err());
    }

    /** --synth: Yosys's cell counts and nextpnr's Fmax in the report (xor fits an HX8K); for a netlist, Yosys's LUTs for the same functions. */
    @Test
    void synthesisFiguresGoIntoTheReport(@TempDir Path dir) throws Exception {
        RtlTools.require("yosys");
        RtlTools.require("nextpnr-ice40");
        CliRunner r = CliRunner.run("compile", "examples/xor.snn", "--target", "fpga", "-o", dir.resolve("cores").toString(), "--synth");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*iCE40 \\(synth_ice40\\) +\\d+ +\\d+ 0 SB_RAM40_4K.*"), r.out());
        assertTrue(r.out().matches("(?s).*iCE40 HX8K Fmax +\\d+\\.\\d MHz \\(nextpnr-ice40\\).*"), r.out());
        assertTrue(Files.readString(dir.resolve("cores/report.json")).matches("(?s).*\"synthesis\":\\{\"ice40\":\\{\"lut\":\\d+.*"));
        CliRunner n = CliRunner.run("compile", "examples/xor.snn", "--target", "fpga", "--netlist", "threshold", "-o",
                dir.resolve("cells").toString(), "--synth");
        assertEquals(0, n.exitCode(), n.out() + n.err());
        assertTrue(n.out().matches("(?s).*yosys +\\d+ SB_LUT4 for the same functions as plain logic.*"), n.out());
    }

    @Test
    void anUnknownSimulatorIsAnError() {
        CliRunner r = CliRunner.run("verify", "examples/xor.snn", "--target", "fpga", "--steps", "4", "--sim", "modelsim");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("--sim must be verilator, icarus or netlist, not 'modelsim'"), r.err());
    }
}
