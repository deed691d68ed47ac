package myelin.frontend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import myelin.ir.diag.SourceLocation;

/** Resolves a file named in a source: relative to that source, and never outside its folder tree. */
final class SourcePaths {
    private SourcePaths() {}

    /** How a file named in a source is shown in messages: relative to where the source was. */
    static String shown(SourceLocation namedAt, String name) {
        try {
            return Path.of(namedAt.path()).resolveSibling(name).normalize().toString();
        } catch (java.nio.file.InvalidPathException e) {
            return name;
        }
    }

    static Optional<Path> resolveInside(SourceLocation namedAt, String name, Values values) {
        Path source = Path.of(namedAt.path()).toAbsolutePath().normalize();
        Path folder = source.getParent();
        Path target;
        try {
            target = folder.resolve(name).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            values.error(namedAt, "'" + name.replace("\0", "\\0") + "' is not a valid file name");
            return Optional.empty();
        }
        try {
            if (Files.exists(target)) {
                Path realFolder = folder.toRealPath();
                if (!target.toRealPath().startsWith(realFolder)) return outside(namedAt, name, values);
            }
        } catch (java.io.IOException e) {
            values.error(namedAt, "cannot read '" + name + "': " + reason(e));
            return Optional.empty();
        }
        if (!target.startsWith(folder)) return outside(namedAt, name, values);
        if (!Files.isRegularFile(target)) {
            values.error(namedAt, "cannot read '" + name + "': no such file");
            return Optional.empty();
        }
        values.fileRead(target);
        return Optional.of(target);
    }

    private static Optional<Path> outside(SourceLocation namedAt, String name, Values values) {
        values.error(namedAt, "'" + name + "' is outside the folder of " + Path.of(namedAt.path()).getFileName()
                + "; files may only be named from inside its folder tree");
        return Optional.empty();
    }

    static String reason(Exception e) {
        Throwable t = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
        if (t instanceof java.nio.file.NoSuchFileException) return "no such file";
        if (t instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (t instanceof java.nio.charset.MalformedInputException) return "not UTF-8 text";
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
