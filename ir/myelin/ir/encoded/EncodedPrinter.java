package myelin.ir.encoded;

import myelin.ir.integer.IntModelText;
import myelin.ir.text.StateText;

/**
 * The encoded stage as text, which {@link EncodedReader} parses back to the same text:
 *
 * <pre>
 * encoded NAME profile=default seed=7 {
 *   population p [3] lif dv=390 current_decays=[742] threshold=4096 reset=-2048 refractory=2
 *     currents [e]
 *     init v [0, 12, -3]
 *   projection in_to_p : in -> p channel=0 synapses=6 weight=776 delay=1
 *     row 0: 0 1 2
 *     row 1: 0 1 2
 * }
 * </pre>
 *
 * A row lists its synapses as {@code post}, with {@code :weight} when weights vary and
 * {@code @delay} when delays vary. Large networks print summarised (the first rows and
 * values of each array), which says so in its first line and does not parse.
 */
public final class EncodedPrinter {
    /** Rows and array values printed per projection or array when summarising. */
    static final int SUMMARY_ROWS = 4;
    /** Networks with more synapses than this print summarised unless asked for in full. */
    public static final long FULL_LIMIT = 20_000;
    static final String SUMMARY_MARK = "// summarised";

    private EncodedPrinter() {}

    /** In full when the network is small, summarised otherwise. */
    public static String print(EncodedNetwork net) {
        return print(net, net.synapseCount() <= FULL_LIMIT && net.populations().stream().allMatch(p -> p.size() <= FULL_LIMIT));
    }

    public static String print(EncodedNetwork net, boolean full) {
        StringBuilder out = new StringBuilder();
        if (!full) out.append(SUMMARY_MARK).append(": the first ").append(SUMMARY_ROWS).append(" rows and the first")
                .append(" values of each array; this text does not parse back\n");
        out.append("encoded ").append(net.name()).append(" profile=").append(net.profile().name()).append(" seed=").append(net.seed()).append(" {\n");
        for (EncodedNetwork.Population p : net.populations()) {
            out.append("  population ").append(p.name()).append(" [").append(p.size()).append("] ")
                    .append(IntModelText.print(p.model())).append('\n');
            StateText.print(out, p.currents(), p.bias(), p.initialV(), p.initialCurrents(), full);
        }
        for (EncodedNetwork.Projection proj : net.projections()) {
            EncodedSynapses s = proj.synapses();
            out.append("  projection ").append(proj.name()).append(" : ").append(net.populations().get(proj.pre()).name())
                    .append(" -> ").append(net.populations().get(proj.post()).name()).append(" channel=").append(proj.channel())
                    .append(" synapses=").append(s.size())
                    .append(" weight=").append(s.weights() == null ? Integer.toString(s.constantWeight()) : "each")
                    .append(" delay=").append(s.delays() == null ? Integer.toString(s.constantDelay()) : "each").append('\n');
            int printed = 0;
            for (int pre = 0; pre < s.preSize(); pre++) {
                if (s.rowStart(pre) == s.rowEnd(pre)) continue;
                if (!full && printed == SUMMARY_ROWS) {
                    out.append("    // ... rows up to ").append(s.preSize() - 1).append('\n');
                    break;
                }
                out.append("    row ").append(pre).append(':');
                for (int k = s.rowStart(pre); k < s.rowEnd(pre); k++) {
                    out.append(' ').append(s.post(k));
                    if (s.weights() != null) out.append(':').append(s.weight(k));
                    if (s.delays() != null) out.append('@').append(s.delay(k));
                }
                out.append('\n');
                printed++;
            }
        }
        return out.append("}\n").toString();
    }

    /** Per projection what the integers did to its weights (docs/semantics.md, "Quantization"), as an aligned table. */
    public static String weightReport(EncodedNetwork net) {
        StringBuilder out = new StringBuilder("weights against the physical ones, per projection\n");
        out.append(String.format(java.util.Locale.ROOT, "%-28s %12s %15s %16s %12s%n", "projection", "synapses", "relative RMS", "rounded to zero",
                "clipped"));
        for (WeightError e : net.weightErrors()) {
            out.append(String.format(java.util.Locale.ROOT, "%-28s %12d %14.3f%% %16d %12d%n", e.projection(), e.synapses(), 100 * e.relativeRms(),
                    e.roundedToZero(), e.clipped()));
        }
        return out.toString();
    }
}
