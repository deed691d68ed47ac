package myelin.passes;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import myelin.ir.network.NetworkVerifier;
import myelin.ir.network.VerifierProblem;

/**
 * Runs passes in order: checks that what each pass requires is established, repeats
 * fixed-point passes (with a cap), verifies after each pass on request, calls a hook
 * after named passes (--print-after) and times every pass.
 */
public final class PassManager {
    /** A fixed-point pass that still reports changes after this many runs is a bug. */
    public static final int MAX_ITERATIONS = 16;

    public record PassStatistics(String pass, int iterations, boolean changed, double seconds) {}

    private final boolean verifyEach;
    private final Set<String> printAfter;
    private final BiConsumer<String, CompilationUnit> printer;

    public PassManager(boolean verifyEach, Set<String> printAfter, BiConsumer<String, CompilationUnit> printer) {
        this.verifyEach = verifyEach;
        this.printAfter = Set.copyOf(printAfter);
        this.printer = printer;
    }

    public static PassManager plain() {
        return new PassManager(false, Set.of(), (pass, unit) -> { });
    }

    public List<PassStatistics> run(List<Pass> passes, CompilationUnit unit) {
        checkOrder(passes, unit.established());
        List<PassStatistics> stats = new ArrayList<>();
        for (Pass pass : passes) {
            PassInfo info = pass.info();
            long start = System.nanoTime();
            int iterations = 0;
            boolean changedAny = false;
            boolean changed;
            do {
                changed = pass.run(unit);
                changedAny |= changed;
                iterations++;
                if (iterations >= MAX_ITERATIONS && changed) {
                    throw new IllegalStateException("pass " + info.name() + " did not reach a fixed point in "
                            + MAX_ITERATIONS + " iterations");
                }
            } while (info.fixedPoint() && changed);
            unit.established().addAll(info.establishes());
            stats.add(new PassStatistics(info.name(), iterations, changedAny, (System.nanoTime() - start) / 1e9));
            if (verifyEach) verify(info.name(), unit);
            if (printAfter.contains(info.name())) printer.accept(info.name(), unit);
        }
        return stats;
    }

    /** Each pass must find what it requires established by the unit or by an earlier pass. */
    static void checkOrder(List<Pass> passes, Set<Property> initially) {
        Set<Property> have = EnumSet.noneOf(Property.class);
        have.addAll(initially);
        for (Pass pass : passes) {
            for (Property needed : pass.info().requires()) {
                if (!have.contains(needed)) {
                    throw new IllegalArgumentException("pass " + pass.info().name() + " must run after a pass that makes the network "
                            + needed.description() + " (" + needed + " is not established)");
                }
            }
            have.addAll(pass.info().establishes());
        }
    }

    private static void verify(String after, CompilationUnit unit) {
        List<VerifierProblem> problems = NetworkVerifier.verify(unit.network());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the IR is broken after pass " + after + ": " + problems);
        }
        unit.quantized().ifPresent(q -> {
            List<String> broken = myelin.ir.integer.QuantizedVerifier.verify(q);
            if (!broken.isEmpty()) throw new IllegalStateException("the quantized IR is broken after pass " + after + ": " + broken);
        });
    }
}
