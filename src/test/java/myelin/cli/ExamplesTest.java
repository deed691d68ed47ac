package myelin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The bundled examples compile; every file in examples/bad fails with exactly the errors it names. */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of("examples");
    private static final Pattern DIAGNOSTIC = Pattern.compile("^\\S+:\\d+:\\d+: error: .+$");

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".snn")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> examplesCompile() throws IOException {
        return files(EXAMPLES).stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
            CliRunner r = CliRunner.run("check", f.toString());
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().contains(": ok: network"), r.out());
        }));
    }

    @TestFactory
    Stream<DynamicTest> badExamplesFailWithTheirErrors() throws IOException {
        return files(EXAMPLES.resolve("bad")).stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
            List<String> expected = Files.readAllLines(f).stream()
                    .map(l -> Pattern.compile("^// expect: (.*)$").matcher(l))
                    .filter(Matcher::matches).map(m -> "examples/bad/" + m.group(1)).toList();
            assertFalse(expected.isEmpty(), f + " has no // expect: lines");
            CliRunner r = CliRunner.run("check", f.toString());
            assertEquals(1, r.exitCode(), r.err());
            assertNoStackTrace(r);
            List<String> diagnostics = r.err().lines().filter(l -> !l.startsWith(" ") && !l.matches("\\d+ errors")).toList();
            diagnostics.forEach(l -> assertTrue(DIAGNOSTIC.matcher(l).matches(), "not a path:line:col: error: line: " + l));
            assertEquals(expected, diagnostics);
        }));
    }

    static void assertNoStackTrace(CliRunner r) {
        String all = r.out() + r.err();
        assertFalse(all.contains("Exception") || all.contains("\tat ") || all.contains("internal error"), all);
    }

    @Test
    void cubaExpandsToAbout320kSynapsesTheSameEveryTime() {
        CliRunner first = CliRunner.run("ir", "examples/cuba.snn", "--expand");
        CliRunner second = CliRunner.run("ir", "examples/cuba.snn", "--expand", "--threads", "1");
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(first.out(), second.out());
        assertTrue(first.out().contains("population E : cuba_cell [3200]"), first.out());
        assertTrue(first.out().contains("population I : cuba_cell [800]"), first.out());
        Matcher m = Pattern.compile("// neurons: 4000, sources: 0, synapses: (\\d+)").matcher(first.out());
        assertTrue(m.find(), first.out());
        long synapses = Long.parseLong(m.group(1));
        // 4000 x 4000 x 0.02 = 320,000; the binomial sd is about 560.
        assertTrue(Math.abs(synapses - 320_000) < 3_000, "synapses: " + synapses);
    }
}
