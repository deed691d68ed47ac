package myelin.cli;

import myelin.api.AtomicFiles;
import myelin.api.Simulations;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import myelin.backends.reports.MappingReport;
import myelin.backends.reports.PlacementPicture;
import myelin.backends.spinnaker.MachineReport;
import myelin.ir.machine.image.MachineImage;
import myelin.ir.hardware.HardwarePrinter;
import myelin.ir.network.LoadedNetwork;
import myelin.ir.target.TargetSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "compile", description = {"Map a network onto a hardware target; write the hardware IR, the image and a report.",
        "Partition, delay scheduling and synapse packing; on a SpiNNaker-style target also placement, routing and the machine image.",
        "Writes DIR/NAME.hw (the hardware IR; summarised for large networks), DIR/report.txt and DIR/report.json;",
        "for SpiNNaker-style targets DIR/image/ (per-core images, per-chip routing tables, manifest.json) and DIR/placement.svg."})
final class CompileCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    NetworkFile file;

    @picocli.CommandLine.Mixin
    TargetOption target;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "the folder to write into")
    Path output;

    @Option(names = "--synth", description = "on an fpga target, also synthesise the RTL with Yosys (iCE40 and Xilinx 7) and nextpnr-ice40; "
            + "LUT, FF, block RAM and DSP counts and the HX8K's Fmax go into the report")
    boolean synth;

    @Option(names = "--timing", description = "print each pass's time and peak heap")
    boolean timing;

    @picocli.CommandLine.Mixin
    RtlOptions rtl;

    @picocli.CommandLine.Mixin
    ThreadsOption threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadedNetwork loaded = file.load(err);
        TargetSpec t = rtl.target(target.resolveHardware(loaded), spec.commandLine());
        if (rtl.netlist != null) {
            var mapped = ThresholdNetlists.map(loaded, t, threads.threads());
            ThresholdNetlists.write(mapped, output, rtl.templates);
            String text = ThresholdNetlists.report(mapped);
            if (synth) {
                text += String.format(java.util.Locale.ROOT, "  yosys          %d SB_LUT4 for the same functions as plain logic (synth_ice40 of plain_logic.v)%n",
                        ThresholdNetlists.yosysLuts(output.resolve("plain_logic.v")));
            }
            String report = text;
            AtomicFiles.write(output.resolve("report.txt"), o -> o.write(report.getBytes(StandardCharsets.UTF_8)));
            out.print(text);
            out.println("gate netlist (" + mapped.netlist().name() + ".gates, .blif), Verilog (threshold/) and report written to " + output);
            out.flush();
            return 0;
        }
        ProgressBar bar = new ProgressBar(err, "mapping");
        var mapped = Simulations.map(loaded, t, threads.threads(), bar, false);
        bar.finish();
        Path ir = output.resolve(loaded.network().name() + ".hw");
        AtomicFiles.write(ir, o -> o.write(HardwarePrinter.print(mapped.hardware()).getBytes(StandardCharsets.UTF_8)));
        var stats = new java.util.ArrayList<>(mapped.statistics());
        String machineText = "";
        String machineJson = "";
        if (mapped.machine() != null) {
            myelin.passes.HeapPeak.reset();
            long start = System.nanoTime();
            var manifest = MachineImage.write(mapped.machine(), output.resolve("image"));
            stats.add(new myelin.passes.PassManager.PassStatistics("emit", 1, true, (System.nanoTime() - start) / 1e9,
                    myelin.passes.HeapPeak.read()));
            long limit = t.limits().routingEntries();
            AtomicFiles.write(output.resolve("placement.svg"),
                    o -> o.write(PlacementPicture.svg(mapped.machine(), limit).getBytes(StandardCharsets.UTF_8)));
            MachineReport machine = MachineReport.of(mapped.machine(), manifest);
            machineText = machine.text(limit);
            machineJson = machine.jsonFields();
        }
        String synthesis = "";
        if (t.emitsVerilog()) {
            RtlFiles.write(mapped.hardware(), output.resolve("rtl"), rtl.templates);
            if (synth) {
                var result = RtlFiles.synthesize(output.resolve("rtl"), err);
                synthesis = result.text();
                machineJson = result.jsonFields();
            }
        } else if (synth) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--synth needs an fpga target (--target fpga), not " + t.name());
        }
        MappingReport report = MappingReport.of(mapped.hardware(), t, stats);
        machineText += synthesis;
        String full = report.text() + machineText;
        String json = report.json(machineJson);
        AtomicFiles.write(output.resolve("report.txt"), o -> o.write(full.getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.write(output.resolve("report.json"), o -> o.write((json + "\n").getBytes(StandardCharsets.UTF_8)));
        String text = report.text();
        if (!timing) text = text.substring(0, text.indexOf("  pass "));
        out.print(text + machineText);
        String written = mapped.machine() != null ? "hardware IR, machine image, placement picture"
                : t.emitsVerilog() ? "hardware IR, Verilog (rtl/)" : "hardware IR";
        out.println(written + " and report written to " + output);
        out.flush();
        return 0;
    }
}
