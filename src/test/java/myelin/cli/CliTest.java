package myelin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI contract: exit codes 0, 1, 2 and messages without stack traces. */
class CliTest {
    @Test
    void versionAndHelp() {
        CliRunner version = CliRunner.run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("myelin "), version.out());
        CliRunner help = CliRunner.run("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("check") && help.out().contains("ir"), help.out());
        CliRunner simulateHelp = CliRunner.run("simulate", "--help");
        assertEquals(0, simulateHelp.exitCode(), simulateHelp.err());
        assertTrue(simulateHelp.out().contains("--engine") && simulateHelp.out().contains("--dt"), simulateHelp.out());
    }

    @Test
    void usageErrorsExitWith2() {
        assertEquals(2, CliRunner.run().exitCode());
        assertEquals(2, CliRunner.run("frobnicate").exitCode());
        assertEquals(2, CliRunner.run("check").exitCode());
        assertEquals(2, CliRunner.run("check", "examples/nir/lif_norse.nir", "--dt", "-1").exitCode());
        assertEquals(2, CliRunner.run("ir", "examples/xor.snn", "--threads", "zero").exitCode());
        assertEquals(2, CliRunner.run("ir", "examples/xor.snn", "--threads", "0").exitCode());
    }

    @Test
    void missingFileIsAnInputError() {
        CliRunner r = CliRunner.run("check", "no/such/file.snn");
        assertEquals(1, r.exitCode());
        assertEquals("no/such/file.snn: error: cannot read file: no such file", r.err().strip());
    }

    @Test
    void unsupportedExtensionIsAnInputError() {
        CliRunner r = CliRunner.run("check", "pom.xml");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("pom.xml: error: unsupported input file type"), r.err());
    }

    @Test
    void diagnosticsShowTheSourceLineAndACaret(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("net.snn");
        Files.writeString(f, "network n {\n  timestep = 1 mV;\n}\n");
        CliRunner r = CliRunner.run("check", f.toString());
        assertEquals(1, r.exitCode());
        assertEquals(f + ":2:14: error: unit mismatch: 'timestep' expects a time (e.g. ms), but mV is a voltage\n"
                + "    timestep = 1 mV;\n"
                + "               ^\n", r.err());
    }

    @Test
    void irOutputParsesBack(@TempDir Path dir) throws Exception {
        CliRunner first = CliRunner.run("ir", "examples/synfire.snn");
        assertEquals(0, first.exitCode(), first.err());
        Path printed = dir.resolve("printed.snn");
        Files.writeString(printed, first.out());
        CliRunner second = CliRunner.run("ir", printed.toString());
        assertEquals(first.out(), second.out());
    }
}
