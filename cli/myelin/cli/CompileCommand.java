package myelin.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import myelin.backends.reports.MappingReport;
import myelin.ir.hardware.HardwarePrinter;
import myelin.ir.network.LoadedNetwork;
import myelin.ir.target.TargetSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "compile", description = {"Map a network onto a target's cores: partition, delay scheduling, synapse packing.",
        "Writes DIR/NAME.hw (the hardware IR; summarised for large networks), DIR/report.txt and DIR/report.json."})
final class CompileCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    NetworkFile file;

    @picocli.CommandLine.Mixin
    TargetOption target;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "the folder to write into")
    Path output;

    @Option(names = "--timing", description = "print each pass's time and peak heap")
    boolean timing;

    @picocli.CommandLine.Mixin
    ThreadsOption threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadedNetwork loaded = file.load(err);
        TargetSpec t = target.resolveHardware(loaded);
        ProgressBar bar = new ProgressBar(err, "mapping");
        var mapped = Simulations.map(loaded, t, threads.threads(), bar);
        bar.finish();
        MappingReport report = MappingReport.of(mapped.hardware(), t, mapped.statistics());
        Path ir = output.resolve(loaded.network().name() + ".hw");
        AtomicFiles.write(ir, o -> o.write(HardwarePrinter.print(mapped.hardware()).getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.write(output.resolve("report.txt"), o -> o.write(report.text().getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.write(output.resolve("report.json"), o -> o.write((report.json() + "\n").getBytes(StandardCharsets.UTF_8)));
        String text = report.text();
        if (!timing) text = text.substring(0, text.indexOf("  pass "));
        out.print(text);
        out.println("hardware IR and report written to " + output);
        out.flush();
        return 0;
    }
}
