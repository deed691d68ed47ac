package myelin.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import myelin.ir.encoded.EncodedPrinter;
import myelin.ir.integer.QuantizedPrinter;
import myelin.ir.network.LoadedNetwork;
import myelin.ir.network.Network;
import myelin.ir.synapses.ExpandedNetwork;
import myelin.ir.synapses.Expander;
import myelin.ir.synapses.SynapseTable;
import myelin.ir.text.IrPrinter;
import myelin.passes.CompilationUnit;
import myelin.passes.Pass;
import myelin.passes.PassManager;
import myelin.passes.Pipeline;
import myelin.passes.Stage;
import myelin.passes.Stages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "ir", description = {"Print the IR of a network, or the stages a pipeline makes of it.",
        "By default the network IR (canonical .snn text, which parses back to the same network); with --pipeline, the stage",
        "the pipeline ends in, or the stage each pass that --print-after names writes."})
final class IrCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    NetworkFile file;

    @Option(names = "--expand", description = "expand connectivity and add the synapse count of each projection")
    boolean expand;

    @picocli.CommandLine.Mixin
    ThreadsOption threads;

    @Option(names = "--pipeline", paramLabel = "NAME", defaultValue = "none",
            description = "passes to run: none, quantize, simulate (quantize, expand, encode), map (then partition, delay-schedule, "
                    + "pack) or machine (then place, route) (default: ${DEFAULT-VALUE})")
    String pipelineName;

    @picocli.CommandLine.Mixin
    TargetOption target;

    @Option(names = "--print-after", paramLabel = "PASS", split = ",", description = "print the stage each of these passes writes")
    java.util.Set<String> printAfter = java.util.Set.of();

    @Option(names = "--verify-each", description = "run the stage's verifier after every pass")
    boolean verifyEach;

    @Option(names = "--report", description = "print the quantization report (with a pipeline that quantizes; one that encodes adds each projection's weight error)")
    boolean report;

    @Option(names = "--timing", description = "print each pass's time")
    boolean timing;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        Pipeline pipeline = Pipeline.named(pipelineName).orElseThrow(() -> new CommandLine.ParameterException(cli,
                "unknown pipeline '" + pipelineName + "' (pipelines: " + String.join(", ", Pipeline.names()) + ")"));
        var names = pipeline.passes(myelin.ir.target.TargetSpec.SIMULATION).stream().map(p -> p.info().name()).toList();
        for (String pass : printAfter) {
            if (!names.contains(pass)) {
                throw new CommandLine.ParameterException(cli, "--print-after " + pass + ": pipeline " + pipelineName + " has no such pass"
                        + (names.isEmpty() ? "" : " (passes: " + String.join(", ", names) + ")"));
            }
        }
        if (report && !names.contains("quantize")) throw new CommandLine.ParameterException(cli, "--report needs a pipeline that quantizes");
        LoadedNetwork loaded = file.load(cli.getErr());
        var out = cli.getOut();
        ProgressBar bar = new ProgressBar(cli.getErr(), "expanding");
        List<Pass<?>> passes = pipeline.passes(target.resolve(loaded), new Pipeline.Options(threads.threads(), bar));
        PassManager.Result result = new PassManager(verifyEach, printAfter, (pass, stage, text) -> {
            out.println("// after " + pass + " (the " + stage + " stage)");
            out.print(text);
        }).run(passes, CompilationUnit.of(loaded));
        bar.finish();
        if (timing) {
            result.statistics().forEach(s -> out.printf(Locale.ROOT, "// pass %s: %.3f s, %d iteration(s)%n", s.pass(), s.seconds(),
                    s.iterations()));
        }
        CompilationUnit unit = result.unit();
        if (report) {
            out.print(QuantizedPrinter.report(unit.require(Stages.QUANTIZED)));
            unit.get(Stages.ENCODED).ifPresent(e -> out.print(EncodedPrinter.weightReport(e)));
        } else if (printAfter.isEmpty()) out.print(passes.isEmpty() ? network(unit.network()) : last(unit, passes.get(passes.size() - 1).info().writes()));
        out.flush();
        return 0;
    }

    private static <T> String last(CompilationUnit unit, Stage<T> stage) {
        return stage.print(unit.require(stage));
    }

    private String network(Network net) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (expand) {
            ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "expanding");
            ExpandedNetwork expanded = new Expander(threads.threads(), bar).expand(net);
            bar.finish();
            for (SynapseTable t : expanded.tables()) counts.put(t.projection(), (long) t.size());
        }
        return IrPrinter.print(net, counts);
    }
}
