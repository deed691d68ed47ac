package myelin.ir.network;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A network as a frontend read it: where its entities were declared and, for NIR files,
 * the steps each population runs behind the NIR graph and what the import could not
 * carry over; {@code files}, every file it was read from (the root file, its includes and
 * data files), so that a build can tell when it must compile it again.
 */
public record LoadedNetwork(Network network, SourceMap sources, Map<String, Integer> latency, List<String> warnings, List<Path> files) {
    public LoadedNetwork {
        files = List.copyOf(files);
        latency = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(latency)); // in graph order
        warnings = List.copyOf(warnings);
    }

    /** A network without a file behind it (built in memory, or by a test). */
    public static LoadedNetwork of(Network network) {
        return new LoadedNetwork(network, SourceMap.of(network.name()), Map.of(), List.of(), List.of());
    }
}
