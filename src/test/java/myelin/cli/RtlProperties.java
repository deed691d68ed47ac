package myelin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import myelin.frontend.SnnFrontend;
import myelin.ir.diag.InputException;
import myelin.ir.target.TargetSpec;
import myelin.mapping.MappingProperties;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random small networks (MappingProperties' generator: Poisson and spike-array sources, LIF and
 * IF populations, two synapse types, delays past the ring, random cores, words and slots)
 * compiled to Verilog for a random fpga target and simulated under Verilator: the RTL's spikes
 * must be the integer engine's.
 */
class RtlProperties {
    @Provide
    Arbitrary<MappingProperties.Case> cases() {
        return Arbitraries.randomValue(MappingProperties::generate);
    }

    @Property(tries = 30)
    void rtlEqualsTheIntegerEngine(@ForAll("cases") MappingProperties.Case c) throws Exception {
        RtlTools.require("verilator");
        try {
            SnnFrontend.parse("<random>", c.snn());
        } catch (InputException e) {
            Assume.that(false);
            return;
        }
        Path dir = Files.createTempDirectory("myelin-rtl-property-");
        try {
            Path file = Files.writeString(dir.resolve("random.snn"), c.snn());
            TargetSpec.Limits l = c.target().limits();
            Path target = Files.writeString(dir.resolve("target.snn"), "target board { base = fpga; neurons_per_core = " + l.neuronsPerCore()
                    + "; delay_slots = " + l.delaySlots() + ";" + (l.synapseWordBits() > 0 ? " synapse_word_bits = " + l.synapseWordBits() + ";" : "")
                    + " }\n");
            CliRunner r = CliRunner.run("verify", file.toString(), "--target-file", target.toString(), "--target", "board", "--steps", "80");
            if (r.exitCode() == 2 && r.err().contains("error:")) {
                Assume.that(false); // a rate too high for the step, and the like
                return;
            }
            assertEquals(0, r.exitCode(), c + "\n" + r.out() + r.err());
            assertTrue(r.out().contains("verified: the RTL under verilator's spikes equal"), r.out());
        } finally {
            myelin.api.AtomicFiles.deleteTree(dir);
        }
    }
}
