package myelin.ir.logic;

import java.util.List;

/**
 * A network of threshold-logic cells that computes, each timestep, every threshold gate of a
 * network from the spikes of earlier steps (the gate netlist stage of the hardware IR).
 * Signals are numbered: first the inputs, then one per cell, in order; a cell reads only
 * inputs and earlier cells.
 *
 * @param inputs  the spike of (population, neuron) {@code delay} steps before this one (delay at least 1)
 * @param cells   the cells, in topological order
 * @param outputs each gate neuron's spike of this step: the signal that computes it
 */
public record GateNetlist(String name, String library, List<String> populations, List<Input> inputs, List<Cell> cells,
                          List<Output> outputs) {
    public GateNetlist {
        populations = List.copyOf(populations);
        inputs = List.copyOf(inputs);
        cells = List.copyOf(cells);
        outputs = List.copyOf(outputs);
    }

    public record Input(int population, int neuron, int delay) {}

    /** {@code [sum weights[k] x signal(inputs[k]) >= threshold]}. */
    public record Cell(int[] inputs, int[] weights, long threshold) {
        public int fanIn() {
            return inputs.length;
        }
    }

    public record Output(int population, int neuron, int signal) {}

    public int signals() {
        return inputs.size() + cells.size();
    }

    /** The signal of cell {@code k}. */
    public int cellSignal(int k) {
        return inputs.size() + k;
    }

    /** Cells on the longest path from an input to each signal (inputs 0). */
    public int[] depths() {
        int[] depth = new int[signals()];
        for (int k = 0; k < cells.size(); k++) {
            int d = 0;
            for (int in : cells.get(k).inputs()) d = Math.max(d, depth[in]);
            depth[cellSignal(k)] = d + 1;
        }
        return depth;
    }

    /** Cells on the longest path to any output. */
    public int depth() {
        int[] depth = depths();
        int max = 0;
        for (Output o : outputs) max = Math.max(max, depth[o.signal()]);
        return max;
    }

    /** Every signal's value for one assignment of the inputs. */
    public boolean[] evaluate(boolean[] input) {
        boolean[] value = new boolean[signals()];
        System.arraycopy(input, 0, value, 0, inputs.size());
        for (int k = 0; k < cells.size(); k++) {
            Cell c = cells.get(k);
            long sum = 0;
            for (int i = 0; i < c.inputs().length; i++) if (value[c.inputs()[i]]) sum += c.weights()[i];
            value[cellSignal(k)] = sum >= c.threshold();
        }
        return value;
    }
}
