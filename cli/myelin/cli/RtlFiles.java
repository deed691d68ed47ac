package myelin.cli;

import myelin.api.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import myelin.backends.verilog.VerilogBackend;
import myelin.ir.hardware.HardwareNetwork;

/** Writes a hardware network's Verilog design into a folder, each file atomically; scripts are executable. */
final class RtlFiles {
    private RtlFiles() {}

    /** An error naming the first of the tools that is not on PATH and what needs it. */
    static void requireTools(java.util.List<String> tools, String what) {
        for (String tool : tools) {
            if (!myelin.backends.verilog.Tools.available(tool)) {
                throw myelin.ir.diag.InputException.of(myelin.ir.diag.SourceLocation.of(tool), what + " needs " + tool
                        + " on PATH (scripts/test installs it; or apt-get install " + tool + ")");
            }
        }
    }

    /** Runs the design's synthesis script; a missing tool or a failed run is an error naming it. */
    static myelin.backends.verilog.Synthesis.Result synthesize(Path dir, java.io.PrintWriter err) throws IOException {
        requireTools(myelin.backends.verilog.Synthesis.TOOLS, "--synth");
        err.println("myelin: synthesising with Yosys and nextpnr-ice40 (a minute or more for a full core) ...");
        err.flush();
        try {
            return myelin.backends.verilog.Synthesis.run(dir);
        } catch (myelin.backends.verilog.RtlSimulator.SimulationException e) {
            throw myelin.ir.diag.InputException.of(myelin.ir.diag.SourceLocation.of(dir.resolve("synthesize.sh").toString()), e.getMessage());
        }
    }

    /** Writes the design rendered from the built-in templates, or from {@code templates} (a folder of NAME.vm) when not null. */
    static void write(HardwareNetwork hw, Path dir, Path templates) throws IOException {
        if (templates != null && !Files.isDirectory(templates)) {
            throw myelin.ir.diag.InputException.of(myelin.ir.diag.SourceLocation.of(templates.toString()), "--templates: no such folder");
        }
        writeAll(new VerilogBackend(Version.number(), templates).emit(hw), dir);
    }

    /** Writes files by name into a folder, each atomically; scripts are made executable. */
    static void writeAll(java.util.Map<String, String> files, Path dir) throws IOException {
        for (var f : files.entrySet()) {
            Path path = dir.resolve(f.getKey());
            AtomicFiles.write(path, o -> o.write(f.getValue().getBytes(StandardCharsets.UTF_8)));
            if (f.getKey().endsWith(".sh")) {
                try {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
                } catch (UnsupportedOperationException notPosix) {
                    // The scripts still run as `sh simulate.sh`.
                }
            }
        }
    }
}
