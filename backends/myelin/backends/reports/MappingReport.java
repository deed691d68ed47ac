package myelin.backends.reports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import myelin.ir.hardware.Block;
import myelin.ir.hardware.Core;
import myelin.ir.hardware.DelayExtension;
import myelin.ir.hardware.Encoding;
import myelin.ir.hardware.HardwareNetwork;
import myelin.ir.target.TargetSpec;
import myelin.passes.PassManager;

/**
 * What mapping made of a network: cores and neurons per core, delay extensions, and bytes
 * per synapse by encoding and by projection, every header and lookup table included
 * (docs/hardware-ir.md, "Bytes"); then each pass's time and peak heap.
 */
public record MappingReport(String network, String target, int cores, int sourceCores, int minNeurons, double meanNeurons,
                            int maxNeurons, long chips, int delayExtensions, int delayStages, int maxStages,
                            Map<Encoding, Totals> byEncoding, Map<String, Totals> byProjection, long lookupBytes, long kernelBytes,
                            long synapses,
                            long bytes, List<PassManager.PassStatistics> passes) {
    /** Bytes of one lookup entry: the (source core, stage) key, and the first block and count it leads to. */
    public static final int LOOKUP_ENTRY_BYTES = 8;

    /** Blocks, synapses and bytes (headers included) of one encoding or projection. */
    public record Totals(long blocks, long synapses, long bytes) {
        Totals plus(Block b) {
            return new Totals(blocks + 1, synapses + b.synapses(), bytes + Block.HEADER_BYTES + b.dataBytes());
        }

        public double bytesPerSynapse() {
            return synapses == 0 ? 0 : (double) bytes / synapses;
        }
    }

    public static MappingReport of(HardwareNetwork hw, TargetSpec target, List<PassManager.PassStatistics> passes) {
        List<Core> neuronCores = hw.cores().stream().filter(c -> !c.isSource()).toList();
        int min = neuronCores.stream().mapToInt(Core::size).min().orElse(0);
        int max = neuronCores.stream().mapToInt(Core::size).max().orElse(0);
        double mean = neuronCores.stream().mapToInt(Core::size).average().orElse(0);
        long perChip = target.limits().coresPerChip();
        long chips = perChip > 0 ? (hw.cores().size() + perChip - 1) / perChip : 0;
        Map<Encoding, Totals> byEncoding = new LinkedHashMap<>();
        Map<String, Totals> byProjection = new LinkedHashMap<>();
        Set<Long> keys = new HashSet<>();
        Totals empty = new Totals(0, 0, 0);
        for (Block b : hw.blocks()) {
            byEncoding.put(b.encoding(), byEncoding.getOrDefault(b.encoding(), empty).plus(b));
            byProjection.put(b.projection(), byProjection.getOrDefault(b.projection(), empty).plus(b));
            keys.add(((long) b.core() << 40) | ((long) b.source() << 8) | b.stage());
        }
        long lookup = (long) keys.size() * LOOKUP_ENTRY_BYTES;
        long kernels = hw.kernels().stream().mapToLong(myelin.ir.hardware.Kernel::bytes).sum();
        for (var k : hw.kernels()) {
            Totals t = byProjection.get(k.projection());
            if (t != null) byProjection.put(k.projection(), new Totals(t.blocks(), t.synapses(), t.bytes() + k.bytes()));
        }
        long bytes = lookup + kernels + byEncoding.values().stream().mapToLong(Totals::bytes).sum();
        long synapses = hw.synapseCount();
        int stages = hw.delayExtensions().stream().mapToInt(DelayExtension::stages).sum();
        int maxStages = hw.delayExtensions().stream().mapToInt(DelayExtension::stages).max().orElse(0);
        return new MappingReport(hw.name(), hw.target(), hw.cores().size(), hw.cores().size() - neuronCores.size(), min, mean, max, chips,
                hw.delayExtensions().size(), stages, maxStages, byEncoding, byProjection, lookup, kernels, synapses, bytes, List.copyOf(passes));
    }

    public double bytesPerSynapse() {
        return synapses == 0 ? 0 : (double) bytes / synapses;
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "mapping of %s onto %s%n", network, target));
        out.append(String.format(Locale.ROOT, "  cores                %d (%d of them sources)%s%n", cores, sourceCores,
                chips > 0 ? ", at least " + chips + " chip" + (chips == 1 ? "" : "s") : ""));
        out.append(String.format(Locale.ROOT, "  neurons per core     %d to %d, mean %.1f%n", minNeurons, maxNeurons, meanNeurons));
        out.append(String.format(Locale.ROOT, "  delay extensions     %d (%d stages, at most %d on one source core)%s%n", delayExtensions,
                delayStages, maxStages, delayStages > 0 ? "; each stage re-sends every spike of its source once" : ""));
        out.append(String.format(Locale.ROOT, "  synapses             %d in %d bytes: %.3f bytes per synapse (headers and lookup tables included)%n",
                synapses, bytes, bytesPerSynapse()));
        out.append(String.format(Locale.ROOT, "  %-24s %10s %14s %16s %10s%n", "encoding", "blocks", "synapses", "bytes", "B/synapse"));
        byEncoding.forEach((e, t) -> out.append(row(e.keyword(), t)));
        out.append(String.format(Locale.ROOT, "  %-24s %10s %14s %16d%n", "lookup tables", "", "", lookupBytes));
        if (kernelBytes > 0) out.append(String.format(Locale.ROOT, "  %-24s %10s %14s %16d%n", "shared kernels", "", "", kernelBytes));
        out.append(String.format(Locale.ROOT, "  %-24s %10s %14s %16s %10s%n", "projection", "blocks", "synapses", "bytes", "B/synapse"));
        byProjection.forEach((p, t) -> out.append(row(p, t)));
        if (!passes.isEmpty()) {
            out.append(String.format(Locale.ROOT, "  %-24s %10s %16s%n", "pass", "seconds", "peak heap (MB)"));
            for (var s : passes) out.append(String.format(Locale.ROOT, "  %-24s %10.3f %16.1f%n", s.pass(), s.seconds(), s.peakHeapBytes() / 1e6));
        }
        return out.toString();
    }

    private static String row(String name, Totals t) {
        return String.format(Locale.ROOT, "  %-24s %10d %14d %16d %10.3f%n", name, t.blocks(), t.synapses(), t.bytes(), t.bytesPerSynapse());
    }

    /** The report as one JSON object. */
    public String json() {
        return json("");
    }

    /** The report as one JSON object, with more fields (already JSON, comma-separated) at its end. */
    public String json(String extraFields) {
        List<String> fields = new ArrayList<>();
        fields.add(kv("network", quote(network)));
        fields.add(kv("target", quote(target)));
        fields.add(kv("cores", cores));
        fields.add(kv("source_cores", sourceCores));
        fields.add(kv("chips", chips));
        fields.add(kv("neurons_per_core_min", minNeurons));
        fields.add(kv("neurons_per_core_mean", meanNeurons));
        fields.add(kv("neurons_per_core_max", maxNeurons));
        fields.add(kv("delay_extensions", delayExtensions));
        fields.add(kv("delay_stages", delayStages));
        fields.add(kv("synapses", synapses));
        fields.add(kv("bytes", bytes));
        fields.add(kv("bytes_per_synapse", bytesPerSynapse()));
        fields.add(kv("lookup_bytes", lookupBytes));
        fields.add(kv("kernel_bytes", kernelBytes));
        fields.add(kv("encodings", totals(byEncoding.entrySet().stream().map(e -> Map.entry(e.getKey().keyword(), e.getValue())).toList())));
        fields.add(kv("projections", totals(List.copyOf(byProjection.entrySet()))));
        List<String> pass = new ArrayList<>();
        for (var s : passes) {
            pass.add("{" + kv("pass", quote(s.pass())) + ", " + kv("seconds", s.seconds()) + ", " + kv("peak_heap_bytes", s.peakHeapBytes()) + "}");
        }
        fields.add(kv("passes", "[" + String.join(", ", pass) + "]"));
        if (!extraFields.isEmpty()) fields.add(extraFields);
        return "{" + String.join(", ", fields) + "}";
    }

    private static String totals(List<Map.Entry<String, Totals>> entries) {
        List<String> out = new ArrayList<>();
        for (var e : entries) {
            Totals t = e.getValue();
            out.add(quote(e.getKey()) + ": {" + kv("blocks", t.blocks()) + ", " + kv("synapses", t.synapses()) + ", " + kv("bytes", t.bytes())
                    + ", " + kv("bytes_per_synapse", t.bytesPerSynapse()) + "}");
        }
        return "{" + String.join(", ", out) + "}";
    }

    private static String kv(String key, Object value) {
        return quote(key) + ": " + (value instanceof Double d ? String.format(Locale.ROOT, "%.6g", d) : value);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
