package myelin.ir.integer;

/** Weights as mantissa << shift, the one rule every engine and backend applies. */
public final class WeightCodec {
    private WeightCodec() {}

    /** The mantissa of a physical weight, rounded half away from zero and clamped to the profile's width. */
    public static long mantissa(double weight, double weightScale, int shift, Profile profile) {
        double scaled = weight * weightScale / (double) (1L << shift);
        long m = Math.round(Math.abs(scaled)) * (scaled < 0 ? -1 : 1);
        long max = (1L << (profile.weightBits() - 1)) - 1;
        return Math.max(-max - 1, Math.min(max, m));
    }

    /**
     * The mantissas of one group of weights (one output channel's kernel taps), each given in
     * steps of its own 2^shift: each rounded to nearest
     * as {@link #mantissa} does, then, while their sum differs from the rounded sum of the
     * values, the one closest to its other neighbour (lowest index on a tie) moves to it, never
     * past the width, never across zero and never from a zero weight. The group's total input
     * is then right to half a step, where independent rounding is off by about
     * sqrt(n / 12) steps (docs/semantics.md, "Quantization").
     */
    public static long[] mantissasKeepingSum(double[] steps, Profile profile) {
        long max = (1L << (profile.weightBits() - 1)) - 1;
        long[] m = new long[steps.length];
        double sum = 0;
        long rounded = 0;
        for (int i = 0; i < steps.length; i++) {
            m[i] = Math.max(-max - 1, Math.min(max, Math.round(Math.abs(steps[i])) * (steps[i] < 0 ? -1 : 1)));
            sum += steps[i];
            rounded += m[i];
        }
        long missing = Math.round(Math.abs(sum)) * (sum < 0 ? -1 : 1) - rounded;
        if (missing == 0) return m;
        int direction = missing > 0 ? 1 : -1;
        // Candidates: rounded against the direction (residual on its side), movable within the width.
        Integer[] order = new Integer[steps.length];
        int n = 0;
        for (int i = 0; i < steps.length; i++) {
            double residual = (steps[i] - m[i]) * direction;
            long moved = m[i] + direction;
            if (residual > 0 && moved <= max && moved >= -max - 1) order[n++] = i;
        }
        java.util.Arrays.sort(order, 0, n, (a, b) -> {
            int c = Double.compare((steps[b] - m[b]) * direction, (steps[a] - m[a]) * direction);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int k = 0; k < n && k < Math.abs(missing); k++) m[order[k]] += direction;
        return m;
    }

    /** The integer a physical weight is delivered as. */
    public static long encode(double weight, double weightScale, int shift, Profile profile) {
        return mantissa(weight, weightScale, shift, profile) << shift;
    }

    /** Delay in steps: {@code max(1, round(d / dt))}. */
    public static int delaySteps(double delay, double timestep) {
        return (int) Math.max(1, Math.round(delay / timestep));
    }
}
