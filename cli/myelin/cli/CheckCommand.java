package myelin.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import myelin.frontend.NetworkLoader;
import myelin.ir.network.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", description = "Parse and verify a network file; print every error found.")
final class CheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "a .snn file")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Network net = NetworkLoader.load(file);
        spec.commandLine().getOut().printf("%s: ok: network %s, %d populations (%d neurons, %d sources), %d projections%n",
                file, net.name(), net.populations().size(), net.neuronCount(), net.sourceCount(), net.projections().size());
        return 0;
    }
}
