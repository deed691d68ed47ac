package myelin.frontend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import myelin.frontend.ast.Ast;
import myelin.ir.diag.SourceLocation;
import myelin.ir.diag.Suggestions;
import myelin.ir.network.Coupling;
import myelin.ir.network.IntegrateAndFire;
import myelin.ir.network.LeakyIntegrator;
import myelin.ir.network.Lif;
import myelin.ir.network.ModelKind;
import myelin.ir.network.NeuronModel;
import myelin.ir.network.PoissonSource;
import myelin.ir.network.ResetMode;
import myelin.ir.network.SpikeArraySource;
import myelin.ir.network.SynapseType;
import myelin.ir.network.ThresholdGate;
import myelin.ir.units.Dimension;

/** Builds a neuron model from its settings, checking names, units and required parameters. */
final class ModelBuilder {
    /** The parameters each kind accepts, with their dimensions; "reset" and "spikes" are special. */
    private static final Map<ModelKind, Map<String, Dimension>> SCHEMA = Map.of(
            ModelKind.LIF, schema("tau_m", Dimension.TIME, "v_rest", Dimension.VOLTAGE, "v_reset", Dimension.VOLTAGE,
                    "v_threshold", Dimension.VOLTAGE, "refractory", Dimension.TIME, "reset", null,
                    "input_scale", Dimension.NONE, "resistance", Dimension.RESISTANCE, "capacitance", Dimension.CAPACITANCE),
            ModelKind.IF, schema("v_threshold", Dimension.VOLTAGE, "v_reset", Dimension.VOLTAGE,
                    "refractory", Dimension.TIME, "reset", null),
            ModelKind.LI, schema("tau_m", Dimension.TIME, "v_rest", Dimension.VOLTAGE, "input_scale", Dimension.NONE,
                    "resistance", Dimension.RESISTANCE, "capacitance", Dimension.CAPACITANCE),
            ModelKind.THRESHOLD_GATE, schema("threshold", Dimension.NONE),
            ModelKind.POISSON, schema("rate", Dimension.FREQUENCY),
            ModelKind.SPIKE_ARRAY, schema("spikes", null));

