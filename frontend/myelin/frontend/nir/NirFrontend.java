package myelin.frontend.nir;

import java.nio.file.Files;
import java.nio.file.Path;
import myelin.frontend.NetworkLoader;
import myelin.ir.diag.InputException;
import myelin.ir.diag.SourceLocation;

/** Reads a .nir file and lowers it at a chosen timestep. */
public final class NirFrontend {
    private NirFrontend() {}

    public static NetworkLoader.Loaded load(Path path, double timestep) {
        if (!Files.isRegularFile(path)) throw InputException.of(SourceLocation.of(path.toString()), "cannot read file: no such file");
        if (!(timestep > 0) || !Double.isFinite(timestep)) {
            throw InputException.of(SourceLocation.of(path.toString()), "the timestep must be positive, got " + timestep + " s");
        }
        NirReader.NirFile file = NirReader.read(path);
        String name = path.getFileName().toString().replaceFirst("\\.nir$", "");
        var result = NirLowering.lower(file, path.toString(), name, timestep);
        return new NetworkLoader.Loaded(result.network(), result.latency(), result.warnings());
    }
}
