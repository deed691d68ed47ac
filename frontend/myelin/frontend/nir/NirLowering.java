package myelin.frontend.nir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import myelin.ir.diag.InputException;
import myelin.ir.diag.SourceLocation;
import myelin.ir.network.Connector;
import myelin.ir.network.Distribution;
import myelin.ir.network.LoadedNetwork;
import myelin.ir.network.Network;
import myelin.ir.network.SourceMap;
import myelin.ir.network.NetworkVerifier;
import myelin.ir.network.NeuronModel;
import myelin.ir.network.Population;
import myelin.ir.network.Projection;
import myelin.ir.network.Recording;
import myelin.ir.network.ThresholdGate;
import myelin.ir.network.VerifierProblem;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * Lowers a NIR graph to the network IR (docs/nir.md). Neuron nodes and Inputs become
 * populations; every chain of linear nodes between two of them becomes one projection
 * (a 2-D convolution keeps its kernel; other chains are composed exactly into synapse
 * lists); Affine and Conv biases become population biases; Delay nodes become delays;
 * an LI node between neuron layers folds into a synapse type of its targets. Each hop
 * takes one step on hardware where NIR takes none, so delays are added where paths of
 * different depth meet and every population runs a constant number of steps behind NIR.
 */
public final class NirLowering {
    private enum Role { SOURCE, SPIKING, GRADED, FILTER, RELAY, DROPPED, LINEAR }

    /** The largest layer the import takes, and the most synapses one composed connection may have. */
    static final int MAX_LAYER = 1 << 24;
    static final long MAX_COMPOSED_SYNAPSES = 20_000_000L;

    /** A chain from one emitting population to a population, through linear nodes and at most one folded LI. */
    private record Path(String pre, String post, List<LinearOp> ops, String filter) {}

    private final Function<String, InputException> error;
    private final double dt;
    private final NirNode.Graph graph;
    private final Map<String, List<String>> successors = new LinkedHashMap<>();
    private final Map<String, List<String>> predecessors = new LinkedHashMap<>();
    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final Map<String, int[]> shapes = new HashMap<>();
    private final Map<String, int[]> linearOutShapes = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();

    private final String path;
    private final List<NirFlattener.PortShape> ports;

    private NirLowering(NirNode.Graph graph, String path, double dt) {
        this.path = path;
        this.error = message -> InputException.of(SourceLocation.of(path), message);
        NirFlattener.Flat flat = NirFlattener.flatten(graph, error);
        this.graph = flat.graph();
        this.ports = flat.ports();
        this.dt = dt;
    }

    public static LoadedNetwork lower(NirReader.NirFile file, String path, String networkName, double dt) {
        return new NirLowering(file.graph(), path, dt).lower(networkName);
    }

    private LoadedNetwork lower(String networkName) {
        for (String n : graph.nodes().keySet()) {
            successors.put(n, new ArrayList<>());
            predecessors.put(n, new ArrayList<>());
        }
        for (NirNode.Edge e : graph.edges()) {
            successors.get(e.source()).add(e.target());
            predecessors.get(e.target()).add(e.source());
        }
        assignRoles();
        List<Path> paths = new ArrayList<>();
        for (var e : roles.entrySet()) {
            if (e.getValue() == Role.SOURCE || e.getValue() == Role.SPIKING) walk(e.getKey(), e.getKey(), new ArrayList<>(), null, paths, new LinkedHashSet<>());
        }
        inferShapes(paths);
        checkPorts();

        Map<String, Integer> depth = depths(paths);
        paths.sort(java.util.Comparator.comparing((Path p) -> depth.get(p.pre())).thenComparing(p -> depth.get(p.post()))
                .thenComparing(Path::pre).thenComparing(Path::post));
        Map<String, PopulationModels.Layer> layers = layers(paths, depth);
        Map<String, double[]> biases = biases(layers);
        for (PopulationModels.Layer layer : layers.values()) {
            double[] add = layer.thresholdBias();
            if (add == null) continue;
            double[] bias = biases.computeIfAbsent(layer.name(), k -> new double[add.length]);
            for (int i = 0; i < bias.length; i++) bias[i] += add[i];
        }

        List<Projection> projections = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Path p : paths) projections.add(projection(p, layers.get(p.post()), depth, names));
        foldGateScales(layers, projections, biases);

