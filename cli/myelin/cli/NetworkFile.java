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

    /**
     * A hint when most weights of a NIR import round to zero at the default timestep and the
     * graph has IF layers: NIR's IF integrates r x dt a step, which discrete-time exports mean
     * at dt = 1 (their "step" is the unit of time), so a physical dt shrinks every weight.
     */
    java.util.Optional<String> timestepHint(LoadedNetwork loaded, long roundedToZero, long synapses) {
        boolean nir = path.toString().endsWith(".nir");
        boolean defaultDt = dt == NetworkLoader.DEFAULT_NIR_TIMESTEP;
        var net = loaded.network();
        boolean integrators = net.populations().stream().anyMatch(p -> net.modelOf(p).kind() == myelin.ir.network.ModelKind.IF);
        if (!nir || !defaultDt || !integrators || synapses == 0 || roundedToZero * 10 < synapses) return java.util.Optional.empty();
        return java.util.Optional.of(String.format(java.util.Locale.ROOT, "%.0f%% of the weights round to zero at the default --dt %s: this "
                + "graph's IF layers integrate r x dt a step, and discrete-time exports (Sinabs, snnTorch) mean one step per unit of "
                + "time; try --dt 1", 100.0 * roundedToZero / synapses, NetworkLoader.DEFAULT_NIR_TIMESTEP));
    }

    /** "name=steps, ..." for the populations that run behind the NIR graph (empty for .snn files). */
    static String latency(LoadedNetwork loaded) {
        return loaded.latency().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
