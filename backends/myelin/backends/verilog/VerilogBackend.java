package myelin.backends.verilog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import myelin.ir.hardware.HardwareNetwork;

/**
 * Emits a packed hardware network as Verilog-2005 (docs/verilog.md): one module per core,
 * the router, the top, their memory files, testbenches for Verilator and Icarus, and scripts
 * to simulate and synthesise. Every file comes from a template in {@code templates/verilog/};
 * {@link DesignView} and {@link CoreView} compute what the templates print.
 */
public final class VerilogBackend {
    /** The file a design reads when a run has no input spikes: the header alone. */
    public static final String NO_INPUT = "no_input.csv";

    private final Templates templates;

    public VerilogBackend(String version) {
        this(version, null);
    }

    /** A backend that renders the templates of {@code templateFolder} (its {@code NAME.vm} files) instead of the built-in ones. */
    public VerilogBackend(String version, java.nio.file.Path templateFolder) {
        this.templates = new Templates(version, templateFolder);
    }

    /**
     * A gate netlist as Verilog: the cells as instances of a behavioural cell model, their
     * history registers and the spike arrays (docs/threshold-logic.md), with the same
     * testbenches and scripts as a core design.
     */
    public Map<String, String> emitNetlist(myelin.ir.logic.GateNetlist netlist, myelin.ir.encoded.EncodedNetwork net,
                                           myelin.ir.logic.CellLibrary library) {
        NetlistView design = NetlistView.of(netlist, net, library);
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, Object> top = Map.of("d", design, "maxInput", 1);
        files.put("myelin_cell.v", templates.render("cell", Map.of()));
        files.put("myelin_top.v", templates.render("netlist", top));
        files.put("harness.cpp", templates.render("harness", top));
        files.put("tb.v", templates.render("tb", top));
        files.put("simulate.sh", templates.render("simulate", top));
        return withMemories(files, design.memories());
    }

    /**
     * The gates' functions as plain logic, {@code y[k] = (sum of w_i s[i]) >= T}, for a logic
     * synthesiser's LUT count of the same functions (the cells are not used).
     *
     * @param gates per gate: its input signals, weights and threshold
     */
    public String plainLogic(String name, int inputs, List<int[]> gateInputs, List<long[]> gateWeights, List<Long> thresholds) {
        List<String> expressions = new java.util.ArrayList<>();
        for (int k = 0; k < gateInputs.size(); k++) {
            StringBuilder e = new StringBuilder("(");
            int[] in = gateInputs.get(k);
            long[] w = gateWeights.get(k);
            long range = Math.abs(thresholds.get(k));
            for (long x : w) range += Math.abs(x);
            int bits = Literals.valueBits(range) + 1; // wide enough for every partial sum and the threshold
            String zero = bits + "'sd0";
            for (int i = 0; i < in.length; i++) {
                e.append(i > 0 ? " + " : "").append("(s[").append(in[i]).append("] ? ").append(Literals.signed(w[i], bits)).append(" : ")
                        .append(zero).append(')');
            }
            if (in.length == 0) e.append(zero);
            expressions.add(e.append(") >= ").append(Literals.signed(thresholds.get(k), bits)).toString());
        }
        return templates.render("plain", Map.of("name", name, "inputMsb", Math.max(0, inputs - 1), "outputMsb", Math.max(0, gateInputs.size() - 1),
                "gates", expressions));
    }

    /** The files, then the input file with no spikes and every memory file. */
    private static Map<String, String> withMemories(Map<String, String> files, Map<String, List<String>> memories) {
        files.put(NO_INPUT, "step,population,neuron\n");
        for (Map.Entry<String, List<String>> m : memories.entrySet()) files.put(m.getKey(), String.join("\n", m.getValue()) + "\n");
        return files;
    }

    /** The design's files by name, in the order they are written. */
    public Map<String, String> emit(HardwareNetwork hw) {
        DesignView design = DesignView.of(hw);
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, Object> top = Map.of("d", design, "maxInput", CoreView.MAX_INPUT_SPIKES);
        files.put("myelin_ram.v", templates.render("ram", Map.of()));
        for (CoreView c : design.cores()) files.put(c.module() + ".v", templates.render("core", Map.of("c", c)));
        files.put("myelin_router.v", templates.render("router", top));
        files.put("myelin_top.v", templates.render("top", top));
        files.put("harness.cpp", templates.render("harness", top));
        files.put("tb.v", templates.render("tb", top));
        files.put("simulate.sh", templates.render("simulate", top));
        files.put("synthesize.sh", templates.render("synthesize", top));
        files.put("README.md", templates.render("readme", top));
        return withMemories(files, design.memories());
    }
}
