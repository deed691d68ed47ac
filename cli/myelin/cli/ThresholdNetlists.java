package myelin.cli;

import myelin.api.AtomicFiles;
import myelin.api.SpikeCsv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import myelin.backends.blif.Blif;
import myelin.backends.verilog.RtlSimulator;
import myelin.backends.verilog.VerilogBackend;
import myelin.ir.encoded.EncodedNetwork;
import myelin.ir.logic.CellLibrary;
import myelin.ir.logic.GateNetlist;
import myelin.ir.logic.GateNetlistText;
import myelin.ir.network.LoadedNetwork;
import myelin.ir.target.TargetSpec;
import myelin.passes.CompilationUnit;
import myelin.passes.PassManager;
import myelin.passes.Pipeline;
import myelin.passes.Stages;
import myelin.passes.threshold.ThresholdMap;

/** compile and verify with {@code --netlist threshold}: the gates of a network as threshold-logic cells (docs/threshold-logic.md). */
final class ThresholdNetlists {
    record Mapped(EncodedNetwork encoded, ThresholdMap.Result result, CellLibrary library) {
        GateNetlist netlist() {
            return result.netlist();
        }
    }

    private ThresholdNetlists() {}

    static Mapped map(LoadedNetwork loaded, TargetSpec target, int threads) {
        var passes = Pipeline.SIMULATE.passes(target, new Pipeline.Options(threads, myelin.ir.synapses.Expander.Progress.NONE));
        CompilationUnit unit = PassManager.plain().run(passes, CompilationUnit.of(loaded)).unit();
        EncodedNetwork encoded = unit.require(Stages.ENCODED);
        // The threshold pipeline's last pass, run for its report too (functions and equivalence counts).
        return new Mapped(encoded, new ThresholdMap(target.cells()).map(unit, encoded), target.cells());
    }

    /** DIR/NAME.gates (the netlist's text), DIR/NAME.blif, and the Verilog design in DIR/threshold/. */
    static void write(Mapped m, Path dir, Path templates) throws IOException {
        String name = m.netlist().name();
        AtomicFiles.write(dir.resolve(name + ".gates"), o -> o.write(GateNetlistText.print(m.netlist()).getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.write(dir.resolve(name + ".blif"), o -> o.write(Blif.print(m.netlist()).getBytes(StandardCharsets.UTF_8)));
        writeDesign(m, dir.resolve("threshold"), templates);
        writePlainLogic(m, dir.resolve("plain_logic.v"));
    }

    static void writeDesign(Mapped m, Path dir, Path templates) throws IOException {
        if (templates != null && !Files.isDirectory(templates)) {
            throw myelin.ir.diag.InputException.of(myelin.ir.diag.SourceLocation.of(templates.toString()), "--templates: no such folder");
        }
        RtlFiles.writeAll(new VerilogBackend(Version.number(), templates).emitNetlist(m.netlist(), m.encoded(), m.library()), dir);
    }

    /**
     * A binary netlist carries one spike a neuron a step: input spikes go only into spike
     * arrays, once a neuron a step, never where the array already fires.
     */
    static void checkInputs(EncodedNetwork net, java.util.List<SpikeCsv.Spike> inputs, String file) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (SpikeCsv.Spike s : inputs) {
            EncodedNetwork.Population p = net.populations().stream().filter(x -> x.name().equals(s.population())).findFirst().orElseThrow();
            String what = "input spike at step " + s.step() + " of " + s.population() + "[" + s.neuron() + "]: ";
            if (!(p.model() instanceof myelin.ir.integer.IntModel.SpikeArray a)) {
                throw myelin.ir.diag.InputException.of(myelin.ir.diag.SourceLocation.of(file), what
                        + "a threshold-logic netlist takes input spikes only into spike arrays, not into " + p.model().kind().keyword());
            }
            boolean fires = false;
            for (int i = 0; i < a.steps().length; i++) fires |= a.steps()[i] == s.step() && a.neurons()[i] == s.neuron();
            if (fires || !seen.add(s.population() + "/" + s.neuron() + "/" + s.step())) {
                throw myelin.ir.diag.InputException.of(myelin.ir.diag.SourceLocation.of(file), what
                        + "a threshold-logic netlist carries one spike a neuron a step");
            }
        }
    }

    static String report(Mapped m) {
        GateNetlist n = m.netlist();
        CellLibrary l = m.library();
        ThresholdMap.Result r = m.result();
        Map<Integer, Integer> histogram = new TreeMap<>();
        for (GateNetlist.Cell c : n.cells()) for (int w : c.weights()) histogram.merge(w, 1, Integer::sum);
        StringBuilder weights = new StringBuilder();
        histogram.forEach((w, count) -> weights.append(weights.length() > 0 ? ", " : "").append(w).append(": ").append(count));
        int depth = n.depth();
        return String.format(Locale.ROOT, "threshold-logic netlist of %s on cell library %s (fan-in %d, weights [%d, %d], thresholds [%d, %d])%n"
                        + "  gates          %d threshold-gate neurons, %d inputs (a neuron's spike d steps ago)%n"
                        + "  cells          %d, area %.1f (no construction needs fewer than %d)%n"
                        + "  depth          %d cells, delay %.1f (no fewer than %d)%n  weights        %s%n"
                        + "  equivalence    %d gates on every input assignment, %d on %d random vectors each (%d assignments in all)%n",
                n.name(), l.name(), l.fanIn(), l.weightMin(), l.weightMax(), l.thresholdMin(), l.thresholdMax(), n.outputs().size(),
                n.inputs().size(), n.cells().size(), n.cells().size() * l.area(), r.cellBound(), depth, depth * l.delay(), r.depthBound(),
                weights.length() == 0 ? "-" : weights, r.exhaustive(), r.sampled(), ThresholdMap.RANDOM_VECTORS, r.vectors());
    }

    /** The gates' functions as plain logic (plain_logic.v), for Yosys's LUT count. */
    static void writePlainLogic(Mapped m, Path file) throws IOException {
        var gates = m.result().gates();
        String text = new VerilogBackend(Version.number()).plainLogic(m.netlist().name(), m.netlist().inputs().size(),
                gates.stream().map(ThresholdMap.Gate::inputs).toList(), gates.stream().map(ThresholdMap.Gate::weights).toList(),
                gates.stream().map(ThresholdMap.Gate::threshold).toList());
        AtomicFiles.write(file, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The iCE40 LUTs Yosys's {@code synth_ice40} needs for the gates' functions as plain logic (plain_logic.v). */
    static long yosysLuts(Path plainLogic) throws IOException {
        RtlFiles.requireTools(java.util.List.of("yosys"), "--synth");
        Path stat = Files.createTempFile("myelin-luts-", ".json");
        try {
            var run = myelin.backends.verilog.Tools.run(java.util.List.of("yosys", "-q", "-p", "read_verilog " + plainLogic.toAbsolutePath()
                    + "; synth_ice40 -top plain_logic; tee -q -o " + stat + " stat -json"), "yosys");
            if (run.code() != 0) {
                throw myelin.ir.diag.InputException.of(myelin.ir.diag.SourceLocation.of(plainLogic.toString()), "yosys failed:\n" + run.text());
            }
            return myelin.backends.verilog.Synthesis.cells(stat).getOrDefault("SB_LUT4", 0L);
        } catch (RtlSimulator.SimulationException e) {
            throw myelin.ir.diag.InputException.of(myelin.ir.diag.SourceLocation.of(plainLogic.toString()), e.getMessage());
        } finally {
            Files.deleteIfExists(stat);
        }
    }
}
