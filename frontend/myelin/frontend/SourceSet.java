package myelin.frontend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import myelin.frontend.ast.Ast;
import myelin.ir.diag.Diagnostics;

/** A root file and everything it includes, each parsed once, in depth-first order. */
final class SourceSet {
    private final Values values;
    private final Diagnostics diagnostics;
    private final List<Ast.File> files = new ArrayList<>();
    private final Set<Path> seen = new HashSet<>();
    private final Deque<Path> stack = new ArrayDeque<>();

    private SourceSet(Values values, Diagnostics diagnostics) {
        this.values = values;
        this.diagnostics = diagnostics;
    }

    static List<Ast.File> load(Ast.File root, Values values, Diagnostics diagnostics) {
        SourceSet set = new SourceSet(values, diagnostics);
        set.visit(root);
        return set.files;
    }

    private void visit(Ast.File file) {
        Path self = Path.of(file.path()).toAbsolutePath().normalize();
        seen.add(self);
        stack.push(self);
        files.add(file);
        List<Ast.Include> includes = new ArrayList<>(file.includes());
        file.networks().forEach(n -> includes.addAll(n.includes()));
        for (Ast.Include include : includes) {
            Optional<Path> target = SourcePaths.resolveInside(include.loc(), include.path(), values);
            if (target.isEmpty()) continue;
            Path t = target.get();
            if (stack.contains(t)) {
                List<String> cycle = new ArrayList<>();
                stack.descendingIterator().forEachRemaining(p -> cycle.add(p.getFileName().toString()));
                cycle.add(t.getFileName().toString());
                values.error(include.loc(), "include cycle: " + String.join(" -> ", cycle));
                continue;
            }
            if (!seen.add(t)) continue; // already included along another path
            String text;
            try {
                text = Files.readString(t);
            } catch (IOException | java.io.UncheckedIOException e) {
                values.error(include.loc(), "cannot read '" + include.path() + "': " + SourcePaths.reason(e));
                continue;
            }
            String shown = SourcePaths.shown(include.loc(), include.path());
            SyntaxReader.read(shown, text, diagnostics).ifPresent(this::visit);
        }
        stack.pop();
    }
}
