package myelin.frontend;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import myelin.frontend.nir.NirFrontend;
import myelin.ir.diag.InputException;
import myelin.ir.diag.SourceLocation;
import myelin.ir.network.Network;

/** Loads any supported network file by its extension: .snn, or .nir (which needs a timestep). */
public final class NetworkLoader {
    /** NIR stores no timestep; this one is used unless the user gives another. */
    public static final double DEFAULT_NIR_TIMESTEP = 1e-4;

    private NetworkLoader() {}

    /**
     * A loaded network; for NIR files also the steps each population runs behind the NIR
     * graph and what the import could not carry over.
     */
    public record Loaded(Network network, Map<String, Integer> latency, List<String> warnings) {}

    public static Network load(Path path) {
        return load(path, DEFAULT_NIR_TIMESTEP).network();
    }

    /** @param nirTimestep the timestep a .nir file is discretised at (seconds) */
    public static Loaded load(Path path, double nirTimestep) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (name.endsWith(".snn")) return new Loaded(SnnFrontend.load(path), Map.of(), List.of());
        if (name.endsWith(".nir")) return NirFrontend.load(path, nirTimestep);
        throw InputException.of(SourceLocation.of(path.toString()), "unsupported input file type (expected .snn or .nir)");
    }
}
