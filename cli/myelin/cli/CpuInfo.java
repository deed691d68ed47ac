package myelin.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The processor a benchmark ran on, as /proc/cpuinfo names it (benchmarks are compared across machines). */
final class CpuInfo {
    private CpuInfo() {}

    /** "AMD EPYC, 2596 MHz, 2 cores", or the JVM's architecture where /proc/cpuinfo is not there. */
    static String describe() {
        int cores = Runtime.getRuntime().availableProcessors();
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            String model = field(lines, "model name");
            String mhz = field(lines, "cpu MHz");
            String clock = mhz.isEmpty() ? "" : String.format(Locale.ROOT, ", %.0f MHz", Double.parseDouble(mhz));
            return (model.isEmpty() ? System.getProperty("os.arch") : model) + clock + ", " + cores + " cores";
        } catch (IOException | NumberFormatException e) {
            return System.getProperty("os.arch") + ", " + cores + " cores";
        }
    }

    private static String field(List<String> lines, String name) {
        for (String line : lines) {
            if (line.startsWith(name)) return line.substring(line.indexOf(':') + 1).strip();
        }
        return "";
    }
}
