package myelin.ir.network;

import java.util.List;
import java.util.Map;

/**
 * A group of identical neurons; neurons are numbered row-major over the shape.
 * {@code bias} is empty or holds one constant input per neuron (docs/semantics.md): for
 * LIF and LI the level (volts above v_rest) it adds to the drive of v, for IF an increment
 * of v per step.
 */
public record Population(String name, String model, List<Integer> shape, Map<String, Distribution> initialValues,
                         List<Double> bias) {
    public Population {
        shape = List.copyOf(shape);
        initialValues = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(initialValues));
        bias = List.copyOf(bias);
    }

    public Population(String name, String model, List<Integer> shape, Map<String, Distribution> initialValues) {
        this(name, model, shape, initialValues, List.of());
    }

    public int size() {
        long n = 1;
        for (int d : shape) n *= d;
        return (int) n;
    }

    public boolean hasBias() {
        return !bias.isEmpty();
    }
}
