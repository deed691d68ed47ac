package myelin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.stream.Collectors;
import myelin.frontend.NetworkLoader;
import myelin.ir.network.LoadedNetwork;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The network file a command reads (.snn or .nir), with the timestep a NIR file needs. */
final class NetworkFile {
    @Parameters(index = "0", paramLabel = "FILE", description = "a .snn or .nir file")
    Path path;

    @Option(names = "--dt", paramLabel = "SECONDS", defaultValue = "1e-4",
            description = ".nir files only: the timestep to discretise at, in seconds (NIR stores none; default: ${DEFAULT-VALUE})")
    double dt;

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec command;

    /** Loads the network; what a NIR import could not carry over is printed as warnings. */
    LoadedNetwork load(PrintWriter err) {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new picocli.CommandLine.ParameterException(command.commandLine(), "--dt must be a positive number of seconds, got " + dt);
        }
        LoadedNetwork loaded = NetworkLoader.load(path, dt);
        loaded.warnings().forEach(w -> err.println(path + ": warning: " + w));
        return loaded;
    }

    /** "name=steps, ..." for the populations that run behind the NIR graph (empty for .snn files). */
    static String latency(LoadedNetwork loaded) {
        return loaded.latency().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
