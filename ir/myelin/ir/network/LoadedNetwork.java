package myelin.ir.network;

import java.util.List;
import java.util.Map;

/**
 * A network as a frontend read it: where its entities were declared and, for NIR files,
 * the steps each population runs behind the NIR graph and what the import could not
 * carry over.
 */
public record LoadedNetwork(Network network, SourceMap sources, Map<String, Integer> latency, List<String> warnings) {
    public LoadedNetwork {
        latency = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(latency)); // in graph order
        warnings = List.copyOf(warnings);
    }

    /** A network without a file behind it (built in memory, or by a test). */
    public static LoadedNetwork of(Network network) {
        return new LoadedNetwork(network, SourceMap.of(network.name()), Map.of(), List.of());
    }
}
