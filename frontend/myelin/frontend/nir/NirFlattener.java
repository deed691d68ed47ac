package myelin.frontend.nir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import myelin.ir.diag.InputException;
import myelin.ir.diag.Suggestions;

/**
 * Inlines nested NIRGraphs: node {@code x} of subgraph {@code g} becomes {@code g.x}, and
 * edges into or out of {@code g} are rewired through its Input and Output nodes, which then
 * disappear. Older writers flatten a subgraph themselves into dotted names ({@code g.input},
 * {@code g.lif}, {@code g.output}) and still name {@code g} in edges: such an edge goes
 * through {@code g}'s Input or Output node alike. Checks that every edge names a node of its
 * graph, and records each subgraph Input's declared shape with what feeds it, for the
 * lowering to check once shapes are known.
 */
final class NirFlattener {
    private final Function<String, InputException> error;
    private final Map<String, NirNode> nodes = new LinkedHashMap<>();
    private final List<NirNode.Edge> edges = new ArrayList<>();
    /** Inner Input/Output nodes of subgraphs: identities removed after inlining. */
    private final Set<String> passThrough = new LinkedHashSet<>();
    private final List<PortShape> ports = new ArrayList<>();

    /** A subgraph's Input node, the shape it declares, and a node whose output reaches it. */
    record PortShape(String port, int[] declared, String producer) {}

    /** The flat graph, and the subgraph Inputs' shapes to check. */
    record Flat(NirNode.Graph graph, List<PortShape> ports) {}

    private NirFlattener(Function<String, InputException> error) {
        this.error = error;
    }

    static Flat flatten(NirNode.Graph root, Function<String, InputException> error) {
        NirFlattener f = new NirFlattener(error);
        f.inline(root, "", null);
        f.removePassThrough();
        return new Flat(new NirNode.Graph(f.nodes, f.edges), f.ports);
    }

    private void inline(NirNode.Graph graph, String prefix, String graphName) {
        for (var e : graph.nodes().entrySet()) {
            String name = prefix + e.getKey();
            if (e.getValue() instanceof NirNode.Graph sub) {
                inline(sub, name + ".", name);
            } else {
                nodes.put(name, e.getValue());
                if (graphName != null && (e.getValue() instanceof NirNode.Input || e.getValue() instanceof NirNode.Output)) {
                    passThrough.add(name);
                }
            }
        }
        for (NirNode.Edge edge : graph.edges()) {
            String source = endpoint(graph, prefix, graphName, edge, edge.source(), NirNode.Output.class);
            String target = endpoint(graph, prefix, graphName, edge, edge.target(), NirNode.Input.class);
            edges.add(new NirNode.Edge(source, target));
        }
    }

    /** The flat name an edge end refers to; a subgraph stands for its one Input (as target) or Output (as source). */
    private String endpoint(NirNode.Graph graph, String prefix, String graphName, NirNode.Edge edge, String name,
                            Class<? extends NirNode> port) {
        NirNode node = graph.nodes().get(name);
        if (node instanceof NirNode.Graph sub) {
            List<String> ports = sub.nodes().entrySet().stream().filter(e -> port.isInstance(e.getValue())).map(Map.Entry::getKey).toList();
            if (ports.size() != 1) {
                throw error.apply(where(graphName) + "edge " + edge + ": subgraph '" + prefix + name + "' has "
                        + ports.size() + " " + port.getSimpleName() + " nodes; name one as '" + name + ".<node>'");
            }
            return prefix + name + "." + ports.get(0);
        }
        if (node != null || nodes.containsKey(prefix + name)) return prefix + name;
        List<String> dotted = graph.nodes().entrySet().stream()
                .filter(e -> e.getKey().startsWith(name + ".") && port.isInstance(e.getValue())).map(Map.Entry::getKey).toList();
        if (dotted.size() == 1) {
            passThrough.add(prefix + dotted.get(0)); // an already flattened subgraph's port
            return prefix + dotted.get(0);
        }
        throw error.apply(where(graphName) + "edge " + edge + " names a node '" + name + "' that does not exist"
                + Suggestions.didYouMean(name, graph.nodes().keySet()) + " (nodes: " + String.join(", ", graph.nodes().keySet()) + ")");
    }

    private static String where(String graphName) {
        return graphName == null ? "" : "subgraph '" + graphName + "': ";
    }

    private void removePassThrough() {
        for (String p : passThrough) {
            List<String> into = edges.stream().filter(e -> e.target().equals(p)).map(NirNode.Edge::source).toList();
            List<String> out = edges.stream().filter(e -> e.source().equals(p)).map(NirNode.Edge::target).toList();
            if (nodes.get(p) instanceof NirNode.Input in) {
                for (String a : into) if (!passThrough.contains(a)) ports.add(new PortShape(p, in.shape(), a));
            }
            edges.removeIf(e -> e.source().equals(p) || e.target().equals(p));
            for (String a : into) for (String b : out) edges.add(new NirNode.Edge(a, b));
            nodes.remove(p);
        }
    }
}
