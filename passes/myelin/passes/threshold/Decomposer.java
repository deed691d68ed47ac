package myelin.passes.threshold;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import myelin.ir.logic.CellLibrary;

/**
 * Builds a threshold function from cells of a library (docs/threshold-logic.md): one cell
 * when the normalised function fits it; otherwise inputs with negative weights are
 * complemented (x -> NOT x, the threshold raised by the weight: the XNOR-popcount form of
 * +-1 layers), each weight's binary digits put its input into columns, the columns are
 * compressed by parallel counters made of threshold cells (a full adder is two: carry
 * {@code [a+b+c >= 2]}, sum {@code [a+b+c-2 carry >= 1]}; wider cells make wider counters)
 * until each column holds one bit, and the sum is compared with the threshold by a chain
 * of cells, each deciding as many bits as its weights allow.
 */
final class Decomposer {
    private final CellLibrary library;
    /** Bits one counter compresses, and its output bits. */
    private final int counterInputs;

    Decomposer(CellLibrary library) {
        this.library = library;
        int m = 2;
        while (m < 64 && fitsCounter(m + 1)) m++;
        this.counterInputs = m;
    }

    private boolean fitsCounter(int m) {
        int k = 64 - Long.numberOfLeadingZeros(m);
        return m + k - 1 <= library.fanIn() && -(1L << (k - 1)) >= library.weightMin() && (1L << (k - 1)) <= library.thresholdMax();
    }

    /** The signal that computes f (already normalised), its cells added to the builder. */
    int build(ThresholdFunction f, CellBuilder b) {
        if (f.inputs().length == 0) return f.threshold() <= 0 ? CellBuilder.TRUE : CellBuilder.FALSE;
        int[] weights = new int[f.weights().length];
        boolean small = true;
        for (int i = 0; i < weights.length; i++) {
            small &= f.weights()[i] >= library.weightMin() && f.weights()[i] <= library.weightMax();
            weights[i] = (int) f.weights()[i];
        }
        if (small && library.fits(weights, f.threshold())) return b.cell(f.inputs(), weights, f.threshold());
        var unusable = library.unusable();
        if (unusable.isPresent()) {
            throw new IllegalArgumentException(f + " needs " + f.inputs().length + " inputs, weights up to " + maxAbs(f.weights())
                    + " and threshold " + f.threshold() + ", more than one cell holds (fan-in " + library.fanIn() + ", weights ["
                    + library.weightMin() + ", " + library.weightMax() + "], thresholds [" + library.thresholdMin() + ", "
                    + library.thresholdMax() + "]), and the library cannot build adders: " + unusable.get());
        }

        // All weights positive: NOT x for each negative one.
        long threshold = f.threshold();
        long total = 0;
        List<List<Integer>> columns = new ArrayList<>();
        for (int i = 0; i < f.inputs().length; i++) {
            long w = f.weights()[i];
            int signal = f.inputs()[i];
            if (w < 0) {
                signal = b.not(signal);
                threshold -= w;
                w = -w;
            }
            total += w;
            for (int j = 0; w >> j != 0; j++) {
                if ((w >> j & 1) != 0) column(columns, j).add(signal);
            }
        }
        if (threshold <= 0) return CellBuilder.TRUE;
        if (threshold > total) return CellBuilder.FALSE;
        compress(columns, b);
        int[] bits = new int[columns.size()];
        for (int j = 0; j < bits.length; j++) bits[j] = columns.get(j).isEmpty() ? CellBuilder.FALSE : columns.get(j).get(0);
        return compare(bits, threshold, b);
    }

    private static List<Integer> column(List<List<Integer>> columns, int j) {
        while (columns.size() <= j) columns.add(new ArrayList<>());
        return columns.get(j);
    }

    /** Parallel counters, shallowest bits first, until every column holds at most one bit. */
    private void compress(List<List<Integer>> columns, CellBuilder b) {
        for (int j = 0; j < columns.size(); j++) {
            List<Integer> col = columns.get(j);
            while (col.size() > 1) {
                col.sort(Comparator.comparingInt(b::depth));
                int m = Math.min(counterInputs, col.size());
                List<Integer> taken = new ArrayList<>(col.subList(0, m));
                col.subList(0, m).clear();
                int[] out = counter(taken, b);
                for (int p = 0; p < out.length; p++) column(columns, j + p).add(out[p]);
                col = columns.get(j);
            }
        }
    }

    /** The binary count of m bits, highest bit first computed: bit p is {@code [sum x - sum_{q>p} 2^q c_q >= 2^p]}. */
    private static int[] counter(List<Integer> in, CellBuilder b) {
        int m = in.size();
        int k = 64 - Long.numberOfLeadingZeros(m);
        int[] out = new int[k];
        for (int p = k - 1; p >= 0; p--) {
            int[] signals = new int[m + (k - 1 - p)];
            int[] weights = new int[signals.length];
            for (int i = 0; i < m; i++) {
                signals[i] = in.get(i);
                weights[i] = 1;
            }
            for (int q = p + 1, at = m; q < k; q++, at++) {
                signals[at] = out[q];
                weights[at] = -(1 << q);
            }
            out[p] = b.cell(signals, weights, 1L << p);
        }
        return out;
    }

    /**
     * {@code [sum 2^j bits[j] >= threshold]}: one cell if it fits, else a chain from the lowest
     * bits: g = [window's bits, then g, >= the threshold's bits there, then 1].
     */
    private int compare(int[] bits, long threshold, CellBuilder b) {
        int[] weights = new int[bits.length];
        boolean fits = true;
        for (int j = 0; j < bits.length; j++) {
            fits &= (1L << j) <= library.weightMax() || bits[j] == CellBuilder.FALSE;
            weights[j] = (int) Math.min(1L << j, Integer.MAX_VALUE);
        }
        if (fits && live(bits) <= library.fanIn() && threshold <= library.thresholdMax()) return b.cell(bits, weights, threshold);
        int width = 1;
        while ((1L << (width + 1)) <= library.weightMax() && width + 2 <= library.fanIn()
                && (1L << (width + 2)) - 1 <= library.thresholdMax()) {
            width++;
        }
        int g = CellBuilder.TRUE;
        for (int lo = 0; lo < bits.length; lo += width) {
            int hi = Math.min(bits.length, lo + width);
            int[] signals = new int[hi - lo + 1];
            int[] w = new int[signals.length];
            long t = 1;
            for (int j = lo; j < hi; j++) {
                signals[j - lo] = bits[j];
                w[j - lo] = 1 << (j - lo + 1);
                t += ((threshold >> j) & 1) << (j - lo + 1);
            }
            signals[hi - lo] = g;
            w[hi - lo] = 1;
            g = b.cell(signals, w, t);
        }
        return g;
    }

    private static long maxAbs(long[] w) {
        long m = 0;
        for (long x : w) m = Math.max(m, Math.abs(x));
        return m;
    }

    private static int live(int[] bits) {
        int n = 0;
        for (int s : bits) if (s != CellBuilder.FALSE) n++;
        return n;
    }
}
