package myelin.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import myelin.api.Simulation;
import myelin.api.SpikeRecord;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions for simulation regression tests: spikes equal to a golden file (with the first
 * differing spike and the counts per population when they are not), and a bound on the
 * quantization loss against the float model.
 */
public final class MyelinAssertions {
    /** Set this system property (-Dmyelin.record) to (re)record golden files instead of comparing with them. */
    public static final String RECORD = "myelin.record";

    private MyelinAssertions() {}

    /** Fails unless both records hold the same spikes over the same steps. */
    public static void assertSpikesEqual(SpikeRecord expected, SpikeRecord actual) {
        actual.differenceFrom(expected, "expected", "actual").ifPresent(text -> {
            throw new AssertionFailedError(actual.network() + ": spikes differ: " + text, expected.counts(), actual.counts());
        });
    }

    /**
     * Runs the simulation for {@code steps} steps on the integer engine and fails unless its spikes
     * equal the golden file's; with {@code -Dmyelin.record} writes the golden file instead.
     *
     * @return the spikes of this run
     */
    public static SpikeRecord assertMatchesGolden(Simulation simulation, int steps, Path golden) {
        SpikeRecord actual = simulation.run(steps);
        if (recording()) {
            write(actual, golden);
            return actual;
        }
        if (!Files.exists(golden)) {
            throw new AssertionFailedError(golden + ": no golden spike file; record it with -D" + RECORD);
        }
        SpikeRecord expected = simulation.golden(golden);
        actual.differenceFrom(expected, "golden", "now").ifPresent(text -> {
            throw new AssertionFailedError(simulation.file() + ": spikes differ from " + golden + ": " + text, expected.counts(), actual.counts());
        });
        return actual;
    }

    /**
     * Fails when the quantization loss (the relative squared van Rossum distance between the
     * integer engine and the float step model on the simulation's input) exceeds {@code bound}.
     *
     * @return the loss
     */
    public static double assertQuantizationLossAtMost(Simulation simulation, int steps, double bound) {
        double loss = simulation.quantizationLoss(steps);
        if (!(loss <= bound)) {
            throw new AssertionFailedError(String.format(Locale.ROOT, "%s: quantization loss %.4g over %d steps exceeds the bound %.4g "
                    + "(relative squared van Rossum distance, integer engine vs float step model)", simulation.file(), loss, steps, bound));
        }
        return loss;
    }

    private static boolean recording() {
        String value = System.getProperty(RECORD);
        return value != null && !value.equals("false");
    }

    private static void write(SpikeRecord record, Path golden) {
        try {
            record.write(golden);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + golden, e);
        }
    }
}
