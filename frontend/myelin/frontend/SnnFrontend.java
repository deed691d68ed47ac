package myelin.frontend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import myelin.ir.diag.Diagnostics;
import myelin.ir.diag.InputException;
import myelin.ir.diag.SourceLocation;
import myelin.ir.network.Network;

/**
 * Reads .snn files into the network IR. Every error of the input, syntax or semantics,
 * is collected; if there is any, an {@link InputException} carries them all.
 */
public final class SnnFrontend {
    private SnnFrontend() {}

    /** Loads a network from a file; paths in diagnostics are shown as given. */
    public static Network load(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw InputException.of(SourceLocation.of(path.toString()), "cannot read file: " + SourcePaths.reason(e));
        }
        return parse(path.toString(), text);
    }

    /** Parses a network from text; {@code path} names it in diagnostics and anchors includes. */
    public static Network parse(String path, String text) {
        Diagnostics diagnostics = new Diagnostics();
        var ast = SyntaxReader.read(path, text, diagnostics);
        diagnostics.throwIfErrors();
        var network = new Lowering(diagnostics).lower(ast.orElseThrow());
        diagnostics.throwIfErrors();
        return network.orElseThrow();
    }
}
