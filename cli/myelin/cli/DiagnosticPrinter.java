package myelin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import myelin.ir.diag.Diagnostic;

/** Prints diagnostics as {@code path:line:col: error: message}, then the source line and a caret. */
final class DiagnosticPrinter {
    private final PrintWriter err;
    private final Map<String, List<String>> sources = new HashMap<>();

    DiagnosticPrinter(PrintWriter err) {
        this.err = err;
    }

    void print(List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            err.println(d);
            int line = d.location().line();
            List<String> text = source(d.location().path());
            if (line >= 1 && line <= text.size()) {
                String src = text.get(line - 1).replace('\t', ' ');
                err.println("  " + src);
                int col = Math.max(1, Math.min(d.location().column(), src.length() + 1));
                err.println("  " + " ".repeat(col - 1) + "^");
            }
        }
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        if (errors > 1) err.println(errors + " errors");
        err.flush();
    }

    private List<String> source(String path) {
        return sources.computeIfAbsent(path, p -> {
            try {
                return Files.readAllLines(Path.of(p));
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        });
    }
}
