package myelin.ir.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import myelin.frontend.SnnFrontend;
import myelin.ir.diag.InputException;
import myelin.ir.hardware.HardwarePrinter;
import myelin.ir.machine.image.MachineImage;
import myelin.ir.target.TargetSpec;
import myelin.passes.CompilationUnit;
import myelin.passes.PassManager;
import myelin.passes.Pipeline;
import myelin.passes.Stages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image format round-trips, and a corrupt image is refused naming the file and the region. */
class MachineImageTest {
    private static MachineNetwork synfire() throws Exception {
        var net = SnnFrontend.parse("examples/synfire.snn", Files.readString(Path.of("examples/synfire.snn")));
        return PassManager.plain().run(Pipeline.MACHINE.passes(TargetSpec.SPINNAKER1), CompilationUnit.of(net)).unit().require(Stages.ROUTED);
    }

    @Test
    void anImageReadsBackToTheSameMachine(@TempDir Path dir) throws Exception {
        MachineNetwork m = synfire();
        MachineImage.write(m, dir.resolve("image"));
        MachineImage.Loaded back = MachineImage.read(dir.resolve("image"));
        assertEquals(HardwarePrinter.print(m.hardware(), true), HardwarePrinter.print(back.hardware(), true));
        assertEquals(m.tables(), back.machine().tables());
        assertEquals(MachinePrinter.print(m), MachinePrinter.print(back.machine()));
        // Written again from what was read, the files are the same bytes.
        MachineImage.write(back.machine(), dir.resolve("again"));
        try (var files = Files.walk(dir.resolve("image"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path twin = dir.resolve("again").resolve(dir.resolve("image").relativize(f));
                assertTrue(java.util.Arrays.equals(Files.readAllBytes(f), Files.readAllBytes(twin)), "differs: " + f);
            }
        }
    }

    @Test
    void aTruncatedRegionIsNamed(@TempDir Path dir) throws Exception {
        MachineImage.write(synfire(), dir.resolve("image"));
        Path core = dir.resolve("image/cores/core_2.bin");
        byte[] bytes = Files.readAllBytes(core);
        Files.write(core, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        var e = assertThrows(InputException.class, () -> MachineImage.read(dir.resolve("image")));
        assertTrue(e.getMessage().startsWith(core + ": error: region synapses: truncated: it ends at byte "), e.getMessage());
    }

    @Test
    void aWrongChecksumIsNamed(@TempDir Path dir) throws Exception {
        MachineImage.write(synfire(), dir.resolve("image"));
        Path core = dir.resolve("image/cores/core_1.bin");
        byte[] bytes = Files.readAllBytes(core);
        bytes[bytes.length - 20] ^= 1;
        Files.write(core, bytes);
        var e = assertThrows(InputException.class, () -> MachineImage.read(dir.resolve("image")));
        assertEquals(core + ": error: region synapses: checksum mismatch", e.getMessage());
        Path chip = dir.resolve("image/chips/chip_0_0.bin");
        MachineImage.write(synfire(), dir.resolve("image"));
        byte[] table = Files.readAllBytes(chip);
        table[table.length - 1] ^= 1;
        Files.write(chip, table);
        var t = assertThrows(InputException.class, () -> MachineImage.read(dir.resolve("image")));
        assertEquals(chip + ": error: checksum differs from the manifest's", t.getMessage());
    }

    @Test
    void aMissingManifestIsNamed(@TempDir Path dir) {
        var e = assertThrows(InputException.class, () -> MachineImage.read(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("manifest.json") + ": error: not a readable manifest"), e.getMessage());
    }
}
