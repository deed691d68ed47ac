package myelin.ir.encoded;

/**
 * What the profile's integers did to one projection's weights (docs/semantics.md,
 * "Quantization"): measured by the encode pass against the physical weights, so it is not
 * part of the encoded stage's text.
 *
 * @param relativeRms   sqrt(sum (integer - exact)^2 / sum exact^2) over the synapses, in the
 *                      weight's integer units; 0 when every weight is zero
 * @param roundedToZero synapses whose physical weight is not zero but whose integer is
 * @param clipped       synapses whose weight lies past the largest mantissa and exponent
 */
public record WeightError(String projection, long synapses, double relativeRms, long roundedToZero, long clipped) {

    /** Sums one projection's errors as its synapses are encoded. */
    public static final class Tally {
        private double error2;
        private double exact2;
        private long synapses;
        private long zeros;
        private long clipped;
        private final long mantissaMax;

        public Tally(int weightBits) {
            mantissaMax = (1L << (weightBits - 1)) - 1;
        }

        /**
         * {@code count} synapses of exact integer value {@code exact} encoded as {@code integer},
         * whose step is {@code 2^shift}; clipped when the nearest mantissa is past the width.
         */
        public void add(double exact, long integer, int shift, long count) {
            double error = integer - exact;
            error2 += error * error * count;
            exact2 += exact * exact * count;
            synapses += count;
            if (integer == 0 && exact != 0) zeros += count;
            double step = 1L << shift;
            if (exact >= 0 ? exact >= (mantissaMax + 0.5) * step : -exact >= (mantissaMax + 1.5) * step) clipped += count;
        }

        public WeightError result(String projection) {
            return new WeightError(projection, synapses, exact2 == 0 ? 0 : Math.sqrt(error2 / exact2), zeros, clipped);
        }
    }
}
