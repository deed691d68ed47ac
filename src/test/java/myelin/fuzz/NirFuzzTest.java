package myelin.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import myelin.frontend.NetworkLoader;
import myelin.ir.diag.InputException;

/**
 * Fuzzes the NIR reader and lowering: any bytes either import or are rejected with a
 * diagnostic; an exception of any other kind is a bug. The seeds (resources folder
 * NirFuzzTestInputs/read) are small valid and broken NIR files; scripts/test fuzzes it.
 */
class NirFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void read(byte[] input) throws Exception {
        Path file = Files.createTempFile("fuzz", ".nir");
        try {
            Files.write(file, input);
            NetworkLoader.load(file, 1e-4);
        } catch (InputException expected) {
            if (expected.diagnostics().isEmpty()) throw new AssertionError("input rejected without a diagnostic");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
