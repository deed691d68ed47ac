package myelin.backends.verilog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The HDL tools the backend drives: whether one is installed, and one run with its output. */
public final class Tools {
    /** What a run printed (stdout and stderr together) and its exit status. */
    public record Output(int code, String text) {}

    private Tools() {}

    /** Whether a program is on PATH. */
    public static boolean available(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    /** Runs a command to its end; an interrupt kills it and is an error naming {@code what}. */
    public static Output run(List<String> command, String what) throws IOException, RtlSimulator.SimulationException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            return new Output(p.waitFor(), text);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new RtlSimulator.SimulationException(what + " was interrupted");
        }
    }
}
