package myelin.ir.diag;

/** A place in a source file; line and column are 1-based. */
public record SourceLocation(String path, int line, int column) {
    public static SourceLocation of(String path) {
        return new SourceLocation(path, 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? path + ":" + line + ":" + column : path;
    }
}
