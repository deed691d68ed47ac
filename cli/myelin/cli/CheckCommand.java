package myelin.cli;

import java.util.concurrent.Callable;
import myelin.ir.network.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", description = "Parse and verify a network file; print every error found.")
final class CheckCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    NetworkFile file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var loaded = file.load(spec.commandLine().getErr());
        Network net = loaded.network();
        var out = spec.commandLine().getOut();
        out.printf("%s: ok: network %s, %d populations (%d neurons, %d sources), %d projections%n",
                file.path, net.name(), net.populations().size(), net.neuronCount(), net.sourceCount(), net.projections().size());
        String latency = NetworkFile.latency(loaded);
        if (!latency.isEmpty()) out.println("  steps behind the NIR graph: " + latency);
        return 0;
    }
}
