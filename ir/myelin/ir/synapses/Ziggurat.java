package myelin.ir.synapses;

/**
 * Normal and exponential variates by Marsaglia and Tsang's ziggurat (2000): one 64-bit draw
 * and one comparison almost always, {@code exp} in about one draw in a hundred, {@code log}
 * only in the normal's tail. The layer index and the magnitude come from disjoint bits of
 * the draw (low bits the layer, the top 53 bits the magnitude), which avoids the correlation
 * Doornik (2005) found in the original's shared bits.
 *
 * <p>Bit for bit the same on every JVM: the tables are computed once with StrictMath, and a
 * draw is IEEE double arithmetic (strict in Java 17) plus StrictMath's exp and log. The
 * algorithm is specified in docs/ir.md; changing it changes what a seed means.
 */
final class Ziggurat {
    /** Normal: 128 layers under exp(-x^2/2), tail from R. */
    static final double NORMAL_R = 3.442619855899;
    static final double NORMAL_V = 9.91256303526217e-3;
    /** Exponential: 256 layers under exp(-x), tail from R. */
    static final double EXP_R = 7.697117470131487;
    static final double EXP_V = 3.949659822581572e-3;

    /**
     * Layer i spans x in [0, X[i]) and lies wholly under the curve for x below X[i + 1];
     * layer 0 is the base strip (width V / f(R), so X[1] = R) with the tail beyond R. F[i] = f(X[i])
     * for the layers above it (the base strip has no wedge).
     */
    static final double[] NORMAL_X = new double[129];
    static final double[] NORMAL_F = new double[129];
    static final double[] EXP_X = new double[257];
    static final double[] EXP_F = new double[257];

    static {
        NORMAL_X[0] = NORMAL_V / StrictMath.exp(-0.5 * NORMAL_R * NORMAL_R);
        NORMAL_X[1] = NORMAL_R;
        for (int i = 1; i < 127; i++) {
            NORMAL_X[i + 1] = Math.sqrt(-2 * StrictMath.log(NORMAL_V / NORMAL_X[i] + StrictMath.exp(-0.5 * NORMAL_X[i] * NORMAL_X[i])));
        }
        for (int i = 1; i < 128; i++) NORMAL_F[i] = StrictMath.exp(-0.5 * NORMAL_X[i] * NORMAL_X[i]);
        NORMAL_F[128] = 1;

        EXP_X[0] = EXP_V / StrictMath.exp(-EXP_R);
        EXP_X[1] = EXP_R;
        for (int i = 1; i < 255; i++) EXP_X[i + 1] = -StrictMath.log(EXP_V / EXP_X[i] + StrictMath.exp(-EXP_X[i]));
        for (int i = 1; i < 256; i++) EXP_F[i] = StrictMath.exp(-EXP_X[i]);
        EXP_F[256] = 1;
    }

    private Ziggurat() {}

    /** Standard normal. Bits 0-6 choose the layer, bit 7 the sign, bits 11-63 the magnitude. */
    static double normal(SplitMix64 rng) {
        while (true) {
            long u = rng.nextLong();
            int i = (int) u & 127;
            double x = ((u >>> 11) * 0x1.0p-53) * NORMAL_X[i];
            long sign = (u & 128) << 56;
            if (x < NORMAL_X[i + 1]) return withSign(x, sign);
            if (i == 0) return withSign(normalTail(rng), sign);
            double y = NORMAL_F[i] + rng.nextDouble() * (NORMAL_F[i + 1] - NORMAL_F[i]);
            if (y < StrictMath.exp(-0.5 * x * x)) return withSign(x, sign);
        }
    }

    /** x >= 0 with the sign bit set from bit 63 of sign: a branch here would be a coin flip. */
    private static double withSign(double x, long sign) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(x) | sign);
    }

    /** Marsaglia (1964): beyond R, a = -ln(u1) / R, b = -ln(u2) until 2b >= a^2; R + a. */
    private static double normalTail(SplitMix64 rng) {
        double a, b;
        do {
            a = -StrictMath.log(1 - rng.nextDouble()) / NORMAL_R;
            b = -StrictMath.log(1 - rng.nextDouble());
        } while (b + b < a * a);
        return NORMAL_R + a;
    }

    /** Standard exponential. Bits 0-7 choose the layer, bits 11-63 the magnitude; the tail is R plus a fresh draw. */
    static double exponential(SplitMix64 rng) {
        double offset = 0;
        while (true) {
            long u = rng.nextLong();
            int i = (int) u & 255;
            double x = ((u >>> 11) * 0x1.0p-53) * EXP_X[i];
            if (x < EXP_X[i + 1]) return offset + x;
            if (i == 0) {
                offset += EXP_R;
                continue;
            }
            double y = EXP_F[i] + rng.nextDouble() * (EXP_F[i + 1] - EXP_F[i]);
            if (y < StrictMath.exp(-x)) return offset + x;
        }
    }
}
