package myelin.frontend;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import myelin.frontend.ast.Ast;
import myelin.ir.diag.Diagnostics;
import myelin.ir.diag.SourceLocation;
import myelin.ir.diag.Suggestions;
import myelin.ir.network.Connector;
import myelin.ir.network.Distribution;
import myelin.ir.network.ModelKind;
import myelin.ir.network.Network;
import myelin.ir.network.NetworkVerifier;
import myelin.ir.network.NeuronModel;
import myelin.ir.network.Population;
import myelin.ir.network.Projection;
import myelin.ir.network.Recording;
import myelin.ir.network.Target;
import myelin.ir.network.SourceMap;
import myelin.ir.network.VerifierProblem;
import myelin.ir.network.VerifierProblem.Entity;
import myelin.ir.units.Dimension;
import myelin.ir.units.Units;

/** Lowers the AST of a root file and its includes to the network IR, then verifies it. */
final class Lowering {
    private static final Set<String> NETWORK_SETTINGS = Set.of("timestep", "seed");
    private static final List<String> CONNECTORS = List.of("all_to_all", "one_to_one", "fixed_probability",
            "fixed_indegree", "list", "conv2d");

    private final Diagnostics diagnostics;
    private final Values values;
    private final DataFiles files;
    private final ModelBuilder modelBuilder;
    /** Where each entity was declared, to place the verifier's problems. */
    private final Map<String, SourceLocation> declaredAt = new HashMap<>();
    /** Declared models with their AST, so populations can override parameters. */
    private final Map<String, Ast.Model> modelDecls = new LinkedHashMap<>();
    private final Map<String, NeuronModel> models = new LinkedHashMap<>();

    Lowering(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        this.values = new Values(diagnostics);
        this.files = new DataFiles(values);
        this.modelBuilder = new ModelBuilder(values, files);
    }

    private static String key(Entity entity, String name) {
        return SourceMap.key(entity, name);
    }

    /** The included and data files read so far, each once, in the order first read. */
    List<Path> filesRead() {
        return values.filesRead();
    }

    /** Where each entity was declared, for the passes' errors; {@code file} for the rest. */
    SourceMap sources(String file) {
        return new SourceMap(SourceLocation.of(file), declaredAt);
    }

    /** The network, or empty when there is none to build; errors are in the diagnostics. */
    Optional<Network> lower(Ast.File root) {
        List<Ast.File> sources = SourceSet.load(root, values, diagnostics);
        List<Ast.Network> networks = new ArrayList<>();
        List<Ast.Model> modelAsts = new ArrayList<>();
        List<Ast.Target> targetAsts = new ArrayList<>();
        for (Ast.File f : sources) {
            networks.addAll(f.networks());
            modelAsts.addAll(f.models());
            targetAsts.addAll(f.targets());
        }
        if (networks.isEmpty()) {
            values.error(new SourceLocation(root.path(), 1, 1), "no network declared (expected 'network NAME { ... }')");
            return Optional.empty();
        }
        for (Ast.Network extra : networks.subList(1, networks.size())) {
            values.error(extra.name().loc(), "a second network '" + extra.name().text() + "'; only one network is allowed (the first is '"
                    + networks.get(0).name().text() + "' at " + networks.get(0).name().loc() + ")");
        }
        Ast.Network net = networks.get(0);
        modelAsts.addAll(net.models());
        targetAsts.addAll(net.targets());
        declaredAt.put(key(Entity.NETWORK, net.name().text()), net.name().loc());

        double timestep = 1e-4;
        long seed = 0;
        boolean sawTimestep = false;
        for (Ast.Setting s : net.settings()) {
            switch (s.name().text()) {
                case "timestep" -> {
                    sawTimestep = true;
                    OptionalDouble dt = values.quantity(s.value(), Dimension.TIME, "timestep");
                    if (dt.isPresent()) timestep = dt.getAsDouble();
                }
                case "seed" -> {
                    OptionalLong v = values.integer(s.value(), "seed", Long.MIN_VALUE, Long.MAX_VALUE);
                    if (v.isPresent()) seed = v.getAsLong();
                }
                default -> values.error(s.name().loc(), "unknown network setting '" + s.name().text() + "'"
                        + Suggestions.didYouMean(s.name().text(), NETWORK_SETTINGS) + " (settings: timestep, seed)");
            }
        }
        if (!sawTimestep) values.error(net.name().loc(), "network '" + net.name().text() + "' needs 'timestep = ...;' (e.g. 0.1 ms)");

        modelAsts.forEach(this::model);
        List<Population> populations = new ArrayList<>();
        for (Ast.Population p : net.populations()) population(p).ifPresent(populations::add);
        Map<String, Population> byName = new HashMap<>();
        populations.forEach(p -> byName.put(p.name(), p));
        List<Projection> projections = new ArrayList<>();
        for (Ast.Projection p : net.projections()) projection(p, byName, timestep).ifPresent(projections::add);
        List<Recording> recordings = new ArrayList<>();
        for (Ast.Record r : net.records()) recording(r, byName).ifPresent(recordings::add);
        List<Target> targets = new ArrayList<>();
        for (Ast.Target t : targetAsts) target(t).ifPresent(targets::add);

        // Verify what lowered cleanly even when other declarations failed: all errors at once.
        Network network = new Network(net.name().text(), timestep, seed, models, populations, projections, recordings, targets);
        for (VerifierProblem problem : NetworkVerifier.verify(network)) {
            SourceLocation at = declaredAt.getOrDefault(key(problem.entity(), problem.name()), net.name().loc());
            values.error(at, problem.entity().label() + " '" + problem.name() + "': " + problem.message());
        }
        return Optional.of(network);
    }

