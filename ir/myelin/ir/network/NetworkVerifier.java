package myelin.ir.network;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import myelin.ir.network.VerifierProblem.Entity;
import myelin.ir.units.Dimension;
import myelin.ir.units.Units;

/**
 * Checks the invariants every pass and backend may rely on. It never throws on a broken
 * network; it lists every problem, so that a front end can point at each declaration.
 */
public final class NetworkVerifier {
    /** Populations larger than this cannot be indexed by the int-based synapse tables. */
    public static final long MAX_POPULATION = Integer.MAX_VALUE - 8;

    private final Network net;
    private final List<VerifierProblem> problems = new ArrayList<>();

    private NetworkVerifier(Network net) {
        this.net = net;
    }

    public static List<VerifierProblem> verify(Network network) {
        NetworkVerifier v = new NetworkVerifier(network);
        v.run();
        return List.copyOf(v.problems);
    }

    private void problem(Entity entity, String name, String message) {
        problems.add(new VerifierProblem(entity, name, message));
    }

    private void run() {
        if (!(net.timestep() > 0) || Double.isInfinite(net.timestep())) {
            problem(Entity.NETWORK, net.name(), "timestep must be positive, got " + Units.format(net.timestep(), Dimension.TIME));
        }
        net.models().values().forEach(this::checkModel);
        unique(Entity.POPULATION, net.populations().stream().map(Population::name).toList());
        unique(Entity.PROJECTION, net.projections().stream().map(Projection::name).toList());
        unique(Entity.TARGET, net.targets().stream().map(Target::name).toList());
        net.populations().forEach(this::checkPopulation);
        net.projections().forEach(this::checkProjection);
        net.recordings().forEach(this::checkRecording);
    }

