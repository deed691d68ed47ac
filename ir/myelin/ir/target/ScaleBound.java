package myelin.ir.target;

import java.util.Arrays;
import java.util.Optional;

/**
 * What sets each population's state scale besides its threshold, reset and initial values
 * (docs/semantics.md, "Quantization").
 */
public enum ScaleBound {
    /** One input of the largest weight moves a state by at most a quarter of its range: fine resolution, rare saturation. */
    LARGEST_WEIGHT("largest_weight"),
    /**
     * Every input spiking every step, each source as often as it can in one step, and each
     * current at the level that settles to: no state ever saturates, at the cost of resolution.
     */
    SUMMED_INPUT("summed_input");

    private final String keyword;

    ScaleBound(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    public static Optional<ScaleBound> named(String keyword) {
        return Arrays.stream(values()).filter(b -> b.keyword.equals(keyword)).findFirst();
    }
}
