package myelin.ir.integer;

import java.util.Arrays;
import java.util.Locale;

/** The quantized network as text (for --print-after quantize and golden tests), and its report. */
public final class QuantizedPrinter {
    private QuantizedPrinter() {}

    /**
     * The stage's text, which {@link QuantizedReader} parses back: exact values (shortest
     * round-trip decimals, SI units), with each population's v LSB in mV as a comment.
     */
    public static String print(QuantizedNetwork q) {
        StringBuilder out = new StringBuilder();
        Profile p = q.profile();
        out.append("quantized ").append(q.name()).append(" profile=").append(p.name()).append(" timestep=").append(q.timestep())
                .append(" {  // state=").append(p.stateBits()).append("b if_v=").append(p.integratorBits()).append("b weights=").append(p.weightBits()).append("b decay=")
                .append(p.decayBits()).append("b membrane=").append(p.membrane().name().toLowerCase(Locale.ROOT)).append('\n');
        for (QuantizedNetwork.Population pop : q.populations()) {
            out.append("  population ").append(pop.name()).append(" [").append(pop.size()).append("] ")
                    .append(IntModelText.print(pop.model())).append('\n');
            if (pop.stateScale() != 0) {
                out.append("    v_rest=").append(pop.vRest()).append(" state_scale=").append(pop.stateScale())
                        .append(" current_scales=").append(Arrays.toString(pop.currentScales()))
                        .append(String.format(Locale.ROOT, "  // v_lsb=%.6gmV v_rest=%.6gmV", 1e3 / pop.stateScale(), pop.vRest() * 1e3))
                        .append('\n');
            }
            if (pop.bias().length > 0) out.append("    bias ").append(Arrays.toString(pop.bias())).append('\n');
        }
        for (QuantizedNetwork.Projection proj : q.projections()) {
            out.append("  projection ").append(proj.name()).append(" : ").append(proj.pre()).append(" -> ").append(proj.post())
                    .append(" channel=").append(proj.channel()).append(" exponent=").append(proj.exponent())
                    .append(" scale=").append(proj.weightScale())
                    .append(proj.postExponents().length > 0 ? " post_exponents=" + Arrays.toString(proj.postExponents()) : "")
                    .append("  // shift=").append(q.shift(proj)).append('\n');
        }
        return out.append("}\n").toString();
    }

    /** The report as an aligned table, then warnings and notes. */
    public static String report(QuantizedNetwork q) {
        StringBuilder out = new StringBuilder("quantization report, profile " + q.profile().name() + " (" + q.profile().summary() + ")\n");
        out.append(String.format(Locale.ROOT, "%-28s %-26s %16s %12s %16s %9s%n", "entity", "parameter", "physical", "integer",
                "represented", "error"));
        for (QuantizationReport.Entry e : q.report().entries()) {
            double err = e.relativeError();
            out.append(String.format(Locale.ROOT, "%-28s %-26s %16s %12d %16s %9s%n", e.entity(), e.parameter(),
                    number(e.physical()) + " " + e.unit(), e.integer(), number(e.represented()) + " " + e.unit(),
                    Double.isInfinite(err) ? "inf" : String.format(Locale.ROOT, "%.3f%%", 100 * err)));
        }
        for (String w : q.report().warnings()) out.append("warning: ").append(w).append('\n');
        for (String n : q.report().notes()) out.append("note: ").append(n).append('\n');
        return out.toString();
    }

    private static String number(double x) {
        return String.format(Locale.ROOT, "%.6g", x);
    }
}
