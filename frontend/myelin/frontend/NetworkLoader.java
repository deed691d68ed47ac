package myelin.frontend;

import java.nio.file.Path;
import myelin.frontend.nir.NirFrontend;
import myelin.ir.diag.InputException;
import myelin.ir.diag.SourceLocation;
import myelin.ir.network.LoadedNetwork;
import myelin.ir.network.Network;

/** Loads any supported network file by its extension: .snn, or .nir (which needs a timestep). */
public final class NetworkLoader {
    /** NIR stores no timestep; this one is used unless the user gives another. */
    public static final double DEFAULT_NIR_TIMESTEP = 1e-4;

    private NetworkLoader() {}

    public static Network load(Path path) {
        return load(path, DEFAULT_NIR_TIMESTEP).network();
    }

    /** @param nirTimestep the timestep a .nir file is discretised at (seconds) */
    public static LoadedNetwork load(Path path, double nirTimestep) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (name.endsWith(".snn")) return SnnFrontend.load(path);
        if (name.endsWith(".nir")) return NirFrontend.load(path, nirTimestep);
        throw InputException.of(SourceLocation.of(path.toString()), "unsupported input file type (expected .snn or .nir)");
    }
}
