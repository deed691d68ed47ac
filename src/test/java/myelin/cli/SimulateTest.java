package myelin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateTest {
    /** A network whose population p saturates at the default scale (q does not). */
    static final String SATURATING = "src/test/resources/networks/saturating.snn";

    @Test
    void writesSpikesAndARaster(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("out/spikes.csv");
        Path png = dir.resolve("raster.png");
        CliRunner r = CliRunner.run("simulate", "examples/xor.snn", "--steps", "16", "-o", csv.toString(), "--raster", png.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("step,population,neuron", "6,xor_gate,0", "10,xor_gate,0"), Files.readAllLines(csv));
        byte[] header = java.util.Arrays.copyOf(Files.readAllBytes(png), 8);
        assertEquals("\u0089PNG", new String(header, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "temporary files left behind");
        }
    }

    @Test
    void thresholdGatesGiveTheSameSpikesOnLoihi(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("spikes.csv");
        CliRunner r = CliRunner.run("simulate", "examples/xor.snn", "--steps", "16", "--profile", "loihi", "-o", csv.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("step,population,neuron", "6,xor_gate,0", "10,xor_gate,0"), Files.readAllLines(csv));
    }

    @Test
    void inputSpikesDriveTheNetwork(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.csv");
        Path out = dir.resolve("out.csv");
        // (1,0) at step 1 reaches the output two gates later, at step 3; the example's own patterns give 6 and 10.
        Files.writeString(in, "step,population,neuron\n1,inputs,0\n");
        CliRunner r = CliRunner.run("simulate", "examples/xor.snn", "--steps", "16", "--input", in.toString(), "-o", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("step,population,neuron", "3,xor_gate,0", "6,xor_gate,0", "10,xor_gate,0"), Files.readAllLines(out));
        // (1,1) at step 1 gives no output.
        Files.writeString(in, "step,population,neuron\n1,inputs,0\n1,inputs,1\n");
        r = CliRunner.run("simulate", "examples/xor.snn", "--steps", "16", "--input", in.toString(), "-o", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("step,population,neuron", "6,xor_gate,0", "10,xor_gate,0"), Files.readAllLines(out));
    }

    @Test
    void badInputSpikesAreLocated(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "step,population,neuron\n1,inptus,0\n99,inputs,0\n2,inputs,x\n");
        Path out = dir.resolve("out.csv");
        CliRunner r = CliRunner.run("simulate", "examples/xor.snn", "--steps", "16", "--input", in.toString(), "-o", out.toString());
        assertEquals(1, r.exitCode());
        List<String> lines = r.err().lines().filter(l -> !l.startsWith(" ")).toList();
        assertEquals(List.of(
                in + ":2:3: error: unknown population 'inptus'; did you mean 'inputs'?",
                in + ":3:1: error: step 99 is outside [0, 15]",
                in + ":4:10: error: neuron must be a whole number, got 'x'",
                "3 errors"), lines);
        assertFalse(Files.exists(out), "no output on failure");
    }

    @Test
    void recordsStateTraces(@TempDir Path dir) throws Exception {
        Path net = dir.resolve("net.snn");
        Files.writeString(net, """
                network t {
                  timestep = 1 ms;
                  population in : spike_array [1] { spikes = [0 @ 0 ms]; }
                  population p : lif [1] { tau_m = 10 ms; v_threshold = 10 mV; }
                  projection in -> p : one_to_one { weight = 5 mV; }
                }
                """);
        Path trace = dir.resolve("trace.csv");
        CliRunner r = CliRunner.run("simulate", net.toString(), "--steps", "4", "--record", "v", "--trace", trace.toString());
        assertEquals(0, r.exitCode(), r.err());
        // The hand-derived trace of EngineTraceTest; 5 mV decays like 5 e^(-t / 10 ms).
        assertEquals(List.of(TraceWriter.HEADER, "0,p,0,v,0,0.00000,mV", "1,p,0,v,2048,5.00000,mV",
                "2,p,0,v,1853,4.52393,mV", "3,p,0,v,1677,4.09424,mV"), Files.readAllLines(trace));
        assertEquals(2, CliRunner.run("simulate", net.toString(), "--steps", "4", "--record", "v").exitCode());
        assertEquals(2, CliRunner.run("simulate", net.toString(), "--steps", "4", "--record", "u", "--trace", trace.toString()).exitCode());
    }

    @Test
    void targetsComeFromTheNetworkOrATargetFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("boards.snn");
        Files.writeString(file, "target chip { base = loihi; neurons_per_core = 1024; }\ntarget wrong { neurons = 4; }\n");
        CliRunner chip = CliRunner.run("simulate", "examples/xor.snn", "--steps", "16", "--target-file", file.toString(), "--target", "chip");
        assertEquals(0, chip.exitCode(), chip.err());
        assertTrue(chip.out().contains("on the exact engine, target chip, profile loihi"), chip.out());
        CliRunner wrong = CliRunner.run("simulate", "examples/xor.snn", "--steps", "16", "--target-file", file.toString(), "--target", "wrong");
        assertEquals(1, wrong.exitCode());
        assertTrue(wrong.err().startsWith(file + ":2:8: error: target wrong: unknown setting 'neurons'"), wrong.err());
        CliRunner unknown = CliRunner.run("simulate", "examples/xor.snn", "--steps", "16", "--target", "spinnaker9");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown target 'spinnaker9' (targets: simulation, loihi, spinnaker1, spinnaker2, fpga)"), unknown.err());
    }

    @Test
    void saturationIsReportedByPopulation() {
        CliRunner r = CliRunner.run("simulate", SATURATING, "--steps", "10");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("warning: a current or v saturated at its width (16 bits, an IF's v 24) in 2 population updates (p: 2; see"), r.err());
    }

    /** An IF's v is 24 bits: driven 30 thresholds below rest it does not clip, so it fires first at step 31 (16 bits: 19). */
    @Test
    void anIntegrateAndFireNeuronFallsFarBelowRest(@TempDir Path dir) throws Exception {
        Path spikes = dir.resolve("spikes.csv");
        CliRunner r = CliRunner.run("simulate", "src/test/resources/networks/deep_if.snn", "--steps", "45", "-o", spikes.toString(),
                "--record", "v", "--trace", dir.resolve("v.csv").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.err().contains("saturated"), r.err());
        List<String> fired = Files.readAllLines(spikes).stream().filter(l -> l.contains(",n,")).toList();
        assertEquals(10, fired.size(), fired.toString());
        assertEquals("31,n,0", fired.get(0));
        assertTrue(Files.readAllLines(dir.resolve("v.csv")).contains("10,n,0,v,-81920,-300.000,mV"));
    }

    @Test
    void usageErrors() {
        assertEquals(2, CliRunner.run("simulate", "examples/xor.snn").exitCode());
        assertEquals(2, CliRunner.run("simulate", "examples/xor.snn", "--steps", "0").exitCode());
        assertEquals(2, CliRunner.run("simulate", "examples/xor.snn", "--steps", "5", "--profile", "truenorth").exitCode());
        CliRunner bound = CliRunner.run("simulate", "examples/xor.snn", "--steps", "5", "--scale-bound", "mean");
        assertEquals(2, bound.exitCode());
        assertTrue(bound.err().contains("--scale-bound mean: largest_weight or summed_input"), bound.err());
    }

    @Test
    void profileErrorsAreInputErrorsAtTheDeclaration() {
        CliRunner r = CliRunner.run("simulate", "examples/cuba.snn", "--steps", "5", "--profile", "loihi");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("examples/cuba.snn:23:14: error: profile loihi: population E: this profile has no refractory period"),
                r.err());
        ExamplesTest.assertNoStackTrace(r);
    }

    /** Brian2 gives about 22,000 to 24,000 spikes for the same network; the integer model must stay within 20%. */
    @Test
    void cubaFiresAtBrian2sRate() {
        CliRunner r = CliRunner.run("simulate", "examples/cuba.snn", "--steps", "10000");
        assertEquals(0, r.exitCode(), r.err());
        long spikes = r.out().lines().filter(l -> l.matches("\\s+[EI]\\s+\\d+ spikes.*"))
                .mapToLong(l -> Long.parseLong(l.trim().split("\\s+")[1])).sum();
        assertTrue(spikes > 23_000 * 0.8 && spikes < 23_000 * 1.2, "spikes: " + spikes);
    }

    @Test
    void irReportAndPrintAfter() {
        CliRunner report = CliRunner.run("ir", "examples/cuba.snn", "--pipeline", "quantize", "--report");
        assertEquals(0, report.exitCode(), report.err());
        assertTrue(report.out().contains("projection E_to_E            weight"), report.out());
        CliRunner after = CliRunner.run("ir", "examples/xor.snn", "--pipeline", "quantize", "--print-after", "quantize", "--verify-each");
        assertEquals(0, after.exitCode(), after.err());
        assertTrue(after.out().startsWith("// after quantize (the quantized stage)\nquantized xor profile=default"), after.out());
        CliRunner encoded = CliRunner.run("ir", "examples/xor.snn", "--pipeline", "simulate", "--print-after", "encode", "--verify-each");
        assertEquals(0, encoded.exitCode(), encoded.err());
        assertTrue(encoded.out().startsWith("// after encode (the encoded stage)\nencoded xor profile=default seed=0"), encoded.out());
        assertTrue(encoded.out().contains("projection inputs_to_or_gate : inputs -> or_gate channel=0 synapses=2 weight=1 delay=1"),
                encoded.out());
        assertEquals(2, CliRunner.run("ir", "examples/xor.snn", "--pipeline", "quantise").exitCode());
        assertEquals(2, CliRunner.run("ir", "examples/xor.snn", "--print-after", "quantize").exitCode());
    }
}
