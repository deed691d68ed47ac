package myelin.ir.integer;


/** The integer operations of docs/semantics.md, one definition each. */
public final class Arithmetic {
    private Arithmetic() {}

    /** x / 2^k rounded toward zero (sign(x) * (|x| >> k)). */
    public static long shiftTowardZero(long x, int k) {
        return (x + ((x >> 63) & ((1L << k) - 1))) >> k;
    }

    /** decay(x, d) = trunc(x * (2^k - d) / 2^k). */
    public static long decay(long x, int d, int k) {
        return shiftTowardZero(x * ((1L << k) - d), k);
    }

    /** x / 2^k rounded to nearest, ties up: floor((x + 2^(k-1)) / 2^k). */
    public static long shiftToNearest(long x, int k) {
        return (x + (1L << (k - 1))) >> k;
    }

    /**
     * relax(v, target, d) = v + round((target - v) * d / 2^k), to nearest, ties up: v settles
     * within 2^(k-1) / d of the target on either side, where truncation would leave it up to
     * 2^k / d short on the side it came from (docs/semantics.md, "The LIF update").
     */
    public static long relax(long v, long target, int d, int k) {
        return v + shiftToNearest((target - v) * d, k);
    }

    public static long saturate(long x, long min, long max) {
        return Math.max(min, Math.min(max, x));
    }

    /** Loihi's 24-bit current wrap, exactly as Lava writes it (note the asymmetric bounds). */
    public static long wrap(long x, int bits) {
        long max = 1L << (bits - 1);
        if (x > max) return x - 2 * max;
        if (x <= -max) return x + 2 * max;
        return x;
    }

    /** A synaptic current past the state width, per the profile. */
    public static long boundCurrent(long x, Profile p) {
        return p.currentOverflow() == Profile.Overflow.WRAP ? wrap(x, p.stateBits()) : saturate(x, p.stateMin(), p.stateMax());
    }

    /** v of a model past its width: saturates (Loihi clips to the symmetric range +-(2^23 - 1)). */
    public static long boundVoltage(long x, Profile p, IntModel m) {
        return saturate(x, p.vMin(m), p.vMax(m));
    }
}
