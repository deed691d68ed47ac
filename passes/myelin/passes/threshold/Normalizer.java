package myelin.passes.threshold;

/**
 * The smallest integer weights and threshold that realise a threshold function's Boolean
 * function, by exhaustive search where the fan-in allows it (docs/threshold-logic.md).
 *
 * <p>A threshold function is unate in every input, with the sign of its weight, so only
 * magnitudes are searched: for m = 1, 2, ... every vector of magnitudes in [0, m] with at
 * least one m, and the first m with a realisation wins; among its realisations the smallest
 * sum of magnitudes, then the threshold nearest zero. An input the function does not
 * depend on gets weight 0 and is dropped. A vector realises the function when
 * the largest sum over its false points is below the smallest over its true points.
 */
final class Normalizer {
    /** Vectors times truth-table points the search may visit for one gate. */
    static final long BUDGET = 1L << 26;
    /** The widest gate searched: its truth table has 2^MAX_INPUTS points. */
    static final int MAX_INPUTS = 12;

    private Normalizer() {}

    /** The reduced function with the smallest weights, or the reduced function itself where the search is out of budget. */
    static ThresholdFunction normalize(ThresholdFunction f) {
        ThresholdFunction r = f.reduced();
        int n = r.inputs().length;
        if (n == 0 || n > MAX_INPUTS) return r;
        int points = 1 << n;
        boolean[] truth = new boolean[points];
        long[] sums = sums(r.weights(), points);
        for (int x = 0; x < points; x++) truth[x] = sums[x] >= r.threshold();
        long maxAbs = 0;
        for (long w : r.weights()) maxAbs = Math.max(maxAbs, Math.abs(w));
        long visited = 0;
        for (int m = 1; m < maxAbs; m++) {
            long[] best = null;
            long bestT = 0, bestSum = Long.MAX_VALUE;
            int[] magnitude = new int[n];
            
            do {
                if (max(magnitude) != m) continue;
                visited += points;
                if (visited > BUDGET) return r;
                long[] w = new long[n];
                long sum = 0;
                for (int i = 0; i < n; i++) {
                    w[i] = r.weights()[i] < 0 ? -magnitude[i] : magnitude[i];
                    sum += magnitude[i];
                }
                long[] s = sums(w, points);
                long minTrue = Long.MAX_VALUE, maxFalse = Long.MIN_VALUE;
                for (int x = 0; x < points; x++) {
                    if (truth[x]) minTrue = Math.min(minTrue, s[x]);
                    else maxFalse = Math.max(maxFalse, s[x]);
                }
                if (maxFalse >= minTrue) continue;
                long t = maxFalse < 0 && minTrue >= 0 ? 0 : (Math.abs(maxFalse + 1) < Math.abs(minTrue) ? maxFalse + 1 : minTrue);
                if (sum < bestSum || sum == bestSum && Math.abs(t) < Math.abs(bestT)) {
                    best = w;
                    bestSum = sum;
                    bestT = t;
                }
            } while (next(magnitude, m));
            if (best != null) return new ThresholdFunction(r.inputs(), best, bestT).reduced();
        }
        return r;
    }

    private static long[] sums(long[] w, int points) {
        long[] s = new long[points];
        for (int x = 1; x < points; x++) {
            int low = Integer.numberOfTrailingZeros(x);
            s[x] = s[x & (x - 1)] + w[low];
        }
        return s;
    }

    private static int max(int[] v) {
        int m = 0;
        for (int x : v) m = Math.max(m, x);
        return m;
    }

    /** The next vector of magnitudes in [0, m], as an odometer; false after the last. */
    private static boolean next(int[] v, int m) {
        for (int i = 0; i < v.length; i++) {
            if (v[i] < m) {
                v[i]++;
                return true;
            }
            v[i] = 0;
        }
        return false;
    }
}
