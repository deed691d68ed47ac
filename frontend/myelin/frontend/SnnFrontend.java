package myelin.frontend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import myelin.ir.diag.Diagnostics;
import myelin.ir.diag.InputException;
import myelin.ir.diag.SourceLocation;
import myelin.ir.network.LoadedNetwork;
import myelin.ir.network.Network;

/**
 * Reads .snn files into the network IR. Every error of the input, syntax or semantics,
 * is collected; if there is any, an {@link InputException} carries them all.
 */
public final class SnnFrontend {
    private SnnFrontend() {}

    /** Loads a network from a file; paths in diagnostics are shown as given. */
    public static LoadedNetwork load(Path path) {
        LoadedNetwork read = read(path.toString(), text(path));
        List<Path> files = new ArrayList<>(List.of(path));
        files.addAll(read.files());
        return new LoadedNetwork(read.network(), read.sources(), read.latency(), read.warnings(), files);
    }

    private static String text(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw InputException.of(SourceLocation.of(path.toString()), "cannot read file: " + SourcePaths.reason(e));
        }
    }

    /** Parses a network from text; {@code path} names it in diagnostics and anchors includes. */
    public static Network parse(String path, String text) {
        return read(path, text).network();
    }

    /** The target blocks of a target file, with where each was declared. */
    public record TargetFile(java.util.List<myelin.ir.network.Target> targets, myelin.ir.network.SourceMap sources) {}

    public static TargetFile loadTargets(Path path) {
        Diagnostics diagnostics = new Diagnostics();
        var ast = SyntaxReader.read(path.toString(), text(path), diagnostics);
        diagnostics.throwIfErrors();
        Lowering lowering = new Lowering(diagnostics);
        var targets = lowering.lowerTargets(ast.orElseThrow());
        diagnostics.throwIfErrors();
        return new TargetFile(targets, lowering.sources(path.toString()));
    }

    /** As {@link #parse}, with where each entity was declared. */
    public static LoadedNetwork read(String path, String text) {
        Diagnostics diagnostics = new Diagnostics();
        var ast = SyntaxReader.read(path, text, diagnostics);
        diagnostics.throwIfErrors();
        Lowering lowering = new Lowering(diagnostics);
        var network = lowering.lower(ast.orElseThrow());
        diagnostics.throwIfErrors();
        return new LoadedNetwork(network.orElseThrow(), lowering.sources(path), java.util.Map.of(), List.of(), lowering.filesRead());
    }
}
