package myelin.passes.threshold;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import myelin.ir.logic.CellLibrary;
import myelin.ir.logic.GateNetlist;

/**
 * Collects the cells of one gate: signals {@code [0, inputs)} are the gate's inputs, then one
 * per cell. Constant inputs are folded into a cell's threshold; a cell left with no input is
 * a constant, not a cell. Every cell is checked against the library.
 */
final class CellBuilder {
    /** A signal that is always false or always true. */
    static final int FALSE = -1;
    static final int TRUE = -2;

    private final CellLibrary library;
    private final int inputs;
    private final List<GateNetlist.Cell> cells = new ArrayList<>();
    private final List<Integer> depth = new ArrayList<>();
    private final Map<Integer, Integer> complements = new HashMap<>();

    CellBuilder(CellLibrary library, int inputs) {
        this.library = library;
        this.inputs = inputs;
        for (int i = 0; i < inputs; i++) depth.add(0);
    }

    List<GateNetlist.Cell> cells() {
        return cells;
    }

    int inputs() {
        return inputs;
    }

    int depth(int signal) {
        return signal < 0 ? 0 : depth.get(signal);
    }

    /** {@code [sum w_i s_i >= threshold]}, constants folded. */
    int cell(int[] signals, int[] weights, long threshold) {
        List<Integer> in = new ArrayList<>();
        List<Integer> w = new ArrayList<>();
        for (int i = 0; i < signals.length; i++) {
            if (signals[i] == TRUE) threshold -= weights[i];
            else if (signals[i] != FALSE && weights[i] != 0) {
                in.add(signals[i]);
                w.add(weights[i]);
            }
        }
        if (in.isEmpty()) return threshold <= 0 ? TRUE : FALSE;
        int[] is = in.stream().mapToInt(Integer::intValue).toArray();
        int[] ws = w.stream().mapToInt(Integer::intValue).toArray();
        if (!library.fits(ws, threshold)) {
            throw new IllegalStateException("cell " + java.util.Arrays.toString(ws) + " >= " + threshold + " does not fit " + library.name());
        }
        cells.add(new GateNetlist.Cell(is, ws, threshold));
        int d = 0;
        for (int s : is) d = Math.max(d, depth(s));
        depth.add(d + 1);
        return inputs + cells.size() - 1;
    }

    /** NOT s: {@code [-s >= 0]}, one cell per signal however often it is asked for. */
    int not(int signal) {
        if (signal == TRUE) return FALSE;
        if (signal == FALSE) return TRUE;
        Integer known = complements.get(signal);
        if (known != null) return known;
        int c = cell(new int[] {signal}, new int[] {-1}, 0);
        complements.put(signal, c);
        return c;
    }

    /** A constant as a cell with no inputs: what an output reads when its gate is constant. */
    int materialise(int signal) {
        if (signal >= 0) return signal;
        cells.add(new GateNetlist.Cell(new int[0], new int[0], signal == TRUE ? 0 : 1));
        depth.add(1);
        return inputs + cells.size() - 1;
    }
}
