package myelin.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import myelin.frontend.NetworkLoader;
import myelin.ir.network.Network;
import myelin.ir.synapses.ExpandedNetwork;
import myelin.ir.synapses.Expander;
import myelin.ir.synapses.SynapseTable;
import myelin.ir.text.IrPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ir", description = "Print the network IR (canonical .snn text, which parses back to the same network).")
final class IrCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    NetworkFile file;

    @Option(names = "--expand", description = "expand connectivity and add the synapse count of each projection")
    boolean expand;

    @picocli.CommandLine.Mixin
    ThreadsOption threads;

    @Option(names = "--pipeline", paramLabel = "NAME", defaultValue = "none",
            description = "passes to run: none or quantize (default: ${DEFAULT-VALUE})")
    String pipelineName;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "default",
            description = "integer profile for quantize: default or loihi (default: ${DEFAULT-VALUE})")
    String profileName;

    @Option(names = "--print-after", paramLabel = "PASS", split = ",", description = "print the IR after these passes")
    java.util.Set<String> printAfter = java.util.Set.of();

    @Option(names = "--verify-each", description = "run the IR verifiers after every pass")
    boolean verifyEach;

    @Option(names = "--report", description = "print the quantization report (with --pipeline quantize)")
    boolean report;

    @Option(names = "--timing", description = "print each pass's time")
    boolean timing;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var pipeline = myelin.passes.Pipeline.named(pipelineName).orElseThrow(() -> new picocli.CommandLine.ParameterException(
                spec.commandLine(), "unknown pipeline '" + pipelineName + "' (pipelines: "
                + String.join(", ", myelin.passes.Pipeline.names()) + ")"));
        var profile = myelin.ir.integer.Profile.named(profileName).orElseThrow(() -> new picocli.CommandLine.ParameterException(
                spec.commandLine(), "unknown profile '" + profileName + "' (profiles: " + String.join(", ", Simulations.profileNames()) + ")"));
        var passes = pipeline.passes(profile);
        for (String pass : printAfter) {
            if (passes.stream().noneMatch(p -> p.info().name().equals(pass))) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--print-after " + pass
                        + ": pipeline " + pipelineName + " has no such pass");
            }
        }
        if (report && pipeline != myelin.passes.Pipeline.QUANTIZE) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--report needs --pipeline quantize");
        }
        Network net = file.load(spec.commandLine().getErr()).network();
        var out = spec.commandLine().getOut();
        var unit = new myelin.passes.CompilationUnit(net);
        List<myelin.passes.PassManager.PassStatistics> stats;
        try {
            stats = new myelin.passes.PassManager(verifyEach, printAfter, (pass, u) -> {
                out.println("// after " + pass);
                out.print(u.quantized().map(myelin.ir.integer.QuantizedPrinter::print).orElse(IrPrinter.print(u.network())));
            }).run(passes, unit);
        } catch (myelin.ir.diag.InputException e) {
            throw Simulations.atFile(e, file.path);
        }
        if (timing) stats.forEach(s -> out.printf(java.util.Locale.ROOT, "// pass %s: %.3f s, %d iteration(s)%n", s.pass(), s.seconds(), s.iterations()));
        if (report) {
            out.print(myelin.ir.integer.QuantizedPrinter.report(unit.quantized().orElseThrow()));
            out.flush();
            return 0;
        }
        if (!printAfter.isEmpty()) {
            out.flush();
            return 0;
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        if (expand) {
            ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "expanding");
            ExpandedNetwork expanded = new Expander(threads.threads(), bar).expand(net);
            bar.finish();
            for (SynapseTable t : expanded.tables()) counts.put(t.projection(), (long) t.size());
        }
        out.print(IrPrinter.print(net, counts));
        out.flush();
        return 0;
    }
}
