package myelin.frontend.nir;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import myelin.ir.diag.InputException;
import myelin.ir.network.Connector;
import myelin.ir.network.Distribution;
import myelin.ir.network.Projection;

/**
 * Folds the real weights and bias of a binary layer into a threshold gate's integers, as
 * FINN's streamlining absorbs scales into thresholds. A trained layer's row n is a positive
 * scale a_n times integers k (a binarised layer: a_n times +-1), so with 0/1 inputs
 *
 *   sum w x + b >= T   exactly when   sum k x + b' >= T,   b' = T - (T - b) / a_n,
 *
 * and b' is a real bias the quantize pass floors without loss (the input is an integer).
 */
final class GateScales {
    /** The largest divisor of a row's smallest weight tried as its scale. */
    static final int MAX_DIVISOR = 64;
    /** How far from an integer a weight over its scale may be (float32 weights carry about 7 digits). */
    static final double TOLERANCE = 1e-5;

    /** The projections into one gate layer with integer weights, and that layer's bias. */
    record Folded(List<Projection> projections, double[] bias) {}

    private GateScales() {}

    /** Whether every weight is already an integer (nothing to fold). */
    static boolean integral(List<Projection> into) {
        for (Projection p : into) {
            if (p.connector() instanceof Connector.ExplicitList list) {
                if (!list.synapses().stream().allMatch(s -> s.weight() == Math.rint(s.weight()))) return false;
                continue;
            }
            if (p.connector() instanceof Connector.Conv2d conv && !java.util.Arrays.stream(conv.kernel()).allMatch(w -> w == Math.rint(w))) {
                return false;
            }
            if (!(p.weight() instanceof Distribution.Constant c) || c.value() != Math.rint(c.value())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Divides each neuron's incoming weights by that neuron's scale. The projections are
     * explicit lists or one-to-one (a convolution with real taps was composed into a list
     * already); {@code bias} may be null (none).
     */
    static Folded fold(String layer, int size, long threshold, List<Projection> into, double[] bias,
                       Function<String, InputException> error) {
        into = into.stream().map(p -> listed(p, size, layer, error)).toList();
        double[] smallest = new double[size];
        java.util.Arrays.fill(smallest, Double.POSITIVE_INFINITY);
        List<List<Double>> rows = new ArrayList<>();
        for (int n = 0; n < size; n++) rows.add(new ArrayList<>());
        for (Projection p : into) {
            for (var s : ((Connector.ExplicitList) p.connector()).synapses()) {
                smallest[s.post()] = Math.min(smallest[s.post()], Math.abs(s.weight()));
                rows.get(s.post()).add(s.weight());
            }
        }
        double[] scale = new double[size];
        for (int n = 0; n < size; n++) {
            scale[n] = Double.isInfinite(smallest[n]) ? 1 : scale(rows.get(n), smallest[n]);
            if (scale[n] == 0) {
                throw error.apply("node '" + layer + "' (Threshold): the weights into neuron " + n + " (" + sample(rows.get(n))
                        + ") are not integer multiples of one scale (tried the smallest weight over 1 to " + MAX_DIVISOR
                        + "); Myelin's threshold gates take integer weights");
            }
        }
        List<Projection> out = new ArrayList<>();
        for (Projection p : into) {
            List<Connector.ExplicitList.Synapse> synapses = new ArrayList<>();
            for (var s : ((Connector.ExplicitList) p.connector()).synapses()) {
                synapses.add(new Connector.ExplicitList.Synapse(s.pre(), s.post(), Math.rint(s.weight() / scale[s.post()]), s.delay()));
            }
            out.add(new Projection(p.name(), p.pre(), p.post(), new Connector.ExplicitList(synapses), p.weight(), p.delay(), p.synapse()));
        }
        double[] folded = new double[size];
        for (int n = 0; n < size; n++) {
            double b = bias == null ? 0 : bias[n];
            folded[n] = threshold - (threshold - b) / scale[n];
        }
        return new Folded(out, folded);
    }

    /** The projection as an explicit list: one-to-one becomes its n synapses. */
    private static Projection listed(Projection p, int size, String layer, Function<String, InputException> error) {
        if (p.connector() instanceof Connector.ExplicitList) return p;
        if (!(p.connector() instanceof Connector.OneToOne) || !(p.weight() instanceof Distribution.Constant w)
                || !(p.delay() instanceof Distribution.Constant d)) {
            throw error.apply("node '" + layer + "' (Threshold): its real weights fold per neuron, but the connection from '" + p.pre()
                    + "' is a " + p.connector().keyword() + " with integer taps; give it real weights or the others integer ones");
        }
        List<Connector.ExplicitList.Synapse> synapses = new ArrayList<>();
        for (int n = 0; n < size; n++) synapses.add(new Connector.ExplicitList.Synapse(n, n, w.value(), d.value()));
        return new Projection(p.name(), p.pre(), p.post(), new Connector.ExplicitList(synapses), new Distribution.Constant(0), p.delay(),
                p.synapse());
    }

    /** The largest a = smallest / d (d = 1 .. MAX_DIVISOR) that every weight is an integer multiple of, or 0. */
    private static double scale(List<Double> row, double smallest) {
        for (int d = 1; d <= MAX_DIVISOR; d++) {
            double a = smallest / d;
            boolean fits = true;
            for (double w : row) {
                double k = w / a;
                if (Math.abs(k - Math.rint(k)) > TOLERANCE * Math.max(1, Math.abs(k))) {
                    fits = false;
                    break;
                }
            }
            if (fits) return a;
        }
        return 0;
    }

    private static String sample(List<Double> row) {
        List<String> shown = row.stream().limit(4).map(w -> String.valueOf((float) (double) w)).toList();
        return String.join(", ", shown) + (row.size() > 4 ? ", ..." : "");
    }
}
