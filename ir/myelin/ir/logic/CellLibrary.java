package myelin.ir.logic;

import java.util.List;
import java.util.Optional;

/**
 * A library of one programmable threshold-logic cell: it computes {@code [sum w_i x_i >= T]}
 * for at most {@code fanIn} binary inputs, each weight in [weightMin, weightMax] and T in
 * [thresholdMin, thresholdMax]. Area and delay are per cell, in the library's own units.
 */
public record CellLibrary(String name, int fanIn, int weightMin, int weightMax, long thresholdMin, long thresholdMax, double area,
                          double delay) {
    /** In the spirit of TULIP's reconfigurable neuron cells: four inputs, 3-bit signed weights. */
    public static final CellLibrary TULIP = ofBits("tulip", 4, 3, 5, 1.0, 1.0);

    /** In the spirit of flash threshold-logic cells: eight inputs, 4-bit signed weights. */
    public static final CellLibrary FTL = ofBits("ftl", 8, 4, 7, 1.0, 1.0);

    /** A library from widths: weights of {@code weightBits} and thresholds of {@code thresholdBits}, two's complement. */
    public static CellLibrary ofBits(String name, int fanIn, int weightBits, int thresholdBits, double area, double delay) {
        return new CellLibrary(name, fanIn, -(1 << (weightBits - 1)), (1 << (weightBits - 1)) - 1, -(1L << (thresholdBits - 1)),
                (1L << (thresholdBits - 1)) - 1, area, delay);
    }

    public static List<CellLibrary> builtIn() {
        return List.of(TULIP, FTL);
    }

    public static Optional<CellLibrary> builtIn(String name) {
        return builtIn().stream().filter(l -> l.name.equals(name)).findFirst();
    }

    /** Whether one cell realises {@code [sum w_i x_i >= threshold]} as given. */
    public boolean fits(int[] weights, long threshold) {
        if (weights.length > fanIn || threshold < thresholdMin || threshold > thresholdMax) return false;
        for (int w : weights) if (w < weightMin || w > weightMax) return false;
        return true;
    }

    /** Why a library cannot build any network of cells: none of the adders and comparators fits it. */
    public Optional<String> unusable() {
        if (fanIn < 3) return Optional.of("a fan-in of " + fanIn + " (at least 3: a half adder's sum cell reads a, b and the carry)");
        if (weightMin > -2 || weightMax < 2) return Optional.of("weights in [" + weightMin + ", " + weightMax + "] (an adder needs -2 and 2)");
        if (thresholdMin > 0 || thresholdMax < 3) return Optional.of("thresholds in [" + thresholdMin + ", " + thresholdMax + "] (0 to 3 are needed)");
        return Optional.empty();
    }
}
