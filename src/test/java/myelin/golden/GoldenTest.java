package myelin.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import myelin.frontend.SnnFrontend;
import myelin.ir.diag.Diagnostic;
import myelin.ir.diag.InputException;
import myelin.ir.network.Network;
import myelin.ir.synapses.Expander;
import myelin.ir.text.IrPrinter;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every golden file under src/test/resources/golden/FOLDER/*.snn, one folder per
 * stage or pass. A file holds cases separated by {@code // -----}; its {@code // RUN:} line says
 * what to print ({@code ir}, {@code ir --expand}, or {@code pass NAME [--profile P] [--target T]}
 * for the stage a pass writes, run alone on what the passes before it make, T a built-in
 * target or one of the case's target blocks); {@code CHECK} lines are matched over
 * the output; {@code // expected-error {{message}}} (or {@code expected-error@+N}) marks
 * the errors a case must produce, on the line they belong to. Every case that compiles
 * must also print, parse and print back to the same text.
 */
class GoldenTest {
    static final Path ROOT = Path.of("src/test/resources/golden");
    private static final Pattern EXPECTED_ERROR = Pattern.compile("//\\s*expected-error(?:@([+-]\\d+))?\\s*\\{\\{(.*?)}}");
    private static final Pattern RUN = Pattern.compile("//\\s*RUN:\\s*(.*)$", Pattern.MULTILINE);

    @TestFactory
    Stream<DynamicNode> golden() throws IOException {
        List<DynamicNode> folders = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(ROOT)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                List<DynamicNode> files = new ArrayList<>();
                try (Stream<Path> snn = Files.list(dir)) {
                    for (Path file : snn.filter(p -> p.toString().endsWith(".snn")).sorted().toList()) {
                        files.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), cases(file)));
                    }
                }
                folders.add(DynamicContainer.dynamicContainer(dir.getFileName().toString(), files));
            }
        }
        return folders.stream();
    }

    private static Stream<DynamicTest> cases(Path file) throws IOException {
        String text = Files.readString(file);
        Matcher run = RUN.matcher(text);
        if (!run.find()) throw new AssertionError(file + " has no // RUN: line");
        String mode = run.group(1).strip();
        List<DynamicTest> tests = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int start = 0;
        for (int i = 0; i <= lines.length; i++) {
            if (i == lines.length || lines[i].strip().equals("// -----")) {
                int first = start;
                StringBuilder body = new StringBuilder("\n".repeat(first)); // keep file line numbers
                for (int l = first; l < i; l++) body.append(lines[l]).append('\n');
                String caseText = body.toString();
                tests.add(DynamicTest.dynamicTest("case at line " + (first + 1), () -> runCase(file, mode, caseText)));
                start = i + 1;
            }
        }
        return tests.stream();
    }

    private static void runCase(Path file, String mode, String text) {
        List<String> expected = expectedErrors(file, text);
        if (!expected.isEmpty()) {
            InputException e = assertThrows(InputException.class, () -> SnnFrontend.parse(file.toString(), text),
                    "expected errors but the case compiled");
            List<String> actual = e.diagnostics().stream().filter(Diagnostic::isError)
                    .map(d -> d.location().line() + ": " + d.message()).toList();
            assertEquals(new TreeSet<>(expected), new TreeSet<>(actual), "errors of " + file);
            return;
        }
        Network net;
        try {
            net = SnnFrontend.parse(file.toString(), text);
        } catch (InputException e) {
            fail("unexpected errors:\n" + String.join("\n", e.diagnostics().stream().map(Diagnostic::toString).toList()));
            return;
        }
        String output = print(net, mode);
        FileCheck.check(FileCheck.directives(text), output);
        String ir = IrPrinter.print(net);
        assertEquals(ir, IrPrinter.print(SnnFrontend.parse(file + ".printed", ir)), "printing, parsing and printing again changed the text");
    }

    static String print(Network net, String mode) {
        return switch (mode) {
            case "ir" -> IrPrinter.print(net);
            case "ir --expand" -> {
                var counts = new java.util.LinkedHashMap<String, Long>();
                Expander.sequential().expand(net).tables().forEach(t -> counts.put(t.projection(), (long) t.size()));
                yield IrPrinter.print(net, counts);
            }
            default -> {
                if (!mode.startsWith("pass ")) throw new AssertionError("unknown RUN mode: " + mode);
                yield runPass(net, mode.substring(5).strip());
            }
        };
    }

    /**
     * {@code pass NAME [--profile loihi]}: runs the simulate pipeline's passes before NAME to
     * make its input, then NAME alone, and prints the stage it writes (a quantize case adds
     * the report, an encode case the weight table). A stage with a reader must parse its text back to the same text.
     */
    private static String runPass(Network net, String spec) {
        String[] words = spec.split("\\s+");
        var target = myelin.ir.target.TargetSpec.SIMULATION;
        for (int i = 1; i + 1 < words.length; i += 2) {
            String value = words[i + 1];
            switch (words[i]) {
                case "--profile" -> target = target.withProfile(myelin.ir.integer.Profile.named(value).orElseThrow());
                case "--target" -> target = net.targets().stream().filter(t -> t.name().equals(value)).findFirst()
                        .map(t -> myelin.ir.target.TargetSpecReader.read(t).spec())
                        .or(() -> myelin.ir.target.TargetSpec.builtIn(value)).orElseThrow(() -> new AssertionError("no target " + value));
                default -> throw new AssertionError("unknown option " + words[i]);
            }
        }
        var all = myelin.passes.Pipeline.MAP.passes(target);
        int at = all.stream().map(p -> p.info().name()).toList().indexOf(words[0]);
        if (at < 0) throw new AssertionError("no pass " + words[0]);
        var manager = myelin.passes.PassManager.plain();
        var before = manager.run(all.subList(0, at), myelin.passes.CompilationUnit.of(net)).unit();
        var pass = all.get(at);
        var unit = new myelin.passes.PassManager(true, java.util.Set.of(), (p, s, t) -> { }).run(List.of(pass), before).unit();
        String text = printStage(unit, pass.info().writes());
        if (pass.info().writes() == myelin.passes.Stages.QUANTIZED) {
            text += myelin.ir.integer.QuantizedPrinter.report(unit.require(myelin.passes.Stages.QUANTIZED));
        }
        if (pass.info().writes() == myelin.passes.Stages.ENCODED) {
            text += myelin.ir.encoded.EncodedPrinter.weightReport(unit.require(myelin.passes.Stages.ENCODED));
        }
        return text;
    }

    private static <T> String printStage(myelin.passes.CompilationUnit unit, myelin.passes.Stage<T> stage) {
        String text = stage.print(unit.require(stage));
        stage.reader().ifPresent(reader -> assertEquals(text, stage.print(reader.read("<printed>", text)),
                "the " + stage + " stage's text did not parse back to the same text"));
        return text;
    }

    private static List<String> expectedErrors(Path file, String text) {
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = EXPECTED_ERROR.matcher(lines[i]);
            while (m.find()) {
                int offset = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
                out.add((i + 1 + offset) + ": " + m.group(2));
            }
        }
        return out;
    }
}
