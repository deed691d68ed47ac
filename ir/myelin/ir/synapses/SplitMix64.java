package myelin.ir.synapses;

/**
 * The one PRNG of network expansion: SplitMix64 (Steele, Lea, Flood 2014), specified bit
 * for bit in docs/ir.md so that a seed means the same network forever, on any machine.
 * Every row of every projection gets its own stream, derived from the network seed, the
 * projection name and the row index, which is what makes expansion independent of the
 * thread count.
 */
public final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The SplitMix64 output function, also used to derive stream seeds. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The seed of stream {@code index} under {@code parent}. */
    public static long derive(long parent, long index) {
        return mix(mix(parent + GOLDEN_GAMMA) ^ mix(index * GOLDEN_GAMMA + 1));
    }

    /** 64-bit FNV-1a of a name's UTF-8 bytes: how a projection name enters its seed. */
    public static long hash(String name) {
        long h = 0xCBF29CE484222325L;
        for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return h;
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform on [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform on [0, bound), unbiased (Lemire's multiply-and-reject on the high 32 bits). */
    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive: " + bound);
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** Standard normal, by the ziggurat ({@link Ziggurat}); no state besides the generator's. */
    public double nextGaussian() {
        return Ziggurat.normal(this);
    }

    /** Standard exponential, by the ziggurat. */
    public double nextExponential() {
        return Ziggurat.exponential(this);
    }
}