    private void unique(Entity entity, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) problem(entity, n, "is declared more than once");
        }
    }

    private void checkModel(NeuronModel model) {
        String n = model.name();
        switch (model.kind()) {
            case LIF -> {
                Lif m = (Lif) model;
                positive(Entity.MODEL, n, "tau_m", m.tauM(), Dimension.TIME);
                nonNegative(Entity.MODEL, n, "refractory", m.refractory(), Dimension.TIME);
                thresholdAboveReset(n, m.vThreshold(), m.vReset());
                checkCoupling(n, m.coupling());
                checkSynapses(n, m.synapses());
            }
            case IF -> {
                IntegrateAndFire m = (IntegrateAndFire) model;
                nonNegative(Entity.MODEL, n, "refractory", m.refractory(), Dimension.TIME);
                thresholdAboveReset(n, m.vThreshold(), m.vReset());
            }
            case LI -> {
                LeakyIntegrator m = (LeakyIntegrator) model;
                positive(Entity.MODEL, n, "tau_m", m.tauM(), Dimension.TIME);
                checkCoupling(n, m.coupling());
                checkSynapses(n, m.synapses());
            }
            case THRESHOLD_GATE -> { }
            case POISSON -> nonNegative(Entity.MODEL, n, "rate", ((PoissonSource) model).rate(), Dimension.FREQUENCY);
            case SPIKE_ARRAY -> {
                for (var s : ((SpikeArraySource) model).spikes()) {
                    if (s.neuron() < 0) problem(Entity.MODEL, n, "spike for negative neuron index " + s.neuron());
                    if (!(s.time() >= 0)) problem(Entity.MODEL, n, "spike at negative time " + Units.format(s.time(), Dimension.TIME));
                }
            }
        }
    }

    private void thresholdAboveReset(String model, double threshold, double reset) {
        if (!(threshold > reset)) {
            problem(Entity.MODEL, model, "v_threshold (" + Units.format(threshold, Dimension.VOLTAGE) + ") must be above v_reset ("
                    + Units.format(reset, Dimension.VOLTAGE) + ")");
        }
    }

    private void checkCoupling(String model, Coupling coupling) {
        if (coupling instanceof Coupling.Current c) positive(Entity.MODEL, model, "resistance", c.resistance(), Dimension.RESISTANCE);
    }

    private void checkSynapses(String model, List<SynapseType> synapses) {
        Set<String> seen = new HashSet<>();
        for (SynapseType s : synapses) {
            if (!seen.add(s.name())) problem(Entity.MODEL, model, "synapse type '" + s.name() + "' is declared twice");
            positive(Entity.MODEL, model, "tau of synapse '" + s.name() + "'", s.tau(), Dimension.TIME);
        }
    }

    private void positive(Entity e, String name, String what, double value, Dimension dim) {
        if (!(value > 0) || Double.isInfinite(value)) problem(e, name, what + " must be positive, got " + show(value, dim));
    }

    private void nonNegative(Entity e, String name, String what, double value, Dimension dim) {
        if (!(value >= 0) || Double.isInfinite(value)) problem(e, name, what + " must not be negative, got " + show(value, dim));
    }

    private static String show(double value, Dimension dim) {
        return Double.isFinite(value) ? Units.format(value, dim) : String.valueOf(value);
    }

    private void checkPopulation(Population p) {
        long size = 1;
        for (int d : p.shape()) {
            if (d < 1) problem(Entity.POPULATION, p.name(), "shape " + p.shape() + " has a dimension below 1");
            size *= Math.max(d, 1);
            if (size > MAX_POPULATION) {
                problem(Entity.POPULATION, p.name(), "has more than " + MAX_POPULATION + " neurons");
                return;
            }
        }
        NeuronModel model = net.models().get(p.model());
        if (model == null) {
            problem(Entity.POPULATION, p.name(), "model '" + p.model() + "' is not declared");
            return;
        }
        for (var init : p.initialValues().entrySet()) {
            if (!model.stateVariables().contains(init.getKey())) {
                problem(Entity.POPULATION, p.name(), "model '" + model.name() + "' has no state variable '"
                        + init.getKey() + "' (it has " + describe(model.stateVariables()) + ")");
            }
            checkDistribution(Entity.POPULATION, p.name(), "initial " + init.getKey(), init.getValue());
        }
        if (p.hasBias()) {
            if (model.isSource()) {
                problem(Entity.POPULATION, p.name(), "a bias needs a LIF, LI, IF or threshold model, not " + model.kind().keyword());
            } else if (p.bias().size() != size) {
                problem(Entity.POPULATION, p.name(), "bias has " + p.bias().size() + " values for " + size + " neurons");
            } else if (!p.bias().stream().allMatch(Double::isFinite)) {
                problem(Entity.POPULATION, p.name(), "bias values must be finite");
            }
        }
        if (model instanceof SpikeArraySource s) {
            for (var spike : s.spikes()) {
                if (spike.neuron() >= size) {
                    problem(Entity.POPULATION, p.name(), "spike for neuron " + spike.neuron()
                            + " but the population has " + size + " neurons");
                    break;
                }
            }
        }
    }

    private static String describe(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private void checkDistribution(Entity e, String name, String what, Distribution d) {
        if (d instanceof Distribution.Constant c && !Double.isFinite(c.value())) {
            problem(e, name, what + " is not finite");
        } else if (d instanceof Distribution.Uniform u && !(u.low() <= u.high())) {
            problem(e, name, what + ": uniform low must not exceed high");
        } else if (d instanceof Distribution.Normal g) {
            if (!(g.sd() >= 0)) problem(e, name, what + ": normal sd must not be negative");
            if (!(g.low() <= g.high())) problem(e, name, what + ": normal low bound must not exceed high bound");
        }
    }

    private void checkProjection(Projection p) {
        var pre = net.population(p.pre());
        var post = net.population(p.post());
        if (pre.isEmpty()) problem(Entity.PROJECTION, p.name(), "population '" + p.pre() + "' is not declared");
        if (post.isEmpty()) problem(Entity.PROJECTION, p.name(), "population '" + p.post() + "' is not declared");
        if (pre.isEmpty() || post.isEmpty()) return;
        NeuronModel postModel = net.models().get(post.get().model());
        if (postModel == null) return;
        if (postModel.isSource()) {
            problem(Entity.PROJECTION, p.name(), "population '" + p.post() + "' is a " + postModel.kind().keyword()
                    + " source and cannot receive synapses");
            return;
        }
        checkSynapseType(p, postModel);
        checkDistribution(Entity.PROJECTION, p.name(), "weight", p.weight());
        checkDistribution(Entity.PROJECTION, p.name(), "delay", p.delay());
        checkDelay(p);
        if (postModel instanceof ThresholdGate) checkIntegerWeights(p);
        new ConnectorShapeCheck(p, pre.get(), post.get(), msg -> problem(Entity.PROJECTION, p.name(), msg)).run();
    }

    private void checkSynapseType(Projection p, NeuronModel postModel) {
        List<String> types = postModel.synapses().stream().map(SynapseType::name).toList();
        if (p.synapse().isEmpty() && !types.isEmpty()) {
            problem(Entity.PROJECTION, p.name(), "needs a synapse type of model '" + postModel.name()
                    + "' (one of " + describe(types) + ")");
        } else if (!p.synapse().isEmpty() && !types.contains(p.synapse())) {
            problem(Entity.PROJECTION, p.name(), "model '" + postModel.name() + "' has no synapse type '" + p.synapse()
                    + "' (it has " + describe(types) + ")"
                    + myelin.ir.diag.Suggestions.didYouMean(p.synapse(), types));
        }
    }

    /** Every delay is at least one step: a spike emitted at t arrives at t + d, d >= 1 step. */
    private void checkDelay(Projection p) {
        double min = net.timestep() * (1 - 1e-9);
        double lowest = p.delay().lowest();
        if (!(lowest >= min)) {
            String what = p.delay() instanceof Distribution.Constant ? "delay" : "the lowest delay";
            String hint = p.delay() instanceof Distribution.Normal ? " (clip the normal: normal(mean, sd, low, high))" : "";
            problem(Entity.PROJECTION, p.name(), what + " (" + time(lowest) + ") is shorter than one timestep ("
                    + time(net.timestep()) + ")" + hint);
        }
        if (p.connector() instanceof Connector.ExplicitList list) {
            for (var s : list.synapses()) {
                if (!Double.isNaN(s.delay()) && !(s.delay() >= min)) {
                    problem(Entity.PROJECTION, p.name(), "synapse " + s.pre() + " -> " + s.post() + " has delay "
                            + time(s.delay()) + ", shorter than one timestep (" + time(net.timestep()) + ")");
                    return;
                }
            }
        }
    }

    private static String time(double seconds) {
        return show(seconds, Dimension.TIME);
    }

    private void checkIntegerWeights(Projection p) {
        boolean integral = p.weight().constant().isPresent()
                && p.weight().constant().getAsDouble() == Math.rint(p.weight().constant().getAsDouble());
        if (!integral) {
            problem(Entity.PROJECTION, p.name(), "weights onto threshold gates must be constant integers");
        }
        if (p.connector() instanceof Connector.ExplicitList list) {
            for (var s : list.synapses()) {
                if (!Double.isNaN(s.weight()) && s.weight() != Math.rint(s.weight())) {
                    problem(Entity.PROJECTION, p.name(), "weight " + s.weight() + " onto a threshold gate is not an integer");
                    return;
                }
            }
        }
    }

    private void checkRecording(Recording r) {
        var population = net.population(r.population());
        if (population.isEmpty()) {
            problem(Entity.RECORDING, r.population(), "population '" + r.population() + "' is not declared");
            return;
        }
        NeuronModel model = net.models().get(population.get().model());
        if (model == null) return;
        for (String variable : r.variables()) {
            if (!variable.equals("spikes") && !model.stateVariables().contains(variable)) {
                List<String> known = new ArrayList<>(List.of("spikes"));
                known.addAll(model.stateVariables());
                problem(Entity.RECORDING, r.population(), "model '" + model.name() + "' has no variable '" + variable
                        + "' to record (it has " + String.join(", ", known) + ")"
                        + myelin.ir.diag.Suggestions.didYouMean(variable, known));
            }
        }
    }
}