    /** The targets of a target file, which declares targets (and includes) but no network. */
    List<Target> lowerTargets(Ast.File root) {
        List<Target> targets = new ArrayList<>();
        for (Ast.File f : SourceSet.load(root, values, diagnostics)) {
            for (Ast.Network n : f.networks()) values.error(n.name().loc(), "a target file declares targets only, not a network");
            for (Ast.Target t : f.targets()) target(t).ifPresent(targets::add);
        }
        if (targets.isEmpty()) values.error(new SourceLocation(root.path(), 1, 1), "no target declared (expected 'target NAME { ... }')");
        return targets;
    }

    private boolean declare(Entity entity, Ast.Ident name) {
        SourceLocation first = declaredAt.putIfAbsent(key(entity, name.text()), name.loc());
        if (first != null) {
            values.error(name.loc(), entity.label() + " '" + name.text() + "' is already declared at " + first);
            return false;
        }
        return true;
    }

    private void model(Ast.Model m) {
        if (!declare(Entity.MODEL, m.name())) return;
        Optional<ModelKind> kind = ModelKind.byKeyword(m.kind().text());
        if (kind.isEmpty()) {
            values.error(m.kind().loc(), "unknown model kind '" + m.kind().text() + "'"
                    + Suggestions.didYouMean(m.kind().text(), ModelKind.keywords())
                    + " (kinds: " + String.join(", ", ModelKind.keywords()) + ")");
            return;
        }
        modelDecls.put(m.name().text(), m);
        modelBuilder.build(m.name().text(), kind.get(), m.settings(), m.synapses(), m.name().loc())
                .ifPresent(model -> models.put(model.name(), model));
    }

