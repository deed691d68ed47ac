package myelin.frontend.nir;

import java.util.List;
import java.util.Map;

/** The NIR neuron types: their parameters, and defaults for those older files may omit. */
public enum NeuronKind {
    INTEGRATOR("I", List.of("r"), Map.of()),
    IF("IF", List.of("r", "v_threshold", "v_reset"), Map.of("v_reset", 0.0)),
    LI("LI", List.of("tau", "r", "v_leak"), Map.of()),
    LIF("LIF", List.of("tau", "r", "v_leak", "v_threshold", "v_reset"), Map.of("v_reset", 0.0)),
    CUBA_LI("CubaLI", List.of("tau_syn", "tau_mem", "r", "v_leak", "w_in"), Map.of("w_in", 1.0)),
    CUBA_LIF("CubaLIF", List.of("tau_syn", "tau_mem", "r", "v_leak", "v_threshold", "v_reset", "w_in"),
            Map.of("v_reset", 0.0, "w_in", 1.0)),
    THRESHOLD("Threshold", List.of("threshold"), Map.of());

    private final String typeName;
    private final List<String> parameters;
    private final Map<String, Double> defaults;

    NeuronKind(String typeName, List<String> parameters, Map<String, Double> defaults) {
        this.typeName = typeName;
        this.parameters = parameters;
        this.defaults = defaults;
    }

    public String typeName() {
        return typeName;
    }

    /** All parameters, the first one always present (it gives the layer's shape). */
    public List<String> parameters() {
        return parameters;
    }

    public Map<String, Double> defaults() {
        return defaults;
    }

    public boolean spikes() {
        return this == IF || this == LIF || this == CUBA_LIF || this == THRESHOLD;
    }

    public static java.util.Optional<NeuronKind> byTypeName(String name) {
        for (NeuronKind k : values()) if (k.typeName.equals(name)) return java.util.Optional.of(k);
        return java.util.Optional.empty();
    }
}
