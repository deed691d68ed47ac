package myelin.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import myelin.ir.diag.Diagnostic;
import myelin.ir.diag.InputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The specification of error messages: each input (a network body, unless it starts with
 * "!" for a whole file) and every diagnostic it must produce, exactly.
 */
class BadInputTest {
    private static final String HEAD = "network t {\n  timestep = 0.1 ms;\n";

    static Stream<Arguments> table() {
        return Stream.of(
                row("  seed = 1.5;", "3:10: 'seed' needs a whole number, got 1.5"),
                row("  population p : lif [0] { tau_m = 1 ms; v_threshold = 1 mV; }", "3:23: 'population size' must be between 1 and 2147483639, got 0"),
                row("  population p : poisson [65536, 65536] { rate = 1 Hz; }", "3:27: population 'p' has more than 2147483639 neurons"),
                row("  population p : poisson [1] { rate = -1 Hz; }", "3:14: model 'p': rate must not be negative, got -1Hz"),
                row("  population p : poisson [1] { rate = 1 Hz; init v = 0 mV; }", "3:50: model 'p' has no state variable 'v' (it has none)"),
                row("  population p : lif [1] { tau_m = 1 ms; v_threshold = 1 mV; init u = 0 mV; }", "3:67: model 'p' has no state variable 'u' (it has v)"),
                row("  population p : spike_array [2] { spikes = [0 @ 1 ms, 5 @ 2 ms]; }", "3:14: population 'p': spike for neuron 5 but the population has 2 neurons"),
                row("  population p : spike_array [2] { spikes = [0 @ 1 mV]; }", "3:50: unit mismatch: 'spike time' expects a time (e.g. ms), but mV is a voltage"),
                row("  population p : spike_array [2] { spikes = [1 ms]; }", "3:46: a spike is written 'neuron @ time', got '1 ms'"),
                row("  population p : spike_array [2] { spikes = file(\"missing.csv\"); }", "3:45: cannot read 'missing.csv': no such file"),
                row("  population p : lif [1] { tau_m = 1 ms; v_threshold = 1 mV; init v = gauss(0 mV, 1 mV); }",
                        "3:71: unknown distribution 'gauss' (known: uniform, normal)"),
                row("  population p : lif [1] { tau_m = 1 ms; v_threshold = 1 mV; init v = normal(0 mV, 1 mV, 2 mV); }",
                        "3:71: normal takes (mean, sd) or (mean, sd, low, high)"),
                row("  population p : lif [1] { tau_m = 1 ms; v_threshold = 1 mV; init v = uniform(2 mV, 1 mV); }",
                        "3:14: population 'p': initial v: uniform low must not exceed high"),
                row("  population a : poisson [4] { rate = 1 Hz; }\n  population b : if [4] { v_threshold = 1 mV; }\n"
                        + "  projection a -> b : all_to_all { weight = 1 mV; delay = uniform(0 ms, 1 ms); }",
                        "5:3: projection 'a_to_b': the lowest delay (0ms) is shorter than one timestep (0.1ms)"),
                row("  population a : poisson [4] { rate = 1 Hz; }\n  population b : if [4] { v_threshold = 1 mV; }\n"
                        + "  projection a -> b : all_to_all { weight = 1 mV; delay = normal(1 ms, 1 ms); }",
                        "5:3: projection 'a_to_b': the lowest delay (-Infinity) is shorter than one timestep (0.1ms)"
                                + " (clip the normal: normal(mean, sd, low, high))"),
                row("  population a : poisson [4] { rate = 1 Hz; }\n  population b : if [4] { v_threshold = 1 mV; }\n"
                        + "  projection a -> b : all_to_all { weight = 1 mV; autapses = maybe; }",
                        "5:62: 'autapses' needs true or false, got the name 'maybe'"),
                row("  population a : poisson [4] { rate = 1 Hz; }\n  population b : if [4] { v_threshold = 1 mV; }\n"
                        + "  projection a -> b : all_to_all;",
                        "5:14: projection 'a_to_b' needs 'weight = ...;' (a voltage (e.g. mV))"),
                row("  population a : poisson [4] { rate = 1 Hz; }\n  population b : if [4] { v_threshold = 1 mV; }\n"
                        + "  projection a -> b : list { weight = 1 mV; }",
                        "5:23: a list projection needs 'connections = [...]' or 'connections = file(\"...\")'"),
                row("  population a : poisson [4] { rate = 1 Hz; }\n  population b : if [4] { v_threshold = 1 mV; }\n"
                        + "  projection a -> b : list { weight = 1 mV; connections = [(0, 1, 2, 3, 4)]; }",
                        "5:60: a connection is written (pre, post[, weight[, delay]]), got a tuple"),
                row("  population a : spike_array [4, 4];\n  population b : if [4, 4] { v_threshold = 1 mV; }\n"
                        + "  projection a -> b : conv2d { weight = 1 mV; kernel = [[1, 2], [3]]; }",
                        "5:65: ragged kernel: expected 2 values at depth 2, got 1"),
                row("  population a : spike_array [4, 4];\n  population b : if [3, 3] { v_threshold = 1 mV; }\n"
                        + "  projection a -> b : conv2d { weight = uniform(1 mV, 2 mV); kernel = [[1, 2], [3, 4]]; }",
                        "5:3: projection 'a_to_b': conv2d scales its kernel by the weight, which must be a constant"),
                row("  population a : spike_array [2, 4, 4];\n  population b : if [3, 3] { v_threshold = 1 mV; }\n"
                        + "  projection a -> b : conv2d { weight = 1 mV; kernel = [[1, 2], [3, 4]]; }",
                        "5:3: projection 'a_to_b': kernel has 1 input channels but the pre population shape [2, 4, 4] has 2"),
                row("  record nobody : spikes;", "3:10: unknown population 'nobody'"),
                row("  target t { clock = 100 MHz; clock2 = 3 furlongs; }", "3:40: unknown unit 'furlongs'"),
                row("}\nnetwork u {\n  timestep = 1 ms;", "4:9: a second network 'u'; only one network is allowed (the first is 't' at <input>:1:9)"),
                row("!network t { seed = 1; }", "1:9: network 't' needs 'timestep = ...;' (e.g. 0.1 ms)"),
                row("!network t { timestep = 1 ms; } include \"nothing.snn\";", "1:40: cannot read 'nothing.snn': no such file"),
                row("!network t { timestep = 1 ms;", "1:29: unexpected end of file, expecting '}' or a name"),
                row("!network t { timestep = \"1 ms\"; }", "1:24: 'timestep' needs a time (e.g. ms), got a string"),
                row("!network 3 { }", "1:9: unexpected '3', expecting a name"));
    }

    private static Arguments row(String input, String... expected) {
        String text = input.startsWith("!") ? input.substring(1) : HEAD + input + "\n}\n";
        return Arguments.of(text, List.of(expected));
    }

    @ParameterizedTest
    @MethodSource("table")
    void reportsExactly(String text, List<String> expected) {
        InputException e = assertThrows(InputException.class, () -> SnnFrontend.parse("<input>", text));
        List<String> actual = e.diagnostics().stream().filter(Diagnostic::isError)
                .map(d -> d.location().line() + ":" + d.location().column() + ": " + d.message()).toList();
        assertEquals(expected, actual, text);
    }
}