    private Optional<Population> population(Ast.Population p) {
        if (!declare(Entity.POPULATION, p.name())) return Optional.empty();
        String name = p.name().text();
        List<Integer> shape = new ArrayList<>();
        long size = 1;
        for (Ast.Quantity dim : p.shape()) {
            OptionalLong d = values.integer(dim, "population size", 1, NetworkVerifier.MAX_POPULATION);
            if (d.isEmpty()) return Optional.empty();
            shape.add((int) d.getAsLong());
            size = Math.min(size * d.getAsLong(), Long.MAX_VALUE / NetworkVerifier.MAX_POPULATION);
        }
        if (size > NetworkVerifier.MAX_POPULATION) {
            values.error(p.shape().get(0).loc(), "population '" + name + "' has more than " + NetworkVerifier.MAX_POPULATION + " neurons");
            return Optional.empty();
        }
        Optional<String> modelName = populationModel(p);
        if (modelName.isEmpty()) return Optional.empty();
        NeuronModel model = models.get(modelName.get());
        Map<String, Distribution> inits = new LinkedHashMap<>();
        for (Ast.Setting init : p.inits()) {
            String var = init.name().text();
            if (!model.stateVariables().contains(var)) {
                values.error(init.name().loc(), "model '" + model.name() + "' has no state variable '" + var + "'"
                        + Suggestions.didYouMean(var, model.stateVariables())
                        + (model.stateVariables().isEmpty() ? " (it has none)" : " (it has " + String.join(", ", model.stateVariables()) + ")"));
                continue;
            }
            Dimension dim = var.equals("v") ? Dimension.VOLTAGE : model.weightDimension();
            values.distribution(init.value(), dim, var).ifPresent(d -> inits.put(var, d));
        }
        return Optional.of(new Population(name, model.name(), shape, inits, bias(p, size, model.biasDimension())));
    }

    /** A population's settings that override its model's parameters (all but 'bias'). */
    private static List<Ast.Setting> modelSettings(Ast.Population p) {
        return p.settings().stream().filter(s -> !s.name().text().equals("bias")).toList();
    }

    /** 'bias = [v, ...]', one value per neuron, or one for all: voltages, or plain numbers for a gate. */
    private List<Double> bias(Ast.Population p, long size, Dimension dimension) {
        Ast.Setting setting = p.settings().stream().filter(s -> s.name().text().equals("bias")).findFirst().orElse(null);
        if (setting == null) return List.of();
        List<Ast.Value> items = setting.value() instanceof Ast.ListValue list ? list.items() : List.of(setting.value());
        if (items.size() != 1 && items.size() != size) {
            values.error(setting.value().loc(), "bias has " + items.size() + " values for " + size + " neurons");
            return List.of();
        }
        List<Double> bias = new ArrayList<>();
        for (Ast.Value item : items) {
            OptionalDouble b = values.quantity(item, dimension, "bias");
            if (b.isEmpty()) return List.of();
            bias.add(b.getAsDouble());
        }
        return items.size() == size ? bias : java.util.Collections.nCopies((int) size, bias.get(0));
    }

    /** The population's model: a declared one, or a new one when it names a kind or overrides parameters. */
    private Optional<String> populationModel(Ast.Population p) {
        String ref = p.model().text();
        Ast.Model decl = modelDecls.get(ref);
        boolean overrides = !modelSettings(p).isEmpty() || !p.synapses().isEmpty();
        if (decl != null && !overrides) {
            return models.containsKey(ref) ? Optional.of(ref) : Optional.empty();
        }
        ModelKind kind;
        List<Ast.Setting> settings = new ArrayList<>();
        List<Ast.Synapse> synapses = new ArrayList<>();
        if (decl != null) {
            if (!models.containsKey(ref)) return Optional.empty();
            kind = ModelKind.byKeyword(decl.kind().text()).orElseThrow();
            settings.addAll(decl.settings());
            synapses.addAll(decl.synapses());
        } else {
            Optional<ModelKind> builtin = ModelKind.byKeyword(ref);
            if (builtin.isEmpty()) {
                List<String> known = new ArrayList<>(modelDecls.keySet());
                known.addAll(ModelKind.keywords());
                values.error(p.model().loc(), "unknown model '" + ref + "'" + Suggestions.didYouMean(ref, known));
                return Optional.empty();
            }
            kind = builtin.get();
        }
        settings.addAll(modelSettings(p));
        synapses.addAll(p.synapses());
        String name = p.name().text();
        while (models.containsKey(name) || modelDecls.containsKey(name)) name = name + "_model";
        declaredAt.put(key(Entity.MODEL, name), p.name().loc());
        Optional<NeuronModel> model = modelBuilder.build(name, kind, settings, synapses, p.name().loc());
        model.ifPresent(m -> models.put(m.name(), m));
        return model.map(NeuronModel::name);
    }