        Map<String, NeuronModel> models = new LinkedHashMap<>();
        List<Population> populations = new ArrayList<>();
        List<Recording> recordings = new ArrayList<>();
        for (var layer : layers.values()) {
            models.put(layer.name(), layer.model());
            double[] bias = biases.get(layer.name());
            populations.add(new Population(layer.name(), layer.name(), Arrays.stream(layer.shape()).boxed().toList(), Map.of(),
                    bias == null ? List.of() : Arrays.stream(bias).boxed().toList()));
            if (roles.get(layer.name()) == Role.GRADED) recordings.add(new Recording(layer.name(), List.of("v")));
        }
        Network network = new Network(networkName, dt, 0, models, populations, projections, recordings, List.of());
        List<VerifierProblem> problems = NetworkVerifier.verify(network);
        if (!problems.isEmpty()) throw error.apply("the lowered network is invalid: " + problems.get(0));
        Map<String, Integer> latency = new LinkedHashMap<>();
        for (String name : layers.keySet()) latency.put(name, depth.getOrDefault(name, 0));
        return new LoadedNetwork(network, SourceMap.of(path), latency, warnings, List.of(java.nio.file.Path.of(path)));
    }

    /** Each threshold layer with real weights: integer weights, and the scales folded into its bias (GateScales). */
    private void foldGateScales(Map<String, PopulationModels.Layer> layers, List<Projection> projections, Map<String, double[]> biases) {
        for (PopulationModels.Layer layer : layers.values()) {
            if (!(layer.model() instanceof ThresholdGate gate)) continue;
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < projections.size(); i++) if (projections.get(i).post().equals(layer.name())) at.add(i);
            List<Projection> into = at.stream().map(projections::get).toList();
            if (GateScales.integral(into)) continue;
            var folded = GateScales.fold(layer.name(), LinearOp.size(layer.shape()), gate.threshold(), into, biases.get(layer.name()), error);
            for (int k = 0; k < at.size(); k++) projections.set(at.get(k), folded.projections().get(k));
            biases.put(layer.name(), folded.bias());
            warnings.add("node '" + layer.name() + "' (Threshold): real weights folded into integer weights and per-neuron biases");
        }
    }

    /** A layer per population, in the order signals flow (by depth, then name), with the LI nodes folded into each. */
    private Map<String, PopulationModels.Layer> layers(List<Path> paths, Map<String, Integer> depth) {
        Map<String, PopulationModels.Layer> layers = new LinkedHashMap<>();
        roles.keySet().stream().filter(n -> isPopulation(roles.get(n)))
                .sorted(java.util.Comparator.comparing((String n) -> depth.getOrDefault(n, 0)).thenComparing(n -> n))
                .forEach(n -> layers.put(n, PopulationModels.layer(n, node(n), shapes.get(n), dt, error)));
        for (Path p : paths) {
            if (p.filter() != null) layers.get(p.post()).addFilter(p.filter(), ((NirNode.Neuron) node(p.filter())).parameter("tau").get(0), error);
        }
        return layers;
    }

    private int[] layerShape(String name, int[] shape) {
        int size = LinearOp.size(shape);
        if (size < 1 || size > MAX_LAYER) {
            throw error.apply("node '" + name + "': shape " + Arrays.toString(shape) + " is outside what the import takes (1 to "
                    + MAX_LAYER + " neurons)");
        }
        return shape;
    }

    private NirNode node(String name) {
        return graph.nodes().get(name);
    }

    private static boolean isPopulation(Role r) {
        return r == Role.SOURCE || r == Role.SPIKING || r == Role.GRADED || r == Role.RELAY;
    }

    private void assignRoles() {
        for (var e : graph.nodes().entrySet()) {
            String name = e.getKey();
            NirNode n = e.getValue();
            Role role = Role.LINEAR;
            if (n instanceof NirNode.Input in) {
                role = Role.SOURCE;
                shapes.put(name, layerShape(name, in.shape()));
            } else if (n instanceof NirNode.Neuron neuron) {
                if (neuron.shape().length > 0) shapes.put(name, layerShape(name, neuron.shape()));
                boolean feedsLayers = successors.get(name).stream().anyMatch(s -> !(node(s) instanceof NirNode.Output));
                if (neuron.kind().spikes()) {
                    role = Role.SPIKING;
                } else if (!feedsLayers) {
                    role = Role.GRADED;
                } else if (neuron.kind() == NeuronKind.LI) {
                    role = Role.FILTER;
                } else {
                    throw error.apply("node '" + name + "' (" + neuron.kind().typeName() + ") feeds '" + successors.get(name).get(0)
                            + "', but it does not spike: Myelin passes spikes between layers, and folds only LI nodes into synapses");
                }
            } else if (n instanceof NirNode.Output) {
                role = Role.DROPPED;
            }
            roles.put(name, role);
        }
        // Outputs: a relay population when fed spikes directly, otherwise (real values) dropped.
        for (var e : roles.entrySet()) {
            if (!(node(e.getKey()) instanceof NirNode.Output)) continue;
            List<String> from = predecessors.get(e.getKey());
            boolean spikes = !from.isEmpty() && from.stream().allMatch(p -> roles.get(p) == Role.SOURCE || roles.get(p) == Role.SPIKING);
            if (spikes) {
                e.setValue(Role.RELAY);
            } else {
                warnings.add("output '" + e.getKey() + "' carries real values (from " + String.join(", ", from)
                        + "), not spikes; it is left out (record a population's state instead)");
            }
        }
        for (var e : roles.entrySet()) {
            if (e.getValue() == Role.FILTER && successors.get(e.getKey()).stream().anyMatch(s -> node(s) instanceof NirNode.Output)) {
                warnings.add("LI node '" + e.getKey() + "' folds into the synapses of the layers it feeds; its direct output is left out");
            }
        }
    }

    /** Depth-first from an emitting population through linear nodes, collecting a path per population reached. */
    private void walk(String from, String at, List<LinearOp> ops, String filter, List<Path> paths, Set<String> onPath) {
        for (String next : successors.get(at)) {
            Role role = roles.get(next);
            switch (role) {
                case SPIKING, GRADED, RELAY -> {
                    if (role == Role.RELAY && (!ops.isEmpty() || filter != null)) throw new IllegalStateException("relay fed through linear nodes");
                    paths.add(new Path(from, next, List.copyOf(ops), filter));
                }
                case DROPPED -> { }
                case SOURCE -> throw error.apply("edge " + at + " -> " + next + " leads into an Input node");
                case FILTER, LINEAR -> {
                    if (!onPath.add(next)) {
                        throw error.apply("node '" + next + "' lies on a cycle of linear nodes with no neuron layer: "
                                + String.join(" -> ", onPath) + " -> " + next);
                    }
                    if (role == Role.FILTER && filter != null) {
                        throw error.apply("LI nodes '" + filter + "' and '" + next + "' follow each other; Myelin folds one LI per connection");
                    }
                    List<LinearOp> more = new ArrayList<>(ops);
                    if (role == Role.FILTER) {
                        more.add(new LinearOp.Diagonal(next, ((NirNode.Neuron) node(next)).parameter("r")));
                    } else {
                        more.add(op(next));
                    }
                    walk(from, next, more, role == Role.FILTER ? next : filter, paths, onPath);
                    onPath.remove(next);
                }
            }
        }
    }

    private LinearOp op(String name) {
        NirNode n = node(name);
        if (n instanceof NirNode.Affine a) return new LinearOp.Dense(name, a.weight());
        if (n instanceof NirNode.Linear l) return new LinearOp.Dense(name, l.weight());
        if (n instanceof NirNode.Scale s) return new LinearOp.Diagonal(name, s.scale());
        if (n instanceof NirNode.Conv c) return new LinearOp.Conv(name, c);
        if (n instanceof NirNode.Pool p) return new LinearOp.Pool(name, p);
        if (n instanceof NirNode.Flatten) return new LinearOp.Reshape(name);
        if (n instanceof NirNode.Delay d) return new LinearOp.Delay(name, d.delay());
        throw error.apply("node '" + name + "' (" + NirNode.typeName(n) + ") cannot sit between neuron layers");
    }

    /**
     * Checks every path's shapes in the order signals flow, so that a layer whose parameters
     * are all 0-d (one value for the layer) takes its shape from its input.
     */
    private void inferShapes(List<Path> paths) {
        List<Path> pending = new ArrayList<>(paths);
        while (!pending.isEmpty()) {
            List<Path> ready = pending.stream().filter(p -> shapes.get(p.pre()) != null).toList();
            if (ready.isEmpty()) {
                throw error.apply("cannot tell the shape of node '" + pending.get(0).pre() + "': its parameters are all 0-d "
                        + "and no input with a known shape reaches it");
            }
            for (Path p : ready) checkShapes(p);
            pending.removeAll(ready);
        }
        roles.forEach((name, role) -> {
            if (isPopulation(role) && shapes.get(name) == null) {
                throw error.apply("cannot tell the shape of node '" + name + "': its parameters are all 0-d and nothing feeds it");
            }
        });
    }

    /** A subgraph's Input must declare the shape that reaches it, as NIR's own type check demands. */
    private void checkPorts() {
        for (NirFlattener.PortShape port : ports) {
            int[] actual = shapes.containsKey(port.producer()) ? shapes.get(port.producer()) : linearOutShapes.get(port.producer());
            if (actual != null && port.declared().length > 0 && !Arrays.equals(actual, port.declared())) {
                throw error.apply("subgraph input '" + port.port() + "' declares shape " + Arrays.toString(port.declared()) + ", but '"
                        + port.producer() + "' sends it shape " + Arrays.toString(actual));
            }
        }
    }

    /** Walks a path's shapes; the last must be the target's. A time axis on an Input is dropped. */
    private void checkShapes(Path p) {
        int[] shape = shapes.get(p.pre());
        if (node(p.pre()) instanceof NirNode.Input && shape.length > 1 && !p.ops().isEmpty() && p.ops().get(0) instanceof LinearOp.Dense d
                && LinearOp.size(shape) != d.weight().shape()[1] && LinearOp.size(shape) / shape[0] == d.weight().shape()[1]) {
            shape = Arrays.copyOfRange(shape, 1, shape.length);
            warnings.add("input '" + p.pre() + "': shape " + Arrays.toString(shapes.get(p.pre())) + " taken as " + Arrays.toString(shape)
                    + " (its first axis is time)");
            shapes.put(p.pre(), shape);
        }
        for (LinearOp op : p.ops()) {
            shape = op.outShape(shape, error);
            if (LinearOp.size(shape) > MAX_LAYER || LinearOp.size(shape) < 1) {
                throw error.apply("node '" + op.node() + "': output shape " + Arrays.toString(shape) + " is outside what the import takes (1 to "
                        + MAX_LAYER + " elements)");
            }
            linearOutShapes.putIfAbsent(op.node(), shape);
        }
        int[] target = shapes.get(p.post());
        if (target == null) {
            shapes.put(p.post(), shape);
            return;
        }
        if (LinearOp.size(shape) != LinearOp.size(target)) {
            String via = p.ops().isEmpty() ? "" : " through '" + p.ops().get(p.ops().size() - 1).node() + "'";
            throw error.apply("shape mismatch: '" + p.pre() + "'" + via + " gives " + Arrays.toString(shape)
                    + " but '" + p.post() + "' has shape " + Arrays.toString(target));
        }
    }

    /**
     * Depth of each population: the longest chain of hops from a layer without inputs, over
     * the DAG of strongly connected groups. Members of one group share a depth.
     */
    private Map<String, Integer> depths(List<Path> paths) {
        Graph<String, DefaultEdge> g = new DirectedPseudograph<>(DefaultEdge.class);
        roles.forEach((name, role) -> {
            if (isPopulation(role)) g.addVertex(name);
        });
        for (Path p : paths) g.addEdge(p.pre(), p.post());
        var sccs = new KosarajuStrongConnectivityInspector<>(g);
        Graph<Graph<String, DefaultEdge>, DefaultEdge> dag = sccs.getCondensation();
        Map<String, Integer> depth = new HashMap<>();
        Map<Graph<String, DefaultEdge>, Integer> groupDepth = new HashMap<>();
        var order = new TopologicalOrderIterator<>(dag);
        while (order.hasNext()) {
            var group = order.next();
            int d = 0;
            for (DefaultEdge e : dag.incomingEdgesOf(group)) d = Math.max(d, groupDepth.get(dag.getEdgeSource(e)) + 1);
            groupDepth.put(group, d);
            for (String v : group.vertexSet()) depth.put(v, d);
            if (group.vertexSet().size() > 1) {
                warnings.add("the cycle through " + String.join(", ", group.vertexSet()) + " takes one step per hop on hardware, "
                        + "where NIR closes it in one step; its timing differs from NIR");
            }
        }
        return depth;
    }

    /** Each population's bias: every Affine and Conv bias carried forward to the layers it reaches. */
    private Map<String, double[]> biases(Map<String, PopulationModels.Layer> layers) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (var e : graph.nodes().entrySet()) {
            double[] bias = biasVector(e.getKey(), e.getValue());
            if (bias == null) continue;
            carryBias(e.getKey(), bias, linearOutShapes.get(e.getKey()), layers, out, new LinkedHashSet<>());
        }
        return out;
    }

    private double[] biasVector(String name, NirNode n) {
        Tensor b = n instanceof NirNode.Affine a ? a.bias() : n instanceof NirNode.Conv c ? c.bias() : null;
        if (b == null || Arrays.stream(b.values()).allMatch(v -> v == 0)) return null;
        int[] shape = linearOutShapes.get(name);
        if (shape == null) {
            warnings.add("node '" + name + "' has a bias but no input; it is left out");
            return null;
        }
        double[] v = new double[LinearOp.size(shape)];
        if (b.size() == v.length) return b.values().clone();
        if (b.size() == 1 || n instanceof NirNode.Conv && b.size() == shape[0]) {
            int per = v.length / Math.max(1, b.size() == 1 ? 1 : shape[0]);
            for (int i = 0; i < v.length; i++) v[i] = b.get(b.size() == 1 ? 0 : i / per);
            return v;
        }
        throw error.apply("node '" + name + "': bias of shape " + b.shapeText() + " does not fit output " + Arrays.toString(shape));
    }

    private void carryBias(String at, double[] value, int[] shape, Map<String, PopulationModels.Layer> layers,
                           Map<String, double[]> out, Set<String> onPath) {
        for (String next : successors.get(at)) {
            Role role = roles.get(next);
            if (role == Role.SPIKING || role == Role.GRADED) {
                PopulationModels.Layer layer = layers.get(next);
                double gain = layer.biasGain(error);
                double[] sum = out.computeIfAbsent(next, k -> new double[value.length]);
                for (int i = 0; i < value.length; i++) sum[i] += value[i] * gain;
            } else if (role == Role.FILTER) {
                throw error.apply("the bias of '" + at + "' reaches LI node '" + next + "', which folds into synapses; "
                        + "a bias there is not supported");
            } else if (role == Role.LINEAR && onPath.add(next)) {
                LinearOp op = op(next);
                carryBias(next, op.apply(value, shape), op.outShape(shape, error), layers, out, onPath);
                onPath.remove(next);
            }
        }
    }

    private Projection projection(Path p, PopulationModels.Layer post, Map<String, Integer> depth, Set<String> names) {
        int pre = LinearOp.size(shapes.get(p.pre()));
        boolean sameGroup = depth.get(p.pre()) >= depth.get(p.post());
        int hopSteps = sameGroup ? depth.get(p.post()) - depth.get(p.pre()) + 1 : depth.get(p.post()) - depth.get(p.pre());
        // Delays: a NIR Delay first on the path delays by pre neuron, last by post neuron, elsewhere uniformly.
        int[] preDelay = new int[pre];
        int[] postDelay = new int[LinearOp.size(shapes.get(p.post()))];
        int uniform = hopSteps;
        List<LinearOp> maps = new ArrayList<>();
        for (int i = 0; i < p.ops().size(); i++) {
            LinearOp op = p.ops().get(i);
            if (op instanceof LinearOp.Delay d) {
                int[] steps = Arrays.stream(d.seconds().values()).mapToInt(s -> (int) Math.round(s / dt)).toArray();
                if (Arrays.stream(steps).distinct().count() == 1) {
                    uniform += steps[0];
                } else if (maps.isEmpty()) {
                    for (int n = 0; n < pre; n++) preDelay[n] += steps[n];
                } else if (p.ops().subList(i + 1, p.ops().size()).stream().allMatch(o -> o instanceof LinearOp.Reshape)) {
                    for (int n = 0; n < postDelay.length; n++) postDelay[n] += steps[n];
                } else {
                    throw error.apply("node '" + d.node() + "': delays that differ per element must come first or last "
                            + "between two neuron layers");
                }
            } else if (!(op instanceof LinearOp.Reshape)) {
                maps.add(op);
            }
        }
        boolean perSynapseDelays = Arrays.stream(preDelay).anyMatch(x -> x != 0) || Arrays.stream(postDelay).anyMatch(x -> x != 0);
        double gain = p.filter() != null ? post.filterGain(p.filter()) : post.weightGain();
        String synapse = p.filter() != null ? p.filter() : post.ownSynapse();
        String name = uniqueName(p.pre() + "->" + p.post(), names);
        Distribution delay = new Distribution.Constant(uniform * dt);

        Connector connector = null;
        double weight = gain;
        if (!perSynapseDelays) {
            if (maps.isEmpty()) connector = new Connector.OneToOne();
            else if (convolutionShapes(p, maps)) connector = convolution(p, maps);
        }
        if (connector == null) {
            connector = explicit(p, maps, gain, preDelay, postDelay, uniform);
            weight = 0;
        }
        Projection projection = new Projection(name, p.pre(), p.post(), connector, new Distribution.Constant(weight), delay, synapse);
        if (post.model() instanceof ThresholdGate && !(connector instanceof Connector.ExplicitList)
                && !GateScales.integral(List.of(projection))) {
            // Real weights into a gate fold per neuron (GateScales), which needs every synapse.
            projection = new Projection(name, p.pre(), p.post(), explicit(p, maps, gain, preDelay, postDelay, uniform),
                    new Distribution.Constant(0), delay, synapse);
        }
        return projection;
    }

    /** Whether the IR's conv2d can connect these populations: [C,H,W] both sides, the target shaped as the output. */
    private boolean convolutionShapes(Path p, List<LinearOp> maps) {
        if (!(maps.get(maps.size() - 1) instanceof LinearOp.Conv) || shapes.get(p.pre()).length != 3) return false;
        int[] shape = shapes.get(p.pre());
        for (LinearOp op : maps) shape = op.outShape(shape, LinearOp.CHECKED);
        return Arrays.equals(shape, shapes.get(p.post()));
    }

    /** A single Conv2d, or a pooling and a Conv2d folded into one kernel; null when the IR's conv2d cannot say it. */
    private Connector.Conv2d convolution(Path p, List<LinearOp> maps) {
        if (maps.size() == 1) return PopulationModels.conv2d(((LinearOp.Conv) maps.get(0)).conv(), null);
        if (maps.size() == 2 && maps.get(0) instanceof LinearOp.Pool pool) {
            PopulationModels.PoolFactor factor = PopulationModels.poolBefore(pool.pool(), shapes.get(p.pre()));
            return factor == null ? null : PopulationModels.conv2d(((LinearOp.Conv) maps.get(1)).conv(), factor);
        }
        return null;
    }

    /** The path composed exactly: each pre neuron's unit vector pushed through the chain gives its row. */
    private Connector explicit(Path p, List<LinearOp> maps, double gain, int[] preDelay, int[] postDelay, int uniform) {
        int[] preShape = shapes.get(p.pre());
        int pre = LinearOp.size(preShape);
        long budget = MAX_COMPOSED_SYNAPSES;
        List<Connector.ExplicitList.Synapse> synapses = new ArrayList<>();
        for (int i = 0; i < pre; i++) {
            double[] x = new double[pre];
            x[i] = 1;
            int[] shape = preShape;
            for (LinearOp op : maps) {
                x = op.apply(x, shape);
                shape = op.outShape(shape, error);
            }
            for (int j = 0; j < x.length; j++) {
                if (x[j] == 0) continue;
                if (synapses.size() >= budget) throw error.apply("the connection " + p.pre() + " -> " + p.post() + " composes to more than " + budget + " synapses");
                synapses.add(new Connector.ExplicitList.Synapse(i, j, x[j] * gain, (uniform + preDelay[i] + postDelay[j]) * dt));
            }
        }
        return new Connector.ExplicitList(synapses);
    }

    private static String uniqueName(String base, Set<String> names) {
        String name = base;
        for (int k = 2; !names.add(name); k++) name = base + "#" + k;
        return name;
    }
}
