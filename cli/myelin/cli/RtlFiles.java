package myelin.cli;

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

    static void write(HardwareNetwork hw, Path dir) throws IOException {
        for (var f : new VerilogBackend(Version.number()).emit(hw).entrySet()) {
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
