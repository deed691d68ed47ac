package myelin.passes.threshold;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import myelin.ir.logic.CellLibrary;

/**
 * Builds a threshold function from cells of a library (docs/threshold-logic.md): one cell
 * when the normalised function fits it; otherwise the best of three constructions. Adders:
 * each weight's binary digits put its literal (NOT x for a negative weight: the
 * XNOR-popcount form of +-1 layers) into columns, compressed by parallel counters made of
 * threshold cells (a full adder is two: carry {@code [a+b+c >= 2]}, sum {@code [a+b+c-2
 * carry >= 1]}; wider cells make wider counters) until each column holds one bit, then a
 * chain of cells compares the sum with the threshold. Peeling: inputs that decide alone
 * become OR and AND trees around the adders of the rest. Shannon splitting, for gates a few
 * inputs wider than a cell: two cofactors and one cell joining them.
 */
final class Decomposer {
    /** A gate's cells and the signal that computes it. */
    record Built(CellBuilder cells, int out) {
        int depth() {
            return cells.depth(out);
        }
    }

    private final CellLibrary library;
    /** The widest counter the library holds: bits one counter compresses. */
    private final int widestCounter;

    Decomposer(CellLibrary library) {
        this.library = library;
        int m = 2;
        while (m < 64 && fitsCounter(m + 1)) m++;
        this.widestCounter = m;
    }

    /** The fewest cells, then the least depth, of the candidates. */
    Built best(ThresholdFunction f, int inputs) {
        return candidates(f, inputs).stream()
                .min(Comparator.comparingInt((Built c) -> c.cells().cells().size()).thenComparingInt(Built::depth)).orElseThrow();
    }

    /**
     * Adders, peeling and (a few inputs past the fan-in) Shannon splitting, each with every
     * counter width from 3 bits to the library's widest: all this library allows; an error
     * saying why when there is none.
     */
    List<Built> candidates(ThresholdFunction f, int inputs) {
        List<Built> built = new ArrayList<>();
        RuntimeException first = null;
        // Counters of 2 bits (half adders) leave as many bits as they take: only the last of a column.
        for (int m = widestCounter; m >= Math.min(3, widestCounter); m--) {
            for (int way = 0; way < 3; way++) {
                if (way == 2 && !splits(f)) continue;
                CellBuilder b = new CellBuilder(library, inputs);
                try {
                    int out = way == 0 ? build(f, b, m) : way == 1 ? peeled(f, b, m) : split(f, b, m);
                    built.add(new Built(b, b.materialise(out)));
                } catch (IllegalArgumentException | IllegalStateException cannot) {
                    // A library without the weights a construction needs: the others may do (the first says why not).
                    if (first == null) first = cannot;
                }
            }
        }
        if (built.isEmpty()) throw first instanceof IllegalArgumentException e ? e : new IllegalArgumentException(first.getMessage(), first);
        return built;
    }

    /**
     * What no construction beats, for a normalised f: one cell when f fits one; otherwise at
     * least two, and since c cells of fan-in k must join n inputs into one output (c k >= n + c - 1)
     * at least (n - 1) / (k - 1), in at least log_k n levels.
     */
    Bound bound(ThresholdFunction f) {
        int n = f.inputs().length;
        if (n == 0) return new Bound(0, 0);
        if (fitsOneCell(f)) return new Bound(1, 1);
        int k = library.fanIn();
        int cells = k < 2 ? 2 : Math.max(2, (n - 1 + k - 2) / (k - 1));
        int depth = 1;
        for (long reach = k; reach < n && k > 1; reach *= k) depth++;
        return new Bound(cells, Math.max(2, depth));
    }

    /** A lower bound on a gate's cells and depth. */
    record Bound(int cells, int depth) {}

    private boolean fitsOneCell(ThresholdFunction f) {
        for (long w : f.weights()) if (w < library.weightMin() || w > library.weightMax()) return false;
        return library.fits(Arrays.stream(f.weights()).mapToInt(w -> (int) w).toArray(), f.threshold());
    }

    /** Inputs a gate may have beyond the fan-in and still be split on each (2^s cofactors). */
    static final int MAX_SPLITS = 3;

    private boolean splits(ThresholdFunction f) {
        return f.inputs().length > library.fanIn() && f.inputs().length <= library.fanIn() + MAX_SPLITS;
    }

