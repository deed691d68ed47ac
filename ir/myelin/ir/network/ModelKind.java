package myelin.ir.network;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The built-in model kinds, by the keyword that names them in .snn text. Both forms of a
 * model, the physical {@link NeuronModel} and its integer form, report their kind, so code
 * that handles every model switches over this enum and the compiler checks the coverage.
 */
public enum ModelKind {
    LIF("lif"),
    IF("if"),
    LI("li"),
    THRESHOLD_GATE("threshold_gate"),
    POISSON("poisson"),
    SPIKE_ARRAY("spike_array");

    private final String keyword;

    ModelKind(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    /** Whether models of this kind only emit spikes and accept no projections. */
    public boolean isSource() {
        return this == POISSON || this == SPIKE_ARRAY;
    }

    public static Optional<ModelKind> byKeyword(String keyword) {
        return Arrays.stream(values()).filter(k -> k.keyword.equals(keyword)).findFirst();
    }

    public static List<String> keywords() {
        return Arrays.stream(values()).map(ModelKind::keyword).toList();
    }
}
