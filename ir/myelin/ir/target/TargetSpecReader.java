package myelin.ir.target;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import myelin.ir.diag.Suggestions;
import myelin.ir.integer.Profile;
import myelin.ir.network.Target;
import myelin.ir.units.Dimension;

/**
 * A {@code target NAME { ... }} block as a {@link TargetSpec}. {@code base = NAME;} picks
 * the built-in target to start from (default: simulation); {@code profile = NAME;} sets the
 * integer profile; the limits are plain integers. Unknown settings are errors.
 */
public final class TargetSpecReader {
    private static final List<String> LIMITS = List.of("neurons_per_core", "core_memory_bytes", "delay_slots", "cores_per_chip",
            "chip_memory_bytes", "routing_entries", "synapse_word_bits", "synapses_per_core");

    /** The target, or the problems that keep it from being one (each naming its setting). */
    public record Result(TargetSpec spec, List<String> problems) {}

    private TargetSpecReader() {}

    public static Result read(Target block) {
        List<String> problems = new ArrayList<>();
        TargetSpec base = TargetSpec.SIMULATION;
        Profile profile = null;
        Map<String, Long> limits = new LinkedHashMap<>();
        Boolean synapsesInCore = null;
        Boolean torus = null;
        myelin.ir.logic.CellLibrary cells = base.cells();
        Map<String, Double> cell = new LinkedHashMap<>();
        ScaleBound scaleBound = null;
        for (Target.Setting s : block.settings()) {
            String at = "target " + block.name() + ": '" + s.name() + "' ";
            switch (s.name()) {
                case "base" -> {
                    var named = s instanceof Target.NameSetting n ? TargetSpec.builtIn(n.value()) : java.util.Optional.<TargetSpec>empty();
                    if (named.isPresent()) base = named.get();
                    else problems.add(at + "names a built-in target (" + names() + ")");
                }
                case "synapse_memory" -> {
                    String where = s instanceof Target.NameSetting n ? n.value() : "";
                    if (where.equals("core") || where.equals("chip")) synapsesInCore = where.equals("core");
                    else problems.add(at + "is core or chip");
                }
                case "torus" -> {
                    String v = s instanceof Target.NameSetting n ? n.value() : "";
                    if (v.equals("yes") || v.equals("no")) torus = v.equals("yes");
                    else problems.add(at + "is yes or no");
                }
                case "cells" -> {
                    var named = s instanceof Target.NameSetting n ? myelin.ir.logic.CellLibrary.builtIn(n.value())
                            : java.util.Optional.<myelin.ir.logic.CellLibrary>empty();
                    if (named.isPresent()) cells = named.get();
                    else problems.add(at + "names a cell library (tulip, ftl)");
                }
                case "cell_fan_in", "cell_weight_bits", "cell_threshold_bits", "cell_area", "cell_delay" -> {
                    boolean whole = !s.name().equals("cell_area") && !s.name().equals("cell_delay");
                    if (s instanceof Target.QuantitySetting q && q.dimension() == Dimension.NONE && q.value() > 0
                            && (!whole || q.value() == Math.rint(q.value()) && q.value() <= 30)) {
                        cell.put(s.name(), q.value());
                    } else {
                        problems.add(at + (whole ? "must be a whole number from 1 to 30" : "must be a positive number"));
                    }
                }
                case "scale_bound" -> {
                    var named = s instanceof Target.NameSetting n ? ScaleBound.named(n.value()) : java.util.Optional.<ScaleBound>empty();
                    if (named.isPresent()) scaleBound = named.get();
                    else problems.add(at + "is largest_weight or summed_input");
                }
                case "profile" -> {
                    var named = s instanceof Target.NameSetting n ? Profile.named(n.value()) : java.util.Optional.<Profile>empty();
                    if (named.isPresent()) profile = named.get();
                    else problems.add(at + "names a profile (" + String.join(", ", Profile.all().stream().map(Profile::name).toList()) + ")");
                }
                default -> {
                    if (!LIMITS.contains(s.name())) {
                        problems.add("target " + block.name() + ": unknown setting '" + s.name() + "'"
                                + Suggestions.didYouMean(s.name(), settings()) + " (settings: " + String.join(", ", settings()) + ")");
                    } else if (s instanceof Target.QuantitySetting q && q.dimension() == Dimension.NONE && q.value() >= 1
                            && q.value() == Math.rint(q.value()) && q.value() < 1e18) {
                        limits.put(s.name(), (long) q.value());
                    } else {
                        problems.add(at + "must be a positive whole number");
                    }
                }
            }
        }
        TargetSpec.Limits b = base.limits();
        var l = new TargetSpec.Limits(limits.getOrDefault("neurons_per_core", b.neuronsPerCore()),
                limits.getOrDefault("core_memory_bytes", b.coreMemoryBytes()), limits.getOrDefault("delay_slots", b.delaySlots()),
                limits.getOrDefault("cores_per_chip", b.coresPerChip()), limits.getOrDefault("chip_memory_bytes", b.chipMemoryBytes()),
                limits.getOrDefault("routing_entries", b.routingEntries()), limits.getOrDefault("synapse_word_bits", b.synapseWordBits()),
                limits.getOrDefault("synapses_per_core", b.synapsesPerCore()),
                synapsesInCore == null ? b.synapsesInCoreMemory() : synapsesInCore, torus == null ? b.torus() : torus);
        if (!cell.isEmpty()) {
            var c = cells;
            int weightBits = 64 - Long.numberOfLeadingZeros(c.weightMax()) + 1;
            int thresholdBits = 64 - Long.numberOfLeadingZeros(c.thresholdMax()) + 1;
            cells = myelin.ir.logic.CellLibrary.ofBits(block.name(), cell.getOrDefault("cell_fan_in", (double) c.fanIn()).intValue(),
                    cell.getOrDefault("cell_weight_bits", (double) weightBits).intValue(),
                    cell.getOrDefault("cell_threshold_bits", (double) thresholdBits).intValue(), cell.getOrDefault("cell_area", c.area()),
                    cell.getOrDefault("cell_delay", c.delay()));
        }
        return new Result(new TargetSpec(block.name(), base.name(), profile == null ? base.profile() : profile, l, cells,
                scaleBound == null ? base.scaleBound() : scaleBound), problems);
    }

    private static List<String> settings() {
        List<String> all = new ArrayList<>(List.of("base", "profile", "scale_bound"));
        all.addAll(LIMITS);
        all.add("synapse_memory");
        all.add("torus");
        all.addAll(List.of("cells", "cell_fan_in", "cell_weight_bits", "cell_threshold_bits", "cell_area", "cell_delay"));
        return all;
    }

    private static String names() {
        return String.join(", ", TargetSpec.builtIn().stream().map(TargetSpec::name).toList());
    }
}
