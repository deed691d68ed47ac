package myelin.frontend.nir;

import java.util.List;
import java.util.Map;

/**
 * The nodes of a NIR graph as the file holds them (NIR 0.1 to 1.0), before lowering.
 * Linear maps and structure have their own records; the neuron types share one record
 * whose {@link NeuronKind} says which parameters it has.
 */
public sealed interface NirNode {

    /** A graph input; {@code shape} as stored (it may include a time axis, see lowering). */
    record Input(int[] shape) implements NirNode {}

    record Output(int[] shape) implements NirNode {}

    /** {@code y = W x + b}, W of shape [out, in]. */
    record Affine(Tensor weight, Tensor bias) implements NirNode {}

    /** {@code y = W x}. */
    record Linear(Tensor weight) implements NirNode {}

    /** {@code y = s * x}, elementwise. */
    record Scale(Tensor scale) implements NirNode {}

    /** Conv1d ({@code dims = 1}) or Conv2d; weight [out, in / groups, k...]; per-axis settings. */
    record Conv(int dims, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation, int groups,
                int[] inputShape) implements NirNode {}

    /** SumPool2d ({@code average = false}) or AvgPool2d. */
    record Pool(boolean average, int[] kernel, int[] stride, int[] padding) implements NirNode {}

    /** Flattens axes start..end (inclusive, negative from the end) of {@code inputShape}. */
    record Flatten(int startDim, int endDim, int[] inputShape) implements NirNode {}

    /** Delays each element by its value in seconds. */
    record Delay(Tensor delay) implements NirNode {}

    /** I, IF, LI, LIF, CubaLI, CubaLIF or Threshold, with the kind's parameters. */
    record Neuron(NeuronKind kind, Map<String, Tensor> parameters) implements NirNode {
        public Neuron {
            parameters = Map.copyOf(parameters);
        }

        public Tensor parameter(String name) {
            return parameters.get(name);
        }

        /** The shape of the layer: that of its first parameter. */
        public int[] shape() {
            return parameters.get(kind.parameters().get(0)).shape();
        }
    }

    /** A graph (the file's root or a nested subgraph); edges run {@code source -> target}. */
    record Graph(Map<String, NirNode> nodes, List<Edge> edges) implements NirNode {
        public Graph {
            nodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodes));
            edges = List.copyOf(edges);
        }
    }

    record Edge(String source, String target) {
        @Override
        public String toString() {
            return source + " -> " + target;
        }
    }

    /** The NIR type name, as written in files. */
    static String typeName(NirNode node) {
        if (node instanceof Conv c) return "Conv" + c.dims() + "d";
        if (node instanceof Pool p) return p.average() ? "AvgPool2d" : "SumPool2d";
        if (node instanceof Neuron n) return n.kind().typeName();
        if (node instanceof Graph) return "NIRGraph";
        return node.getClass().getSimpleName();
    }
}
