package myelin.ir.synapses;

import myelin.ir.network.Distribution;

/** Draws from a {@link Distribution}; a constant draws nothing from the stream. */
public final class Sampler {
    private Sampler() {}

    public static double sample(Distribution d, SplitMix64 rng) {
        if (d instanceof Distribution.Constant c) return c.value();
        if (d instanceof Distribution.Uniform u) return u.low() + (u.high() - u.low()) * rng.nextDouble();
        Distribution.Normal n = (Distribution.Normal) d;
        double x = n.mean() + n.sd() * rng.nextGaussian();
        return Math.min(n.high(), Math.max(n.low(), x));
    }
}
