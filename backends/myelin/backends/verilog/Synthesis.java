package myelin.backends.verilog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a design's {@code synthesize.sh} (Yosys {@code synth_ice40} and {@code synth_xilinx},
 * then nextpnr-ice40 on an HX8K) and reads back the cell counts of {@code stat -json} and
 * nextpnr's maximum clock.
 */
public final class Synthesis {
    /** Cells of one synthesis: LUTs, flip-flops, block RAMs and DSPs, by the family's cell names. */
    public record Resources(String family, long luts, long flipFlops, String blockRams, long dsps) {}

    /** Both families' resources, and the iCE40 HX8K's maximum clock when the design fits it. */
    public record Result(Resources ice40, Resources xilinx, OptionalDouble ice40FmaxMhz) {
        public String text() {
            StringBuilder s = new StringBuilder("synthesis (Yosys)\n");
            s.append(String.format(Locale.ROOT, "  %-24s %7s %7s %-34s %5s%n", "family", "LUT", "FF", "block RAM", "DSP"));
            for (Resources r : List.of(ice40, xilinx)) {
                s.append(String.format(Locale.ROOT, "  %-24s %7d %7d %-34s %5d%n", r.family(), r.luts(), r.flipFlops(), r.blockRams(), r.dsps()));
            }
            s.append(ice40FmaxMhz.isPresent() ? String.format(Locale.ROOT, "  %-24s %.1f MHz (nextpnr-ice40)%n", "iCE40 HX8K Fmax", ice40FmaxMhz.getAsDouble())
                    : String.format(Locale.ROOT, "  %-24s - (the design does not fit an HX8K)%n", "iCE40 HX8K Fmax"));
            return s.toString();
        }

        public String jsonFields() {
            return String.format(Locale.ROOT, "\"synthesis\":{\"ice40\":%s,\"xilinx\":%s,\"ice40_fmax_mhz\":%s}", json(ice40), json(xilinx),
                    ice40FmaxMhz.isPresent() ? String.format(Locale.ROOT, "%.1f", ice40FmaxMhz.getAsDouble()) : "null");
        }

        private static String json(Resources r) {
            return String.format(Locale.ROOT, "{\"lut\":%d,\"ff\":%d,\"bram\":\"%s\",\"dsp\":%d}", r.luts(), r.flipFlops(), r.blockRams(), r.dsps());
        }
    }

    public static final List<String> TOOLS = List.of("yosys", "nextpnr-ice40");
    private static final Pattern CELL = Pattern.compile("\"([A-Za-z0-9_$]+)\":\\s*(\\d+)");
    private static final Pattern FMAX = Pattern.compile("Max frequency for clock '[^']*': ([0-9.]+) MHz");

    private Synthesis() {}

    public static Result run(Path dir) throws IOException, RtlSimulator.SimulationException {
        Tools.Output run = Tools.run(List.of("sh", dir.resolve("synthesize.sh").toString()), "synthesis");
        if (run.code() != 0) throw new RtlSimulator.SimulationException("synthesis failed:\n" + run.text());
        Map<String, Long> ice40 = cells(dir.resolve("ice40_stat.json"));
        Map<String, Long> xilinx = cells(dir.resolve("xilinx_stat.json"));
        OptionalDouble fmax = OptionalDouble.empty();
        Path log = dir.resolve("nextpnr.log");
        if (Files.exists(log)) {
            Matcher m = FMAX.matcher(Files.readString(log));
            while (m.find()) fmax = OptionalDouble.of(Double.parseDouble(m.group(1))); // the last report is the routed one
        }
        return new Result(new Resources("iCE40 (synth_ice40)", sum(ice40, "SB_LUT4"), prefixed(ice40, "SB_DFF"),
                sum(ice40, "SB_RAM40_4K") + " SB_RAM40_4K", sum(ice40, "SB_MAC16")),
                new Resources("Xilinx 7 (synth_xilinx)", prefixed(xilinx, "LUT") + sum(xilinx, "INV"), prefixed(xilinx, "FD"),
                        sum(xilinx, "RAMB36E1") + " RAMB36 + " + sum(xilinx, "RAMB18E1") + " RAMB18"
                                + (lutRams(xilinx) > 0 ? " + " + lutRams(xilinx) + " LUT-RAM" : ""), sum(xilinx, "DSP48E1")),
                fmax);
    }

    /** The flat design's cell counts by type (the "num_cells_by_type" of Yosys's stat -json). */
    public static Map<String, Long> cells(Path statJson) throws IOException {
        String text = Files.readString(statJson);
        int at = text.lastIndexOf("\"num_cells_by_type\"");
        Map<String, Long> cells = new TreeMap<>();
        if (at < 0) return cells;
        String block = text.substring(at + "\"num_cells_by_type\"".length(), text.indexOf('}', at));
        Matcher m = CELL.matcher(block);
        while (m.find()) cells.put(m.group(1), Long.parseLong(m.group(2)));
        return cells;
    }

    private static long sum(Map<String, Long> cells, String type) {
        return cells.getOrDefault(type, 0L);
    }

    /** Distributed (LUT) RAM cells: RAM32M, RAM64M and the like, not block RAM. */
    private static long lutRams(Map<String, Long> cells) {
        return cells.entrySet().stream().filter(e -> e.getKey().startsWith("RAM") && !e.getKey().startsWith("RAMB"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Cells whose type starts with the prefix (LUT1..LUT6, every flip-flop variant). */
    private static long prefixed(Map<String, Long> cells, String prefix) {
        return cells.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
    }
}
