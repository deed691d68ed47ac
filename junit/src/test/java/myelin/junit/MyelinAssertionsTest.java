package myelin.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import myelin.api.NetworkCase;
import myelin.api.Simulation;
import myelin.api.SpikeRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.opentest4j.AssertionFailedError;

class MyelinAssertionsTest {
    @TempDir
    Path dir;

    /** A golden file recorded once matches the next run; one changed weight makes the next run differ, and the failure says where. */
    @Test
    void aChangedWeightFailsWithTheFirstDifferingSpike() throws Exception {
        Path net = dir.resolve("synfire.snn");
        Files.copy(Path.of("../examples/synfire.snn"), net);
        Files.copy(Path.of("../examples/synfire_stimulus.csv"), dir.resolve("synfire_stimulus.csv"));
        Path golden = dir.resolve("synfire.golden.csv");
        Simulation.of(net).run(100).write(golden);
        MyelinAssertions.assertMatchesGolden(Simulation.of(net), 100, golden);

        String text = Files.readString(net);
        String changed = text.replaceFirst("weight\\s*=\\s*([0-9.]+)", "weight = 0.01");
        assertTrue(!changed.equals(text), "the example has a weight to change");
        Files.writeString(net, changed);
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> MyelinAssertions.assertMatchesGolden(Simulation.of(net), 100, golden));
        assertTrue(e.getMessage().contains("first differing spike at step"), e.getMessage());
        assertTrue(e.getMessage().contains("population"), e.getMessage());
    }

    @Test
    void aMissingGoldenFileSaysHowToRecordIt() {
        Path golden = dir.resolve("none.golden.csv");
        var e = assertThrows(AssertionFailedError.class,
                () -> MyelinAssertions.assertMatchesGolden(Simulation.of(Path.of("../examples/xor.snn")), 10, golden));
        assertTrue(e.getMessage().contains("-Dmyelin.record"), e.getMessage());
    }

    @Test
    void theQuantizationBoundFailsWhenTheLossExceedsIt() {
        Simulation sim = Simulation.of(Path.of("../examples/synfire.snn"));
        double loss = MyelinAssertions.assertQuantizationLossAtMost(sim, 200, 1.0);
        assertTrue(loss >= 0 && loss <= 1, "loss " + loss);
        assertThrows(AssertionFailedError.class, () -> MyelinAssertions.assertQuantizationLossAtMost(sim, 200, -1));
    }

    /** The target's executor gives the integer engine's spikes. */
    @Test
    void theTargetExecutorEqualsTheIntegerEngine() throws Exception {
        Simulation sim = Simulation.of(Path.of("../examples/synfire.snn")).target("spinnaker1");
        SpikeRecord engine = Simulation.of(Path.of("../examples/synfire.snn")).run(100);
        MyelinAssertions.assertSpikesEqual(engine, sim.runOnTarget(100));
        assertTrue(engine.total() > 0);
    }

    @ParameterizedTest
    @NetworkSource("src/test/resources/regression")
    void everyNetworkOfTheFolderComesWithItsFiles(NetworkCase c) {
        assertTrue(Files.exists(c.network()));
        assertEquals(NetworkCase.stem(c.network()) + ".golden.csv", c.golden().getFileName().toString());
        MyelinAssertions.assertMatchesGolden(c.simulation(), 50, c.golden());
    }
}
