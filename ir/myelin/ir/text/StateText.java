package myelin.ir.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import myelin.ir.network.NeuronModel;

/**
 * The lines under a population or core that give its input channels, bias and initial
 * state, printed by the encoded and hardware stages and read back by their readers:
 *
 * <pre>
 *     currents [e, i]
 *     bias [...]
 *     init v [...]
 *     init i_e [...]
 * </pre>
 */
public final class StateText {
    /** Array values printed when summarising. */
    static final int SUMMARY_VALUES = 16;

    /** @param initialCurrents per channel, each neuron's initial current, or an empty array */
    public record State(List<String> currents, int[] bias, int[] initialV, int[][] initialCurrents) {}

    private StateText() {}

    public static void print(StringBuilder out, List<String> currents, int[] bias, int[] initialV, int[][] initialCurrents, boolean full) {
        if (!currents.isEmpty()) out.append("    currents [").append(String.join(", ", currents)).append("]\n");
        if (bias.length > 0) out.append("    bias ").append(values(bias, full)).append('\n');
        if (initialV.length > 0) out.append("    init v ").append(values(initialV, full)).append('\n');
        for (int c = 0; c < initialCurrents.length; c++) {
            if (initialCurrents[c].length > 0) {
                out.append("    init ").append(NeuronModel.currentVariable(currents.get(c))).append(' ')
                        .append(values(initialCurrents[c], full)).append('\n');
            }
        }
    }

    /** All values, or the first ones and a count of the rest. */
    public static String values(int[] values, boolean full) {
        if (full || values.length <= SUMMARY_VALUES) return Arrays.toString(values);
        String head = Arrays.toString(Arrays.copyOf(values, SUMMARY_VALUES));
        return head.substring(0, head.length() - 1) + ", ... " + (values.length - SUMMARY_VALUES) + " more]";
    }

    /** Reads the state lines that follow a population or core of {@code size} neurons. */
    public static State read(LineReader in, int size, String owner) {
        List<String> currents = List.of();
        int[] bias = new int[0];
        int[] v = new int[0];
        List<int[]> initial = new ArrayList<>();
        while (true) {
            String line = in.peek();
            if (line.startsWith("currents ")) {
                currents = List.of(in.list(line.substring("currents ".length())));
                for (int c = 0; c < currents.size(); c++) initial.add(new int[0]);
            } else if (line.startsWith("bias ")) {
                bias = in.ints(line.substring("bias ".length()), size);
            } else if (line.startsWith("init v ")) {
                v = in.ints(line.substring("init v ".length()), size);
            } else if (line.startsWith("init i_")) {
                String[] parts = line.substring("init i_".length()).split(" ", 2);
                int c = currents.indexOf(parts[0]);
                if (c < 0 || parts.length < 2) throw in.error("no current '" + parts[0] + "' in " + owner);
                initial.set(c, in.ints(parts[1], size));
            } else {
                return new State(currents, bias, v, initial.toArray(new int[0][]));
            }
            in.advance();
        }
    }
}
