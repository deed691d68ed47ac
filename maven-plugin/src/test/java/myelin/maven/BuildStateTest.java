package myelin.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildStateTest {
    @TempDir
    Path dir;

    @Test
    void upToDateUntilAFileOrTheOptionsChange() throws Exception {
        Path net = Files.writeString(dir.resolve("net.snn"), "network a {}\n");
        Path include = Files.writeString(dir.resolve("cells.snn"), "model cell : lif {}\n");
        BuildState state = new BuildState(dir.resolve("state/net.state"));
        assertFalse(state.upToDate("compile net.snn"), "never compiled");
        state.write("compile net.snn", List.of(net, include));
        assertTrue(state.upToDate("compile net.snn"));
        assertFalse(state.upToDate("compile net.snn --profile loihi"), "other options");

        Files.writeString(include, "model cell : lif { tau_m = 5 ms; }\n");
        assertFalse(state.upToDate("compile net.snn"), "an include changed");
        state.write("compile net.snn", List.of(net, include));
        assertTrue(state.upToDate("compile net.snn"));

        Files.setLastModifiedTime(net, java.nio.file.attribute.FileTime.fromMillis(0));
        assertTrue(state.upToDate("compile net.snn"), "a touched file with the same content is unchanged");

        Files.delete(include);
        assertFalse(state.upToDate("compile net.snn"), "a file is gone");
        state.clear();
        assertFalse(state.upToDate("compile net.snn"));
    }
}
