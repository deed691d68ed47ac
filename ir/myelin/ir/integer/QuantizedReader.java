package myelin.ir.integer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import myelin.ir.diag.InputException;
import myelin.ir.diag.SourceLocation;

/**
 * Parses the text {@link QuantizedPrinter#print} writes (comments after {@code //} are
 * ignored). The quantization report is not part of the stage's text: a parsed stage has
 * an empty one.
 */
public final class QuantizedReader {
    private static final Pattern HEADER = Pattern.compile("quantized (\\S+) profile=(\\S+) timestep=(\\S+) \\{");
    private static final Pattern POPULATION = Pattern.compile("population (\\S+) \\[(\\d+)] (.+)");
    private static final Pattern SCALES = Pattern.compile("v_rest=(\\S+) state_scale=(\\S+) current_scales=(\\[.*])");
    private static final Pattern PROJECTION = Pattern.compile(
            "projection (\\S+) : (\\S+) -> (\\S+) channel=(\\d+) exponent=(\\d+) scale=(\\S+)(?: post_exponents=(\\[.*]))?");

    private QuantizedReader() {}

    public static QuantizedNetwork read(String path, String text) {
        String[] lines = text.split("\n", -1);
        Header header = null;
        List<QuantizedNetwork.Population> populations = new ArrayList<>();
        List<QuantizedNetwork.Projection> projections = new ArrayList<>();
        boolean closed = false;
        for (int i = 0; i < lines.length; i++) {
            String line = strip(lines[i]);
            if (line.isEmpty()) continue;
            SourceLocation at = new SourceLocation(path, i + 1, 1);
            try {
                if (closed) throw new IllegalArgumentException("text after the closing '}'");
                Matcher m;
                if (header == null) {
                    if (!(m = HEADER.matcher(line)).matches()) throw new IllegalArgumentException("expected 'quantized NAME profile=P timestep=S {'");
                    Profile profile = Profile.named(m.group(2)).orElseThrow(() -> new IllegalArgumentException("unknown profile"));
                    header = new Header(m.group(1), profile, Double.parseDouble(m.group(3)));
                } else if (line.equals("}")) {
                    closed = true;
                } else if ((m = POPULATION.matcher(line)).matches()) {
                    populations.add(new QuantizedNetwork.Population(m.group(1), Integer.parseInt(m.group(2)),
                            IntModelText.parse(m.group(3)), 0, 0, new double[0]));
                } else if ((m = SCALES.matcher(line)).matches()) {
                    var last = last(populations);
                    double[] scales = Arrays.stream(IntModelText.items(m.group(3))).mapToDouble(Double::parseDouble).toArray();
                    populations.set(populations.size() - 1, new QuantizedNetwork.Population(last.name(), last.size(), last.model(),
                            Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), scales, last.bias()));
                } else if (line.startsWith("bias ")) {
                    var last = last(populations);
                    populations.set(populations.size() - 1, last.withBias(IntModelText.ints(line.substring(5).strip())));
                } else if ((m = PROJECTION.matcher(line)).matches()) {
                    projections.add(new QuantizedNetwork.Projection(m.group(1), m.group(2), m.group(3), Integer.parseInt(m.group(4)),
                            Double.parseDouble(m.group(6)), Integer.parseInt(m.group(5)),
                            m.group(7) == null ? new int[0] : IntModelText.ints(m.group(7))));
                } else {
                    throw new IllegalArgumentException("expected 'population', 'projection' or '}'");
                }
            } catch (IllegalArgumentException e) { // NumberFormatException included
                throw InputException.of(at, e.getMessage());
            }
        }
        if (header == null || !closed) throw InputException.of(new SourceLocation(path, lines.length, 1), "missing '}' at the end");
        return new QuantizedNetwork(header.name, header.timestep, header.profile, populations, projections,
                new QuantizationReport(List.of(), List.of(), List.of()));
    }

    private record Header(String name, Profile profile, double timestep) {}

    private static String strip(String line) {
        int comment = line.indexOf("//");
        return (comment < 0 ? line : line.substring(0, comment)).strip();
    }

    private static QuantizedNetwork.Population last(List<QuantizedNetwork.Population> populations) {
        if (populations.isEmpty()) throw new IllegalArgumentException("scales and bias belong to the population above them");
        return populations.get(populations.size() - 1);
    }
}
