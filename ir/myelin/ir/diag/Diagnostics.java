package myelin.ir.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every diagnostic of a run, so that a user sees all errors of a file at once. */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();

    public void error(SourceLocation location, String message) {
        items.add(Diagnostic.error(location, message));
    }

    public void warning(SourceLocation location, String message) {
        items.add(Diagnostic.warning(location, message));
    }

    public void add(Diagnostic diagnostic) {
        items.add(diagnostic);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    /** All diagnostics, in source order per file (stable for equal locations). */
    public List<Diagnostic> all() {
        List<Diagnostic> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing((Diagnostic d) -> d.location().path())
                .thenComparingInt(d -> d.location().line())
                .thenComparingInt(d -> d.location().column()));
        return List.copyOf(sorted);
    }

    /** Throws {@link InputException} carrying every diagnostic if any of them is an error. */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw new InputException(all());
        }
    }
}
