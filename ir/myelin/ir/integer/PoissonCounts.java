package myelin.ir.integer;

/**
 * The spike count of a Poisson draw: the first k with {@code u < cdf[k]} (docs/semantics.md),
 * found through the top 8 bits of u. Most of the 256 buckets of u hold one count, which is
 * returned at once; the few that straddle a table entry finish with the linear search. Same
 * result as the search alone, without its unpredictable branches.
 */
public final class PoissonCounts {
    private static final int STRADDLES = 1 << 16;
    private final long[] cdf;
    private final int[] buckets = new int[256];

    public PoissonCounts(long[] cdf) {
        this.cdf = cdf;
        for (int b = 0; b < buckets.length; b++) {
            long first = (long) b << 24;
            int low = search(first, 0);
            int high = search(first + (1 << 24) - 1, low);
            buckets[b] = low | (low == high ? 0 : STRADDLES);
        }
    }

    /** @param u a 32-bit draw, {@code 0 <= u < 2^32} */
    public int count(long u) {
        int bucket = buckets[(int) (u >>> 24)];
        return (bucket & STRADDLES) == 0 ? bucket : search(u, bucket & (STRADDLES - 1));
    }

    private int search(long u, int from) {
        int k = from;
        while (u >= cdf[k]) k++;
        return k;
    }
}
