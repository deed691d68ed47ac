package myelin.ir.network;

import java.util.List;
import java.util.Map;

/** A group of identical neurons; neurons are numbered row-major over the shape. */
public record Population(String name, String model, List<Integer> shape, Map<String, Distribution> initialValues) {
    public Population {
        shape = List.copyOf(shape);
        initialValues = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(initialValues));
    }

    public int size() {
        long n = 1;
        for (int d : shape) n *= d;
        return (int) n;
    }
}
