package myelin.ir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import myelin.ir.network.Connector;
import myelin.ir.network.Coupling;
import myelin.ir.network.Distribution;
import myelin.ir.network.IntegrateAndFire;
import myelin.ir.network.LeakyIntegrator;
import myelin.ir.network.Lif;
import myelin.ir.network.Network;
import myelin.ir.network.NeuronModel;
import myelin.ir.network.PoissonSource;
import myelin.ir.network.Population;
import myelin.ir.network.Projection;
import myelin.ir.network.Recording;
import myelin.ir.network.ResetMode;
import myelin.ir.network.SpikeArraySource;
import myelin.ir.network.SynapseType;
import myelin.ir.network.Target;
import myelin.ir.network.ThresholdGate;
import myelin.ir.units.Dimension;

/** Random valid networks (they pass the verifier), for property tests. */
public final class RandomNetworks {
    private static final String[] WORDS = {"exc", "inh", "init", "record", "target", "model", "a1", "b_2", "cell", "gate", "x"};

    private final Random r;
    private int counter;

    private RandomNetworks(Random r) {
        this.r = r;
    }

    public static Network generate(Random random) {
        return new RandomNetworks(random).network();
    }

    private String name() {
        // Now and then a name only backquotes can write (NIR keeps names like `0` and `a->b`).
        return r.nextInt(8) == 0 ? counter++ + "->" + WORDS[r.nextInt(WORDS.length)] : WORDS[r.nextInt(WORDS.length)] + "_" + counter++;
    }

    /** A positive value spanning many magnitudes, never -0.0. */
    private double positive(double scale) {
        double v = scale * Math.pow(10, r.nextDouble() * 4 - 2) * (1 + r.nextInt(1000)) / 100.0;
        return r.nextInt(4) == 0 ? Math.rint(v * 1000) / 1000 + scale : v;
    }

    private double signed(double scale) {
        double v = positive(scale);
        return r.nextBoolean() ? v : -v;
    }

    private Network network() {
        double dt = positive(1e-4);
        Map<String, NeuronModel> models = new LinkedHashMap<>();
        int modelCount = 1 + r.nextInt(4);
        for (int i = 0; i < modelCount; i++) {
            NeuronModel m = model(name());
            models.put(m.name(), m);
        }
        List<Population> pops = new ArrayList<>();
        int popCount = 1 + r.nextInt(4);
        List<NeuronModel> modelList = new ArrayList<>(models.values());
        for (int i = 0; i < popCount; i++) {
            NeuronModel m = modelList.get(r.nextInt(modelList.size()));
            List<Integer> shape = new ArrayList<>();
            int dims = 1 + r.nextInt(3);
            for (int d = 0; d < dims; d++) shape.add(1 + r.nextInt(4));
            if (m instanceof SpikeArraySource) shape = List.of(8); // spikes name neurons below 8
            Map<String, Distribution> inits = new LinkedHashMap<>();
            for (String var : m.stateVariables()) {
                if (r.nextBoolean()) inits.put(var, distribution(var.equals("v") ? 1e-3 : 1e-9));
            }
            List<Double> bias = new ArrayList<>();
            if (!m.isSource() && r.nextInt(3) == 0) {
                int size = shape.stream().reduce(1, (a, b) -> a * b);
                // A gate's bias is a plain number added to its integer input; the others are voltages.
                boolean gate = m instanceof ThresholdGate;
                for (int n = 0; n < size; n++) bias.add(r.nextInt(4) == 0 ? 0.0 : gate ? (r.nextInt(9) - 4) / 2.0 : (r.nextDouble() - 0.3) * 1e-2);
            }
            pops.add(new Population(name(), m.name(), shape, inits, bias));
        }
        List<Projection> projections = new ArrayList<>();
        for (int i = 0; i < r.nextInt(5); i++) {
            Population pre = pops.get(r.nextInt(pops.size()));
            Population post = pops.get(r.nextInt(pops.size()));
            NeuronModel postModel = models.get(post.model());
            if (postModel.isSource()) continue;
            projections.add(projection(pre, post, postModel, dt));
        }
        List<Recording> recordings = new ArrayList<>();
        for (Population p : pops) {
            if (r.nextBoolean()) {
                List<String> vars = new ArrayList<>(List.of("spikes"));
                vars.addAll(models.get(p.model()).stateVariables());
                recordings.add(new Recording(p.name(), vars.subList(0, 1 + r.nextInt(vars.size()))));
            }
        }
        List<Target> targets = r.nextBoolean() ? List.of(new Target(name(), List.of(
                new Target.QuantitySetting("clock", positive(1e8), Dimension.FREQUENCY),
                new Target.QuantitySetting("cores", 1 + r.nextInt(64), Dimension.NONE),
                new Target.NameSetting("family", "ice40"),
                new Target.TextSetting("part", "hx8k \"quoted\" \\ end")))) : List.of();
        return new Network(name(), dt, r.nextLong(), models, pops, projections, recordings, targets);
    }

