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

    /** The integer a physical weight is delivered as. */
    public static long encode(double weight, double weightScale, int shift, Profile profile) {
        return mantissa(weight, weightScale, shift, profile) << shift;
    }

    /** Delay in steps: {@code max(1, round(d / dt))}. */
    public static int delaySteps(double delay, double timestep) {
        return (int) Math.max(1, Math.round(delay / timestep));
    }
}
