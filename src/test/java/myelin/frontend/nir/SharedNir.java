package myelin.frontend.nir;

import java.nio.file.Path;
import myelin.frontend.NetworkLoader;

/**
 * The real NIR exports of ../shared/nir (see its README), as copied into the test
 * resources; loaded at the default timestep unless told.
 */
final class SharedNir {
    static final Path ROOT = Path.of("src", "test", "resources", "nir", "shared");

    private SharedNir() {}

    static Path file(String relative) {
        return ROOT.resolve(relative);
    }

    static myelin.ir.network.LoadedNetwork load(String relative) {
        return NetworkLoader.load(file(relative), NetworkLoader.DEFAULT_NIR_TIMESTEP);
    }

    static myelin.ir.network.LoadedNetwork load(String relative, double dt) {
        return NetworkLoader.load(file(relative), dt);
    }
}