    /**
     * Shannon's expansion on the input y of smallest weight w: with A the cofactor that fires
     * more easily and B the other (A >= B, the function being unate in y),
     * f = B OR (y AND A) = [2B + y + A >= 2] for w > 0, and B OR (NOT y AND A) = [2B - y + A >= 1]
     * for w < 0: one cell over the two cofactors, each normalised and built the best way.
     */
    private int split(ThresholdFunction f, CellBuilder b, int counter) {
        int y = 0;
        for (int i = 1; i < f.weights().length; i++) if (Math.abs(f.weights()[i]) < Math.abs(f.weights()[y])) y = i;
        long w = f.weights()[y];
        int[] in = new int[f.inputs().length - 1];
        long[] weights = new long[in.length];
        for (int i = 0, at = 0; i < f.inputs().length; i++) {
            if (i == y) continue;
            in[at] = f.inputs()[i];
            weights[at++] = f.weights()[i];
        }
        ThresholdFunction one = Normalizer.normalize(new ThresholdFunction(in, weights, f.threshold() - w));
        ThresholdFunction zero = Normalizer.normalize(new ThresholdFunction(in, weights, f.threshold()));
        int a = splitOrBuild(w > 0 ? one : zero, b, counter);
        int bb = splitOrBuild(w > 0 ? zero : one, b, counter);
        return w > 0 ? b.cell(new int[] {bb, f.inputs()[y], a}, new int[] {2, 1, 1}, 2)
                : b.cell(new int[] {bb, f.inputs()[y], a}, new int[] {2, -1, 1}, 1);
    }

    private int splitOrBuild(ThresholdFunction f, CellBuilder b, int counter) {
        return splits(f) ? split(f, b, counter) : build(f, b, counter);
    }

    private boolean fitsCounter(int m) {
        int k = 64 - Long.numberOfLeadingZeros(m);
        return m + k - 1 <= library.fanIn() && -(1L << (k - 1)) >= library.weightMin() && (1L << (k - 1)) <= library.thresholdMax();
    }

    /** A peeled literal and whether it ORs (else ANDs) with the rest. */
    private record Peel(int literal, boolean or) {}

    /**
     * f = l OR rest when a literal l decides true alone, l AND rest when f is false without
     * it: the peeled literals as OR and AND trees around the adder construction of what is
     * left. Literals keep their sign, so the trees need no NOT cells.
     */
    private int peeled(ThresholdFunction f, CellBuilder b, int counter) {
        List<Integer> in = new ArrayList<>();
        List<Long> w = new ArrayList<>();
        for (int i = 0; i < f.inputs().length; i++) {
            in.add(f.inputs()[i]);
            w.add(f.weights()[i]);
        }
        long t = f.threshold();
        List<Peel> chain = new ArrayList<>(); // outermost first
        for (boolean peeling = true; peeling && !in.isEmpty(); ) {
            long high = 0, low = 0; // the largest and the smallest sum
            for (long x : w) {
                if (x > 0) high += x;
                else low += x;
            }
            peeling = false;
            for (int i = 0; i < in.size(); i++) {
                long x = w.get(i);
                // The literal is x for a positive weight, NOT x for a negative one; it is 1 when it adds |x|.
                int literal = x > 0 ? in.get(i) : negated(in.get(i));
                boolean or = low + Math.abs(x) >= t; // literal = 1 reaches T even with the rest at its smallest
                if (!or && high - Math.abs(x) >= t) continue; // literal = 0 does not make f false either
                chain.add(new Peel(literal, or));
                // The rest where the literal does not decide: literal = 0 under OR, 1 under AND.
                boolean xIsOne = or == (x < 0);
                if (xIsOne) t -= x;
                in.remove(i);
                w.remove(i);
                peeling = true;
                break;
            }
        }
        if (chain.isEmpty()) return build(f, b, counter);
        int g = build(new ThresholdFunction(in.stream().mapToInt(Integer::intValue).toArray(),
                w.stream().mapToLong(Long::longValue).toArray(), t).reduced(), b, counter);
        // Innermost first: a run of the same operation is one tree.
        for (int k = chain.size() - 1; k >= 0; ) {
            boolean or = chain.get(k).or();
            List<Integer> literals = new ArrayList<>(List.of(g));
            for (; k >= 0 && chain.get(k).or() == or; k--) literals.add(chain.get(k).literal());
            g = tree(literals, or, b);
        }
        return g;
    }

    /** OR (AND) of literals: cells of up to fan-in literals, shallowest first. */
    private int tree(List<Integer> literals, boolean or, CellBuilder b) {
        List<Integer> open = new ArrayList<>(literals);
        open.removeIf(l -> l == (or ? CellBuilder.FALSE : CellBuilder.TRUE));
        int width = library.fanIn();
        while (!or && width > 1 && width > library.thresholdMax()) width--; // an AND of k positive literals needs threshold k
        while (open.size() > 1) {
            open.sort(Comparator.comparingInt(l -> b.depth(signal(l))));
            int m = Math.min(width, open.size());
            int[] signals = new int[m];
            int[] weights = new int[m];
            int negatedCount = 0;
            for (int i = 0; i < m; i++) {
                signals[i] = signal(open.get(i));
                weights[i] = isNegated(open.get(i)) ? -1 : 1;
                if (isNegated(open.get(i))) negatedCount++;
            }
            // OR: sum of literals >= 1; AND: >= m. NOT x is 1 - x.
            int cell = b.cell(signals, weights, (or ? 1 : m) - negatedCount);
            open.subList(0, m).clear();
            open.add(cell);
        }
        if (open.isEmpty()) return or ? CellBuilder.FALSE : CellBuilder.TRUE;
        int last = open.get(0);
        return isNegated(last) ? b.not(signal(last)) : last;
    }

