package myelin.backends.verilog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a design that {@link VerilogBackend} wrote, through its own {@code simulate.sh}, under
 * Verilator or Icarus, so that what {@code verify} checks is what a user's run does.
 */
public final class RtlSimulator {
    /** The simulators a design's script drives. */
    public enum Kind {
        VERILATOR("verilator", "RTL under verilator", List.of("verilator")),
        ICARUS("icarus", "RTL under icarus", List.of("iverilog")),
        /** The Yosys iCE40 netlist with the iCE40 cell models, under Icarus (post-synthesis simulation). */
        NETLIST("netlist", "iCE40 netlist under icarus", List.of("yosys", "iverilog"));

        private final String option;
        private final String description;
        private final List<String> tools;

        Kind(String option, String description, List<String> tools) {
            this.option = option;
            this.description = description;
            this.tools = tools;
        }

        /** What runs, in the words verify prints. */
        public String description() {
            return description;
        }

        public String option() {
            return option;
        }

        /** The programs that must be on PATH. */
        public List<String> tools() {
            return tools;
        }

    }

    /** What a run printed: the steps, the clock cycles they took and the wall time of the simulation alone. */
    public record Run(long steps, long cycles, double seconds) {
        public double cyclesPerStep() {
            return steps == 0 ? 0 : (double) cycles / steps;
        }

        public double stepsPerSecond() {
            return seconds <= 0 ? 0 : steps / seconds;
        }
    }

    /** A simulator that failed: its output, for the user. */
    public static final class SimulationException extends Exception {
        public SimulationException(String message) {
            super(message);
        }
    }

    private static final Pattern SUMMARY = Pattern.compile("steps (\\d+) cycles (\\d+)(?: cycles_per_step \\S+ seconds (\\S+))?");

    private RtlSimulator() {}

    /** Simulates {@code steps} timesteps of the design in {@code dir} with input spikes from {@code input}; spikes go to {@code output}. */
    public static Run run(Path dir, Kind kind, Path input, Path output, int steps) throws IOException, SimulationException {
        long start = System.nanoTime();
        Tools.Output run = Tools.run(List.of("sh", dir.resolve("simulate.sh").toString(), kind.option(), input.toAbsolutePath().toString(),
                output.toAbsolutePath().toString(), Integer.toString(steps)), kind.option());
        String text = run.text();
        int code = run.code();
        double wall = (System.nanoTime() - start) / 1e9;
        Matcher m = SUMMARY.matcher(text);
        if (code != 0 || !m.find()) {
            throw new SimulationException(kind.option() + " failed (exit " + code + "):\n" + tail(text, 40));
        }
        double seconds = m.group(3) != null ? Double.parseDouble(m.group(3)) : wall;
        return new Run(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), seconds);
    }

    private static String tail(String text, int lines) {
        String[] all = text.strip().split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }
}