    private static Map<String, Dimension> schema(Object... pairs) {
        Map<String, Dimension> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], (Dimension) pairs[i + 1]);
        return m;
    }

    private final Values values;
    private final DataFiles files;

    ModelBuilder(Values values, DataFiles files) {
        this.values = values;
        this.files = files;
    }

    /** The model, or empty after reporting why it cannot be built. */
    Optional<NeuronModel> build(String name, ModelKind kind, List<Ast.Setting> settings, List<Ast.Synapse> synapses,
                                SourceLocation at) {
        Map<String, Dimension> schema = SCHEMA.get(kind);
        Map<String, Ast.Setting> given = new LinkedHashMap<>();
        boolean ok = true;
        for (Ast.Setting s : settings) {
            String key = s.name().text();
            if (!schema.containsKey(key)) {
                values.error(s.name().loc(), "unknown parameter '" + key + "' for a " + kind.keyword() + " model"
                        + Suggestions.didYouMean(key, schema.keySet()) + " (parameters: " + String.join(", ", schema.keySet()) + ")");
                ok = false;
            } else {
                given.put(key, s); // a later setting overrides an earlier one (population overrides model)
            }
        }
        Map<String, Double> q = new LinkedHashMap<>();
        for (var e : given.entrySet()) {
            Dimension dim = schema.get(e.getKey());
            if (dim == null) continue;
            OptionalDouble v = values.quantity(e.getValue().value(), dim, e.getKey());
            if (v.isPresent()) q.put(e.getKey(), v.getAsDouble());
            else ok = false;
        }
        List<SynapseType> synapseTypes = synapses(kind, synapses);
        if (synapseTypes == null) ok = false;
        if (!ok) return Optional.empty();
        Required required = new Required(name, kind, q, at);
        NeuronModel model = switch (kind) {
            case LIF -> {
                double vRest = q.getOrDefault("v_rest", 0.0);
                double tau = required.get("tau_m");
                double threshold = required.get("v_threshold");
                Coupling coupling = coupling(q, tau, given, at);
                yield new Lif(name, tau, vRest, q.getOrDefault("v_reset", vRest), threshold,
                        q.getOrDefault("refractory", 0.0), reset(given), coupling, synapseTypes);
            }
            case IF -> new IntegrateAndFire(name, required.get("v_threshold"), q.getOrDefault("v_reset", 0.0),
                    q.getOrDefault("refractory", 0.0), reset(given));
            case LI -> {
                double tau = required.get("tau_m");
                yield new LeakyIntegrator(name, tau, q.getOrDefault("v_rest", 0.0), coupling(q, tau, given, at), synapseTypes);
            }
            case THRESHOLD_GATE -> {
                Ast.Setting t = given.get("threshold");
                if (t == null) {
                    required.missing("threshold");
                    yield null;
                }
                var threshold = values.integer(t.value(), "threshold", -(1L << 40), 1L << 40);
                yield threshold.isPresent() ? new ThresholdGate(name, threshold.getAsLong()) : null;
            }
            case POISSON -> new PoissonSource(name, required.get("rate"));
            case SPIKE_ARRAY -> {
                Ast.Setting s = given.get("spikes");
                yield s == null ? new SpikeArraySource(name, List.of()) : files.spikes(s.value()).map(sp -> new SpikeArraySource(name, sp)).orElse(null);
            }
        };
        if (required.failed || model == null) return Optional.empty();
        return Optional.of(model);
    }

    /** Tracks required parameters, reporting each missing one once. */
    private final class Required {
        private final String name;
        private final ModelKind kind;
        private final Map<String, Double> q;
        private final SourceLocation at;
        boolean failed;

        Required(String name, ModelKind kind, Map<String, Double> q, SourceLocation at) {
            this.name = name;
            this.kind = kind;
            this.q = q;
            this.at = at;
        }

        double get(String key) {
            Double v = q.get(key);
            if (v != null) return v;
            missing(key);
            return Double.NaN;
        }

        void missing(String key) {
            failed = true;
            values.error(at, kind.keyword() + " model '" + name + "' needs '" + key + "'");
        }
    }

    private Coupling coupling(Map<String, Double> q, double tau, Map<String, Ast.Setting> given, SourceLocation at) {
        List<String> set = new ArrayList<>();
        for (String k : List.of("input_scale", "resistance", "capacitance")) if (q.containsKey(k)) set.add(k);
        if (set.size() > 1) {
            values.error(given.get(set.get(1)).name().loc(), "give only one of input_scale, resistance, capacitance (found "
                    + String.join(" and ", set) + ")");
        }
        if (q.containsKey("resistance")) return new Coupling.Current(q.get("resistance"));
        if (q.containsKey("capacitance")) return new Coupling.Current(tau / q.get("capacitance"));
        return new Coupling.Voltage(q.getOrDefault("input_scale", 1.0));
    }

    private ResetMode reset(Map<String, Ast.Setting> given) {
        Ast.Setting s = given.get("reset");
        if (s == null) return ResetMode.VALUE;
        return values.choice(s.value(), "reset", List.of("value", "subtract"))
                .map(c -> ResetMode.valueOf(c.toUpperCase(java.util.Locale.ROOT))).orElse(ResetMode.VALUE);
    }

    /** The synapse types, or null after an error. */
    private List<SynapseType> synapses(ModelKind kind, List<Ast.Synapse> synapses) {
        List<SynapseType> types = new ArrayList<>();
        boolean ok = true;
        for (Ast.Synapse s : synapses) {
            if (kind != ModelKind.LIF && kind != ModelKind.LI) {
                values.error(s.name().loc(), "a " + kind.keyword() + " model has no synapse types (only lif and li do)");
                ok = false;
                continue;
            }
            OptionalDouble tau = OptionalDouble.empty();
            boolean tauGiven = false;
            for (Ast.Setting setting : s.settings()) {
                if (!setting.name().text().equals("tau")) {
                    values.error(setting.name().loc(), "unknown synapse parameter '" + setting.name().text()
                            + "' (a synapse type has only 'tau')");
                    ok = false;
                } else {
                    tauGiven = true;
                    tau = values.quantity(setting.value(), Dimension.TIME, "tau");
                    if (tau.isEmpty()) ok = false;
                }
            }
            if (tau.isEmpty()) {
                if (!tauGiven) values.error(s.name().loc(), "synapse type '" + s.name().text() + "' needs 'tau'");
                ok = false;
                continue;
            }
            types.add(new SynapseType(s.name().text(), tau.getAsDouble()));
        }
        return ok ? types : null;
    }
}
