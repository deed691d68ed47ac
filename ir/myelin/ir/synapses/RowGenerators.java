package myelin.ir.synapses;

import java.util.Arrays;
import myelin.ir.network.ConvGeometry;
import myelin.ir.network.Connector;
import myelin.ir.network.Population;

/** The row generator of each connector; the algorithms are specified in docs/ir.md. */
final class RowGenerators {
    private static final double DRAW = Double.NaN;

    private RowGenerators() {}

    static RowGenerator of(myelin.ir.network.Projection projection, Population pre, Population post) {
        Connector connector = projection.connector();
        boolean samePopulation = pre.name().equals(post.name());
        int nPre = pre.size();
        int nPost = post.size();
        if (connector instanceof Connector.AllToAll c) {
            boolean skipSelf = samePopulation && !c.autapses();
            return RowGenerator.byPre(nPre, (i, rng, out) -> {
                for (int j = 0; j < nPost; j++) {
                    if (!(skipSelf && i == j)) out.emit(i, j, DRAW, DRAW);
                }
            });
        }
        if (connector instanceof Connector.OneToOne) {
            return RowGenerator.byPre(nPre, (i, rng, out) -> out.emit(i, i, DRAW, DRAW));
        }
        if (connector instanceof Connector.FixedProbability c) {
            return fixedProbability(c, nPre, nPost, samePopulation && !c.autapses());
        }
        if (connector instanceof Connector.FixedInDegree c) {
            return fixedInDegree(c, nPre, nPost, samePopulation && !c.autapses());
        }
        if (connector instanceof Connector.ExplicitList c) {
            return explicitList(c, nPre);
        }
        return conv2d((Connector.Conv2d) connector, pre, nPre, projection.weight().constant().orElseThrow());
    }

    /**
     * Geometric skipping: the gap to the next post index is floor(e / lambda) with e a standard
     * exponential and lambda = -log(1 - p), which is geometric with success chance p.
     */
    private static RowGenerator fixedProbability(Connector.FixedProbability c, int nPre, int nPost, boolean skipSelf) {
        double p = c.probability();
        double lambda = -StrictMath.log1p(-p);
        return RowGenerator.byPre(nPre, (i, rng, out) -> {
            if (p <= 0) return;
            long j = -1;
            while (true) {
                if (p >= 1) {
                    j++;
                } else {
                    double gap = Math.floor(rng.nextExponential() / lambda);
                    j += 1 + (gap >= nPost ? nPost : (long) gap);
                }
                if (j >= nPost) return;
                if (!(skipSelf && j == i)) out.emit(i, (int) j, DRAW, DRAW);
            }
        });
    }

    /** k pre indices per post row, uniform; without multapses by Floyd's algorithm. */
    private static RowGenerator fixedInDegree(Connector.FixedInDegree c, int nPre, int nPost, boolean skipSelf) {
        int k = c.inDegree();
        return new RowGenerator(nPost, false, false, false, (j, rng, out) -> {
            if (c.multapses()) {
                for (int n = 0; n < k; n++) {
                    int i;
                    do {
                        i = rng.nextInt(nPre);
                    } while (skipSelf && i == j);
                    out.emit(i, j, DRAW, DRAW);
                }
            } else {
                floyd(k, skipSelf ? nPre - 1 : nPre, rng, s -> {
                    int i = skipSelf && s >= j ? s + 1 : s;
                    out.emit(i, j, DRAW, DRAW);
                });
            }
        });
    }

    /** Floyd's sampling of k distinct indices below n, passed on in ascending order. */
    private static void floyd(int k, int n, SplitMix64 rng, java.util.function.IntConsumer out) {
        java.util.HashSet<Integer> chosen = new java.util.HashSet<>();
        for (int m = n - k; m < n; m++) {
            int t = rng.nextInt(m + 1);
            chosen.add(chosen.contains(t) ? m : t);
        }
        chosen.stream().mapToInt(Integer::intValue).sorted().forEach(out);
    }

    private static RowGenerator explicitList(Connector.ExplicitList c, int nPre) {
        var synapses = c.synapses();
        // Group list positions by pre, keeping list order inside a row.
        int[] rowStart = new int[nPre + 1];
        for (var s : synapses) rowStart[s.pre() + 1]++;
        for (int i = 0; i < nPre; i++) rowStart[i + 1] += rowStart[i];
        int[] order = new int[synapses.size()];
        int[] fill = Arrays.copyOf(rowStart, nPre);
        for (int n = 0; n < synapses.size(); n++) order[fill[synapses.get(n).pre()]++] = n;
        boolean weights = synapses.stream().anyMatch(s -> !Double.isNaN(s.weight()));
        boolean delays = synapses.stream().anyMatch(s -> !Double.isNaN(s.delay()));
        return new RowGenerator(nPre, true, weights, delays, (i, rng, out) -> {
            for (int n = rowStart[i]; n < rowStart[i + 1]; n++) {
                var s = synapses.get(order[n]);
                out.emit(s.pre(), s.post(), s.weight(), s.delay());
            }
        });
    }

    /** Each input neuron (c, y, x) reaches every output (c', oy, ox) whose window covers it. */
    private static RowGenerator conv2d(Connector.Conv2d conv, Population pre, int nPre, double scale) {
        ConvGeometry g = ConvGeometry.of(conv, pre.shape(), msg -> {
            throw new IllegalStateException(msg + " (run the verifier first)");
        }).orElseThrow();
        int s = conv.stride();
        int pad = conv.padding();
        return new RowGenerator(nPre, true, true, false, (i, rng, out) -> {
            int c = i / (g.inHeight() * g.inWidth());
            int y = (i / g.inWidth()) % g.inHeight();
            int x = i % g.inWidth();
            for (int co = 0; co < g.outChannels(); co++) {
                for (int ky = 0; ky < conv.kernelHeight(); ky++) {
                    int oyStrided = y + pad - ky;
                    if (oyStrided < 0 || oyStrided % s != 0 || oyStrided / s >= g.outHeight()) continue;
                    for (int kx = 0; kx < conv.kernelWidth(); kx++) {
                        int oxStrided = x + pad - kx;
                        if (oxStrided < 0 || oxStrided % s != 0 || oxStrided / s >= g.outWidth()) continue;
                        double tap = conv.tap(co, c, ky, kx);
                        if (tap == 0) continue;
                        int post = (co * g.outHeight() + oyStrided / s) * g.outWidth() + oxStrided / s;
                        out.emit(i, post, tap * scale, DRAW);
                    }
                }
            }
        });
    }
}
