package myelin.frontend;

import java.nio.file.Path;
import myelin.ir.diag.InputException;
import myelin.ir.diag.SourceLocation;
import myelin.ir.network.Network;

/** Loads any supported network file by its extension. */
public final class NetworkLoader {
    private NetworkLoader() {}

    public static Network load(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (name.endsWith(".snn")) return SnnFrontend.load(path);
        throw InputException.of(SourceLocation.of(path.toString()), "unsupported input file type (expected a .snn file)");
    }
}
