package myelin.ir.integer;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An integer model as one line of text, and back: {@code lif dv=390 current_decays=[742]
 * threshold=4096 reset=-2048 refractory=2}. The quantized and encoded stages print their
 * models with it, and the encoded stage's reader parses them.
 */
public final class IntModelText {
    private IntModelText() {}

    public static String print(IntModel m) {
        return switch (m.kind()) {
            case LIF, LI -> {
                IntModel.Lif l = (IntModel.Lif) m;
                yield (l.spikes() ? "lif" : "li") + " dv=" + l.dv() + " current_decays=" + Arrays.toString(l.currentDecays())
                        + (l.spikes() ? " threshold=" + l.threshold() + " reset=" + l.reset() + (l.subtractReset() ? " subtract" : "")
                        + " refractory=" + l.refractorySteps() : "");
            }
            case IF -> {
                IntModel.IntegrateAndFire f = (IntModel.IntegrateAndFire) m;
                yield "if threshold=" + f.threshold() + " reset=" + f.reset() + (f.subtractReset() ? " subtract" : "")
                        + " refractory=" + f.refractorySteps();
            }
            case THRESHOLD_GATE -> "gate threshold=" + ((IntModel.Gate) m).threshold();
            case POISSON -> "poisson cdf=" + Arrays.toString(((IntModel.Poisson) m).cdf());
            case SPIKE_ARRAY -> {
                IntModel.SpikeArray s = (IntModel.SpikeArray) m;
                StringBuilder b = new StringBuilder("spike_array spikes=[");
                for (int i = 0; i < s.steps().length; i++) b.append(i > 0 ? ", " : "").append(s.neurons()[i]).append('@').append(s.steps()[i]);
                yield b.append(']').toString();
            }
        };
    }

    /** Parses what {@link #print} writes; a malformed line is an {@link IllegalArgumentException} saying what is wrong. */
    public static IntModel parse(String text) {
        String[] head = text.strip().split(" ", 2);
        Map<String, String> fields = fields(head.length > 1 ? head[1] : "");
        return switch (head[0]) {
            case "lif", "li" -> {
                boolean spikes = head[0].equals("lif");
                expect(fields, spikes ? Set.of("dv", "current_decays", "threshold", "reset", "subtract", "refractory")
                        : Set.of("dv", "current_decays"));
                yield new IntModel.Lif(integer(fields, "dv"), ints(fields.get("current_decays")),
                        spikes ? number(fields, "threshold") : 0, spikes ? number(fields, "reset") : 0, fields.containsKey("subtract"),
                        spikes ? integer(fields, "refractory") : 0, spikes);
            }
            case "if" -> {
                expect(fields, Set.of("threshold", "reset", "subtract", "refractory"));
                yield new IntModel.IntegrateAndFire(number(fields, "threshold"), number(fields, "reset"), fields.containsKey("subtract"),
                        integer(fields, "refractory"));
            }
            case "gate" -> {
                expect(fields, Set.of("threshold"));
                yield new IntModel.Gate(number(fields, "threshold"));
            }
            case "poisson" -> {
                expect(fields, Set.of("cdf"));
                yield new IntModel.Poisson(Arrays.stream(items(fields.get("cdf"))).mapToLong(Long::parseLong).toArray());
            }
            case "spike_array" -> {
                expect(fields, Set.of("spikes"));
                String[] spikes = items(fields.get("spikes"));
                int[] steps = new int[spikes.length];
                int[] neurons = new int[spikes.length];
                for (int i = 0; i < spikes.length; i++) {
                    String[] at = spikes[i].split("@");
                    if (at.length != 2) throw new IllegalArgumentException("a spike is neuron@step, not '" + spikes[i] + "'");
                    neurons[i] = Integer.parseInt(at[0]);
                    steps[i] = Integer.parseInt(at[1]);
                }
                yield new IntModel.SpikeArray(steps, neurons);
            }
            default -> throw new IllegalArgumentException("unknown model '" + head[0] + "' (lif, li, if, gate, poisson, spike_array)");
        };
    }

    /** {@code key=value} pairs and bare flags; a value in brackets may hold spaces. */
    private static Map<String, String> fields(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == ' ') {
                i++;
                continue;
            }
            int eq = text.indexOf('=', i);
            int space = text.indexOf(' ', i);
            if (eq < 0 || space >= 0 && space < eq) { // a flag
                int end = space < 0 ? text.length() : space;
                out.put(text.substring(i, end), "");
                i = end;
                continue;
            }
            String key = text.substring(i, eq);
            int end;
            if (eq + 1 < text.length() && text.charAt(eq + 1) == '[') {
                end = text.indexOf(']', eq) + 1;
                if (end == 0) throw new IllegalArgumentException("'" + key + "' has no closing ']'");
            } else {
                end = text.indexOf(' ', eq);
                if (end < 0) end = text.length();
            }
            out.put(key, text.substring(eq + 1, end));
            i = end;
        }
        return out;
    }

    private static void expect(Map<String, String> fields, Set<String> allowed) {
        for (String key : fields.keySet()) {
            if (!allowed.contains(key)) throw new IllegalArgumentException("unexpected field '" + key + "'");
        }
    }

    private static String required(Map<String, String> fields, String key) {
        String v = fields.get(key);
        if (v == null) throw new IllegalArgumentException("missing field '" + key + "'");
        return v;
    }

    private static long number(Map<String, String> fields, String key) {
        return Long.parseLong(required(fields, key));
    }

    private static int integer(Map<String, String> fields, String key) {
        return Integer.parseInt(required(fields, key));
    }

    /** The items of {@code [a, b, c]}. */
    static String[] items(String list) {
        if (list == null || !list.startsWith("[") || !list.endsWith("]")) throw new IllegalArgumentException("expected a [list]");
        String inner = list.substring(1, list.length() - 1).strip();
        return inner.isEmpty() ? new String[0] : inner.split(",\\s*");
    }

    static int[] ints(String list) {
        return Arrays.stream(items(list)).mapToInt(Integer::parseInt).toArray();
    }
}
