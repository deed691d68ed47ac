package myelin.passes.threshold;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code [sum weights[i] x inputs[i] >= threshold]} over binary input signals: one threshold
 * gate of a network, before it is built from cells.
 */
record ThresholdFunction(int[] inputs, long[] weights, long threshold) {
    boolean value(boolean[] input) {
        long sum = 0;
        for (int i = 0; i < inputs.length; i++) if (input[i]) sum += weights[i];
        return sum >= threshold;
    }

    /**
     * The same function with each input once (multapses summed), no zero weights, and weights
     * divided by their greatest common divisor (the threshold rounded up: the sums are its
     * multiples). A function that is constant becomes one with no inputs, threshold 0 (true) or 1.
     */
    ThresholdFunction reduced() {
        Map<Integer, Long> merged = new LinkedHashMap<>();
        for (int i = 0; i < inputs.length; i++) merged.merge(inputs[i], weights[i], Long::sum);
        merged.values().removeIf(w -> w == 0);
        int[] in = merged.keySet().stream().mapToInt(Integer::intValue).toArray();
        long[] w = merged.values().stream().mapToLong(Long::longValue).toArray();
        long gcd = 0;
        for (long x : w) gcd = gcd(gcd, Math.abs(x));
        long t = threshold;
        if (gcd > 1) {
            for (int i = 0; i < w.length; i++) w[i] /= gcd;
            t = Math.floorDiv(t + gcd - 1, gcd);
        }
        long low = 0, high = 0;
        for (long x : w) {
            if (x < 0) low += x;
            else high += x;
        }
        if (t <= low) return new ThresholdFunction(new int[0], new long[0], 0);
        if (t > high) return new ThresholdFunction(new int[0], new long[0], 1);
        return new ThresholdFunction(in, w, t);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
    }

    @Override
    public String toString() {
        return "[" + Arrays.toString(weights) + " . x >= " + threshold + "]";
    }
}
