package myelin.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A network of a regression folder and the files beside it: {@code NAME.input.csv}, its input
 * spikes (optional), and {@code NAME.golden.csv}, the spikes it must keep producing.
 */
public record NetworkCase(Path network, Path input, Path golden) {
    /** The networks in a folder, in name order, without the files under include/ folders. */
    public static List<NetworkCase> in(Path folder, boolean recursive) throws IOException {
        try (Stream<Path> files = recursive ? Files.walk(folder) : Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(NetworkCase::isNetwork)
                    .filter(p -> !folder.relativize(p).toString().replace('\\', '/').matches("(.*/)?include/.*"))
                    .sorted().map(NetworkCase::of).toList();
        }
    }

    /** The case of one network file. */
    public static NetworkCase of(Path network) {
        String stem = stem(network);
        Path input = network.resolveSibling(stem + ".input.csv");
        return new NetworkCase(network, Files.exists(input) ? input : null, network.resolveSibling(stem + ".golden.csv"));
    }

    public static boolean isNetwork(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".snn") || name.endsWith(".nir");
    }

    /** The file name without .snn or .nir. */
    public static String stem(Path network) {
        String name = network.getFileName().toString();
        return name.substring(0, name.length() - 4);
    }

    /** The network with its input (if it has one), on the integer engine. */
    public Simulation simulation() {
        return Simulation.of(network).input(input);
    }

    @Override
    public String toString() {
        return network.getFileName().toString();
    }
}
