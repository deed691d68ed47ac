package myelin.ir.diag;

import java.util.List;

/** The input is wrong; carries the diagnostics that say why. The CLI maps it to exit code 1. */
public final class InputException extends RuntimeException {
    private final List<Diagnostic> diagnostics;

    public InputException(List<Diagnostic> diagnostics) {
        super(diagnostics.isEmpty() ? "invalid input" : diagnostics.get(0).toString(), null, false, false);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public static InputException of(SourceLocation location, String message) {
        return new InputException(List.of(Diagnostic.error(location, message)));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
