package myelin.frontend.nir;

import java.nio.file.Files;
import java.nio.file.Path;
import myelin.ir.diag.InputException;
import myelin.ir.diag.SourceLocation;
import myelin.ir.network.LoadedNetwork;

/** Reads a .nir file and lowers it at a chosen timestep. */
public final class NirFrontend {
    private NirFrontend() {}

    public static LoadedNetwork load(Path path, double timestep) {
        if (!Files.isRegularFile(path)) throw InputException.of(SourceLocation.of(path.toString()), "cannot read file: no such file");
        if (!(timestep > 0) || !Double.isFinite(timestep)) {
            throw InputException.of(SourceLocation.of(path.toString()), "the timestep must be positive, got " + timestep + " s");
        }
        NirReader.NirFile file = NirReader.read(path);
        String name = path.getFileName().toString().replaceFirst("\\.nir$", "");
        return NirLowering.lower(file, path.toString(), name, timestep);
    }
}
