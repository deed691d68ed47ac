package myelin.cli;

import static org.junit.jupiter.api.Assertions.fail;

import myelin.backends.verilog.Tools;
import org.junit.jupiter.api.Assumptions;

/** Tests that need an HDL tool: skipped with the reason where it is missing, failed where CI=true (scripts/test installs them). */
final class RtlTools {
    private RtlTools() {}

    static void require(String tool) {
        if (Tools.available(tool)) return;
        String why = tool + " is not on PATH (scripts/test installs verilator, iverilog, yosys and nextpnr-ice40 with apt-get)";
        if ("true".equals(System.getenv("CI"))) fail("CI=true: " + why);
        Assumptions.abort("skipped: " + why);
    }
}
