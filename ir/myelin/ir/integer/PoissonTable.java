package myelin.ir.integer;

import java.util.Arrays;

/**
 * The cumulative Poisson distribution a source draws its spike count from
 * (docs/semantics.md, "Sources"): entry k is {@code 2^32 P(X <= k)}, and the first entry
 * that would round to 2^32 is 2^32 itself, so a 32-bit draw u gives the count k, the first
 * index with {@code u < cdf[k]}. The integer model stores it rounded ({@link #fixedPoint});
 * the reference engine keeps it unrounded ({@link #exact}). Both stop at the same k.
 */
public final class PoissonTable {
    /** The largest mean count per step supported: the table stays short and exact. */
    public static final double MAX_LAMBDA = 64;
    private static final double ONE = 4294967296.0;

    private PoissonTable() {}

    /** {@code 2^32 P(X <= k)} for each k, unrounded, the last entry exactly 2^32. */
    public static double[] exact(double lambda) {
        double p = StrictMath.exp(-lambda);
        double sum = p;
        double[] table = new double[64];
        int k = 0;
        table[0] = sum * ONE;
        // An entry that rounds to 2^32 is the last: no 32-bit draw reaches past it.
        while (table[k] < ONE - 0.5 && k < 1000) {
            k++;
            p *= lambda / k;
            sum += p;
            if (k == table.length) table = Arrays.copyOf(table, k * 2);
            table[k] = sum * ONE;
        }
        table[k] = ONE;
        return Arrays.copyOf(table, k + 1);
    }

    /** The same table rounded to integers: what the integer model and every backend store. */
    public static long[] fixedPoint(double lambda) {
        double[] exact = exact(lambda);
        long[] table = new long[exact.length];
        for (int k = 0; k < table.length; k++) table[k] = Math.round(exact[k]);
        return table;
    }
}