    private NeuronModel model(String name) {
        List<SynapseType> synapses = new ArrayList<>();
        for (int i = 0; i < r.nextInt(3); i++) synapses.add(new SynapseType(name(), positive(1e-3)));
        Coupling coupling = r.nextBoolean() ? new Coupling.Voltage(positive(1)) : new Coupling.Current(positive(1e8));
        ResetMode reset = r.nextBoolean() ? ResetMode.VALUE : ResetMode.SUBTRACT;
        double vReset = signed(1e-2);
        return switch (r.nextInt(6)) {
            case 0 -> new Lif(name, positive(1e-2), signed(1e-2), vReset, vReset + positive(1e-2), positive(1e-3), reset, coupling, synapses);
            case 1 -> new IntegrateAndFire(name, vReset + positive(1e-2), vReset, positive(1e-3), reset);
            case 2 -> new LeakyIntegrator(name, positive(1e-2), signed(1e-2), coupling, synapses);
            case 3 -> new ThresholdGate(name, r.nextInt(20) - 5);
            case 4 -> new PoissonSource(name, positive(10));
            default -> new SpikeArraySource(name, List.of(new SpikeArraySource.Spike(r.nextInt(8), positive(1e-3)),
                    new SpikeArraySource.Spike(r.nextInt(8), positive(1e-3))));
        };
    }

    private Distribution distribution(double scale) {
        return switch (r.nextInt(3)) {
            case 0 -> new Distribution.Constant(signed(scale));
            case 1 -> {
                double lo = signed(scale);
                yield new Distribution.Uniform(lo, lo + positive(scale));
            }
            default -> r.nextBoolean() ? new Distribution.Normal(signed(scale), positive(scale))
                    : new Distribution.Normal(signed(scale), positive(scale), -positive(scale) * 10, Double.POSITIVE_INFINITY);
        };
    }

    private Projection projection(Population pre, Population post, NeuronModel postModel, double dt) {
        boolean gate = postModel instanceof ThresholdGate;
        double scale = postModel.weightDimension().equals(Dimension.CURRENT) ? 1e-9 : 1e-3;
        Distribution weight = gate ? new Distribution.Constant(r.nextInt(7) - 3) : distribution(scale);
        Distribution delay = switch (r.nextInt(3)) {
            case 0 -> new Distribution.Constant(dt * (1 + r.nextInt(10)));
            case 1 -> new Distribution.Uniform(dt, dt + positive(1e-3));
            default -> new Distribution.Normal(positive(1e-3), positive(1e-3), dt, dt * 50);
        };
        boolean same = pre.name().equals(post.name());
        Connector connector = switch (r.nextInt(5)) {
            case 0 -> new Connector.AllToAll(r.nextBoolean());
            case 1 -> pre.size() == post.size() ? new Connector.OneToOne() : new Connector.AllToAll(true);
            case 2 -> new Connector.FixedProbability(r.nextDouble(), r.nextBoolean());
            case 3 -> new Connector.FixedInDegree(r.nextInt(3), !same || pre.size() == 1 || r.nextBoolean(), true);
            default -> {
                List<Connector.ExplicitList.Synapse> list = new ArrayList<>();
                for (int i = 0; i < 1 + r.nextInt(4); i++) {
                    double w = gate || r.nextBoolean() ? Double.NaN : signed(scale);
                    double d = r.nextBoolean() ? Double.NaN : dt * (1 + r.nextInt(4));
                    list.add(new Connector.ExplicitList.Synapse(r.nextInt(pre.size()), r.nextInt(post.size()), w, d));
                }
                yield new Connector.ExplicitList(list);
            }
        };
        List<SynapseType> types = postModel.synapses();
        String synapse = types.isEmpty() ? "" : types.get(r.nextInt(types.size())).name();
        return new Projection(name(), pre.name(), post.name(), connector, weight, delay, synapse);
    }
}
