package myelin.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A loaded network names every file it was read from: what a build hashes to tell whether to compile again. */
class FilesReadTest {
    @Test
    void theRootIncludesAndDataFilesInTheOrderRead(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("include"));
        Files.writeString(dir.resolve("include/cells.snn"), "include \"more.snn\";\nmodel cell : lif { tau_m = 10 ms; v_rest = -70 mV; v_reset = -70 mV; v_threshold = -55 mV; }\n");
        Files.writeString(dir.resolve("include/more.snn"), "model other : lif { tau_m = 5 ms; v_rest = -70 mV; v_reset = -70 mV; v_threshold = -55 mV; }\n");
        Files.writeString(dir.resolve("spikes.csv"), "neuron,time\n0,1 ms\n1,2 ms\n");
        Path root = dir.resolve("net.snn");
        Files.writeString(root, """
                include "include/cells.snn";
                network net {
                  timestep = 1 ms;
                  population input : spike_array [4] { spikes = file("spikes.csv"); }
                  population out : cell [2];
                  projection input -> out : all_to_all { weight = 1 mV; }
                }
                """);
        var files = NetworkLoader.load(root, NetworkLoader.DEFAULT_NIR_TIMESTEP).files();
        assertEquals(List.of(root, dir.resolve("include/cells.snn"), dir.resolve("include/more.snn"), dir.resolve("spikes.csv")),
                files.stream().map(p -> p.toAbsolutePath().normalize()).toList());
    }

    @Test
    void aNirFileIsItsOnlyFile() {
        Path nir = Path.of("src/test/resources/nir/binary_affine.nir");
        assertEquals(List.of(nir), NetworkLoader.load(nir, 1e-3).files());
    }
}
