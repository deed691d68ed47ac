package myelin.ir.target;

import java.util.Map;

/**
 * What each population's states reached on sample input ({@code --calibrate FILE}), which
 * quantize takes as one more bound on its scale (docs/semantics.md, "Quantization").
 *
 * @param source   where the sample came from, for the report
 * @param extremes per population, the largest |v - v_rest| or |current| the float step model
 *                 reached, in volts (a current in the volts of v it stands for)
 */
public record Calibration(String source, Map<String, Double> extremes) {
    public static final Calibration NONE = new Calibration("", Map.of());

    /** Room above the observed extreme: the state's range holds twice it. */
    public static final double MARGIN = 2;

    public Calibration {
        extremes = Map.copyOf(extremes);
    }
}
