package myelin.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import myelin.frontend.SnnFrontend;
import myelin.ir.diag.InputException;
import myelin.ir.text.IrPrinter;

/**
 * Fuzzes the .snn reader: any text either compiles or is rejected with diagnostics;
 * anything else (an exception, a hang) is a bug. When it compiles, the IR must print and
 * parse back. Without JAZZER_FUZZ it replays the seed corpus in the resources folder
 * FrontendFuzzTestInputs/parse; scripts/test fuzzes it for a while in CI.
 */
class FrontendFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        String text = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        try {
            var network = SnnFrontend.parse("fuzz/input.snn", text);
            String printed = IrPrinter.print(network);
            String again = IrPrinter.print(SnnFrontend.parse("fuzz/printed.snn", printed));
            if (!printed.equals(again)) throw new AssertionError("round trip changed:\n" + printed + "\n---\n" + again);
        } catch (InputException expected) {
            if (expected.diagnostics().isEmpty()) throw new AssertionError("input rejected without a diagnostic");
        }
    }
}
