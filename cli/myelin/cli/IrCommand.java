package myelin.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
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
    @Parameters(paramLabel = "FILE", description = "a .snn file")
    Path file;

    @Option(names = "--expand", description = "expand connectivity and add the synapse count of each projection")
    boolean expand;

    @picocli.CommandLine.Mixin
    ThreadsOption threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Network net = NetworkLoader.load(file);
        Map<String, Long> counts = new LinkedHashMap<>();
        if (expand) {
            ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "expanding");
            ExpandedNetwork expanded = new Expander(threads.threads(), bar).expand(net);
            bar.finish();
            for (SynapseTable t : expanded.tables()) counts.put(t.projection(), (long) t.size());
        }
        spec.commandLine().getOut().print(IrPrinter.print(net, counts));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