    private Optional<Projection> projection(Ast.Projection p, Map<String, Population> populations, double timestep) {
        Population pre = endpoint(p.pre(), populations);
        Population post = endpoint(p.post(), populations);
        if (pre == null || post == null) return Optional.empty();
        String name = p.name().text();
        if (name.isEmpty()) {
            String base = pre.name() + "_to_" + post.name();
            name = base;
            for (int n = 2; declaredAt.containsKey(key(Entity.PROJECTION, name)); n++) name = base + "_" + n;
            declaredAt.put(key(Entity.PROJECTION, name), p.loc());
        } else if (!declare(Entity.PROJECTION, p.name())) {
            return Optional.empty();
        }
        NeuronModel postModel = models.get(post.model());
        if (postModel.isSource()) {
            values.error(p.post().loc(), "population '" + post.name() + "' is a " + postModel.kind().keyword()
                    + " source and cannot receive synapses");
            return Optional.empty();
        }
        Dimension weightDim = postModel.weightDimension();
        Map<String, Ast.Setting> settings = new LinkedHashMap<>();
        for (Ast.Setting s : p.settings()) settings.put(s.name().text(), s);

        String connector = p.connector().text();
        List<String> allowed = new ArrayList<>(List.of("weight", "delay", "synapse"));
        switch (connector) {
            case "all_to_all", "fixed_probability" -> allowed.add("autapses");
            case "fixed_indegree" -> allowed.addAll(List.of("autapses", "multapses"));
            case "list" -> allowed.add("connections");
            case "conv2d" -> allowed.addAll(List.of("kernel", "stride", "padding"));
            case "one_to_one" -> { }
            default -> {
                values.error(p.connector().loc(), "unknown connector '" + connector + "'" + Suggestions.didYouMean(connector, CONNECTORS)
                        + " (connectors: " + String.join(", ", CONNECTORS) + ")");
                return Optional.empty();
            }
        }
        boolean ok = true;
        for (Ast.Setting s : p.settings()) {
            if (!allowed.contains(s.name().text())) {
                values.error(s.name().loc(), "unknown setting '" + s.name().text() + "' for a " + connector + " projection"
                        + Suggestions.didYouMean(s.name().text(), allowed) + " (settings: " + String.join(", ", allowed) + ")");
                ok = false;
            }
        }
        boolean autapses = flag(settings, "autapses");
        Connector conn = connector(p, connector, settings, autapses, weightDim);
        if (conn == null || !ok) return Optional.empty();

        Distribution weight = null;
        if (settings.containsKey("weight")) {
            weight = values.distribution(settings.get("weight").value(), weightDim, "weight").orElse(null);
            if (weight == null) return Optional.empty();
        } else if (conn instanceof Connector.ExplicitList list && list.synapses().stream().noneMatch(s -> Double.isNaN(s.weight()))) {
            weight = new Distribution.Constant(0);
        } else {
            values.error(p.pre().loc(), "projection '" + name + "' needs 'weight = ...;' (" + Values.expected(weightDim) + ")");
            return Optional.empty();
        }
        Distribution delay = new Distribution.Constant(timestep);
        if (settings.containsKey("delay")) {
            delay = values.distribution(settings.get("delay").value(), Dimension.TIME, "delay").orElse(null);
            if (delay == null) return Optional.empty();
        }
        String synapse = "";
        if (settings.containsKey("synapse")) {
            synapse = values.name(settings.get("synapse").value(), "synapse").orElse(null);
            if (synapse == null) return Optional.empty();
        }
        return Optional.of(new Projection(name, pre.name(), post.name(), conn, weight, delay, synapse));
    }

    private Population endpoint(Ast.Ident ref, Map<String, Population> populations) {
        Population p = populations.get(ref.text());
        if (p == null && !declaredAt.containsKey(key(Entity.POPULATION, ref.text()))) {
            values.error(ref.loc(), "unknown population '" + ref.text() + "'" + Suggestions.didYouMean(ref.text(), populations.keySet()));
        }
        return p;
    }

    private boolean flag(Map<String, Ast.Setting> settings, String name) {
        Ast.Setting s = settings.get(name);
        return s == null || values.bool(s.value(), name).orElse(true);
    }