    /** The adders' signal for f (normalised), with counters of at most {@code counter} bits; its cells added to b. */
    private int build(ThresholdFunction f, CellBuilder b, int counter) {
        if (f.inputs().length == 0) return f.threshold() <= 0 ? CellBuilder.TRUE : CellBuilder.FALSE;
        if (fitsOneCell(f)) return b.cell(f.inputs(), Arrays.stream(f.weights()).mapToInt(w -> (int) w).toArray(), f.threshold());
        var unusable = library.unusable();
        if (unusable.isPresent()) {
            throw new IllegalArgumentException(f + " needs " + f.inputs().length + " inputs, weights up to " + maxAbs(f.weights())
                    + " and threshold " + f.threshold() + ", more than one cell holds (fan-in " + library.fanIn() + ", weights ["
                    + library.weightMin() + ", " + library.weightMax() + "], thresholds [" + library.thresholdMin() + ", "
                    + library.thresholdMax() + "]), and the library cannot build adders: " + unusable.get());
        }

        // All weights positive: the literal NOT x for each negative one (counters take it as -x, their threshold lowered by one).
        long threshold = f.threshold();
        long total = 0;
        List<List<Integer>> columns = new ArrayList<>();
        for (int i = 0; i < f.inputs().length; i++) {
            long w = f.weights()[i];
            int signal = f.inputs()[i];
            if (w < 0) {
                signal = negated(signal);
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
        compress(columns, b, counter, 64 - Long.numberOfLeadingZeros(total));
        int[] bits = new int[columns.size()];
        for (int j = 0; j < bits.length; j++) {
            int literal = columns.get(j).isEmpty() ? CellBuilder.FALSE : columns.get(j).get(0);
            bits[j] = isNegated(literal) ? b.not(signal(literal)) : literal;
        }
        return compare(bits, threshold, b);
    }

    private static List<Integer> column(List<List<Integer>> columns, int j) {
        while (columns.size() <= j) columns.add(new ArrayList<>());
        return columns.get(j);
    }

    /** Parallel counters, shallowest bits first, until every column holds at most one bit; sums below 2^width. */
    private void compress(List<List<Integer>> columns, CellBuilder b, int counter, int width) {
        for (int j = 0; j < columns.size(); j++) {
            List<Integer> col = columns.get(j);
            while (col.size() > 1) {
                col.sort(Comparator.comparingInt(l -> b.depth(signal(l))));
                int m = Math.min(counter, col.size());
                List<Integer> taken = new ArrayList<>(col.subList(0, m));
                col.subList(0, m).clear();
                int[] out = counter(taken, b);
                // A bit at or above the total's width is always 0 (the sum never reaches it): dropped, not carried on.
                for (int p = 0; p < out.length && j + p < width; p++) if (out[p] != CellBuilder.FALSE) column(columns, j + p).add(out[p]);
                col = columns.get(j);
            }
        }
    }

    /**
     * The binary count of m literals, highest bit first computed: bit p is
     * {@code [sum l - sum_{q>p} 2^q c_q >= 2^p]}, a literal NOT x as 1 - x.
     */
    private static int[] counter(List<Integer> in, CellBuilder b) {
        int m = in.size();
        int k = 64 - Long.numberOfLeadingZeros(m);
        int[] out = new int[k];
        int negatedCount = 0;
        for (int literal : in) if (isNegated(literal)) negatedCount++;
        for (int p = k - 1; p >= 0; p--) {
            int[] signals = new int[m + (k - 1 - p)];
            int[] weights = new int[signals.length];
            for (int i = 0; i < m; i++) {
                signals[i] = signal(in.get(i));
                weights[i] = isNegated(in.get(i)) ? -1 : 1;
            }
            for (int q = p + 1, at = m; q < k; q++, at++) {
                signals[at] = out[q];
                weights[at] = -(1 << q);
            }
            out[p] = b.cell(signals, weights, (1L << p) - negatedCount);
        }
        return out;
    }

    /** A column holds literals: a signal, or NOT of one, coded below the constants as -3 - signal. */
    private static int negated(int signal) {
        return -3 - signal;
    }

    private static boolean isNegated(int literal) {
        return literal <= -3;
    }

    private static int signal(int literal) {
        return isNegated(literal) ? -3 - literal : literal;
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
