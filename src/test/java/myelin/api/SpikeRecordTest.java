package myelin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import myelin.ir.diag.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpikeRecordTest {
    private static final Path SYNFIRE = Path.of("examples/synfire.snn");

    @Test
    void aGoldenFileReadsBackToTheSameSpikes(@TempDir Path dir) throws Exception {
        Simulation sim = Simulation.of(SYNFIRE);
        SpikeRecord run = sim.run(120);
        Path golden = dir.resolve("synfire.golden.csv");
        run.write(golden);
        assertTrue(Files.readString(golden).startsWith("# myelin spikes: synfire, 120 steps\nstep,population,neuron\n"));
        SpikeRecord read = sim.golden(golden);
        assertEquals(120, read.steps());
        assertEquals(run.counts(), read.counts());
        assertTrue(run.differenceFrom(read, "golden", "now").isEmpty());
        assertTrue(run.total() > 0);
    }

    /** Rows in any order, a spike twice: the same train once sorted and counted. */
    @Test
    void rowsInAnyOrderAndRepeatedRowsAreOneTrain(@TempDir Path dir) throws Exception {
        Path golden = dir.resolve("g.csv");
        Files.writeString(golden, "# myelin spikes: xor, 20 steps\nstep,population,neuron\n7,xor_gate,0\n6,xor_gate,0\n6,xor_gate,0\n");
        Simulation sim = Simulation.of(Path.of("examples/xor.snn"));
        SpikeRecord read = sim.golden(golden);
        assertEquals(3L, read.counts().get("xor_gate"));
        String text = read.differenceFrom(sim.run(20), "golden", "now").orElseThrow();
        assertTrue(text.startsWith("first differing spike at step 6, population xor_gate, neuron 0: golden 1 spike(s), now 2"), text);
        assertTrue(text.contains("xor_gate"), text);
    }

    @Test
    void theSameSpikesOverOtherStepsDiffer() {
        Simulation sim = Simulation.of(Path.of("examples/xor.snn"));
        String text = sim.run(20).differenceFrom(sim.run(18), "golden", "now").orElseThrow();
        assertTrue(text.startsWith("the same spikes, but golden ran 18 steps and now 20"), text);
    }

    @Test
    void aFileWithoutTheFirstLineIsAnErrorAtLineOne(@TempDir Path dir) throws Exception {
        Path golden = dir.resolve("g.csv");
        Files.writeString(golden, "step,population,neuron\n6,xor_gate,0\n");
        var e = assertThrows(InputException.class, () -> Simulation.of(Path.of("examples/xor.snn")).golden(golden));
        assertEquals(golden + ":1:1: error: a golden spike file starts with '# myelin spikes: NETWORK, N steps'", e.diagnostics().get(0).toString());
    }

    @Test
    void aBadRowIsAnErrorAtItsPlace(@TempDir Path dir) throws Exception {
        Path golden = dir.resolve("g.csv");
        Files.writeString(golden, "# myelin spikes: xor, 20 steps\nstep,population,neuron\n6,xor_gat,0\n");
        var e = assertThrows(InputException.class, () -> Simulation.of(Path.of("examples/xor.snn")).golden(golden));
        assertTrue(e.diagnostics().get(0).toString().startsWith(golden + ":3:3: error: unknown population 'xor_gat'"), e.getMessage());
    }
}