    private Connector connector(Ast.Projection p, String kind, Map<String, Ast.Setting> settings, boolean autapses,
                                Dimension weightDim) {
        List<Ast.Value> args = p.connectorArgs();
        int arity = kind.equals("fixed_probability") || kind.equals("fixed_indegree") ? 1 : 0;
        if (args.size() != arity) {
            String expected = arity == 0 ? "no arguments" : "one argument";
            values.error(p.connector().loc(), "'" + kind + "' takes " + expected + ", got " + args.size());
            return null;
        }
        switch (kind) {
            case "all_to_all":
                return new Connector.AllToAll(autapses);
            case "one_to_one":
                return new Connector.OneToOne();
            case "fixed_probability": {
                OptionalDouble prob = values.quantity(args.get(0), Dimension.NONE, "probability");
                return prob.isPresent() ? new Connector.FixedProbability(prob.getAsDouble(), autapses) : null;
            }
            case "fixed_indegree": {
                OptionalLong k = values.integer(args.get(0), "in-degree", 0, Integer.MAX_VALUE - 8);
                return k.isPresent() ? new Connector.FixedInDegree((int) k.getAsLong(), autapses, flag(settings, "multapses")) : null;
            }
            case "list": {
                Ast.Setting c = settings.get("connections");
                if (c == null) {
                    values.error(p.connector().loc(), "a list projection needs 'connections = [...]' or 'connections = file(\"...\")'");
                    return null;
                }
                return files.connections(c.value(), weightDim).map(Connector.ExplicitList::new).orElse(null);
            }
            default: {
                Ast.Setting k = settings.get("kernel");
                if (k == null) {
                    values.error(p.connector().loc(), "a conv2d projection needs 'kernel = [[...]]' or 'kernel = file(\"...\")'");
                    return null;
                }
                var kernel = files.kernel(k.value());
                OptionalLong stride = settings.containsKey("stride") ? values.integer(settings.get("stride").value(), "stride", 1, 1 << 16) : OptionalLong.of(1);
                OptionalLong padding = settings.containsKey("padding") ? values.integer(settings.get("padding").value(), "padding", 0, 1 << 16) : OptionalLong.of(0);
                if (kernel.isEmpty() || stride.isEmpty() || padding.isEmpty()) return null;
                return new Connector.Conv2d(kernel.get().shape(), kernel.get().values(), (int) stride.getAsLong(), (int) padding.getAsLong());
            }
        }
    }

    private Optional<Recording> recording(Ast.Record r, Map<String, Population> populations) {
        if (endpoint(r.population(), populations) == null) return Optional.empty();
        declaredAt.putIfAbsent(key(Entity.RECORDING, r.population().text()), r.population().loc());
        return Optional.of(new Recording(r.population().text(), r.variables().stream().map(Ast.Ident::text).toList()));
    }

    private Optional<Target> target(Ast.Target t) {
        if (!declare(Entity.TARGET, t.name())) return Optional.empty();
        List<Target.Setting> settings = new ArrayList<>();
        boolean ok = true;
        for (Ast.Setting s : t.settings()) {
            String name = s.name().text();
            Ast.Value v = s.value();
            if (v instanceof Ast.Quantity q) {
                Dimension dim = q.unit().isEmpty() ? Dimension.NONE
                        : Units.lookup(q.unit()).map(u -> u.dimension()).orElse(null);
                if (dim == null) {
                    values.error(q.loc(), "unknown unit '" + q.unit() + "'" + Suggestions.didYouMean(q.unit(), Units.symbols()));
                    ok = false;
                    continue;
                }
                OptionalDouble si = values.quantity(q, dim, name);
                if (si.isPresent()) settings.add(new Target.QuantitySetting(name, si.getAsDouble(), dim));
                else ok = false;
            } else if (v instanceof Ast.Name n && !n.negated()) {
                settings.add(new Target.NameSetting(name, n.name()));
            } else if (v instanceof Ast.Text text) {
                settings.add(new Target.TextSetting(name, text.text()));
            } else {
                values.error(v.loc(), "a target setting is a number, a name or a string, got " + Values.describe(v));
                ok = false;
            }
        }
        return ok ? Optional.of(new Target(t.name().text(), settings)) : Optional.empty();
    }
}
