package myelin.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import myelin.api.NetworkCase;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.AnnotationConsumer;

/** The networks of a {@link NetworkSource} folder. */
final class NetworkSourceProvider implements ArgumentsProvider, AnnotationConsumer<NetworkSource> {
    private NetworkSource source;

    @Override
    public void accept(NetworkSource annotation) {
        this.source = annotation;
    }

    @Override
    public Stream<? extends Arguments> provideArguments(ExtensionContext context) throws IOException {
        Path folder = Path.of(source.value());
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("@NetworkSource: no folder " + folder.toAbsolutePath());
        }
        List<NetworkCase> cases = NetworkCase.in(folder, source.recursive());
        if (cases.isEmpty()) throw new IllegalArgumentException("@NetworkSource: no .snn or .nir file in " + folder.toAbsolutePath());
        return cases.stream().map(Arguments::of);
    }
}
