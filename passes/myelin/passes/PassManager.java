package myelin.passes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs passes in order: checks before the first that every stage a pass reads will be
 * there, repeats fixed-point passes (with a cap), verifies the written stage after each
 * pass on request, shows named passes' output (--print-after) and times every pass.
 */
public final class PassManager {
    /** A fixed-point pass that still reports changes after this many runs is a bug. */
    public static final int MAX_ITERATIONS = 16;

    /** @param peakHeapBytes the heap's peak while the pass ran (the sum of the heap pools' peaks) */
    public record PassStatistics(String pass, int iterations, boolean changed, double seconds, long peakHeapBytes) {}

    /** The unit after the last pass, and each pass's statistics. */
    public record Result(CompilationUnit unit, List<PassStatistics> statistics) {}

    /** Receives the text of a stage after a pass named by --print-after. */
    @FunctionalInterface
    public interface Printer {
        void print(String pass, Stage<?> stage, String text);
    }

    private final boolean verifyEach;
    private final Set<String> printAfter;
    private final Printer printer;

    public PassManager(boolean verifyEach, Set<String> printAfter, Printer printer) {
        this.verifyEach = verifyEach;
        this.printAfter = Set.copyOf(printAfter);
        this.printer = printer;
    }

    public static PassManager plain() {
        return new PassManager(false, Set.of(), (pass, stage, text) -> { });
    }

    public Result run(List<? extends Pass<?>> passes, CompilationUnit unit) {
        checkOrder(passes, unit);
        List<PassStatistics> stats = new ArrayList<>();
        for (Pass<?> pass : passes) {
            HeapPeak.reset();
            long start = System.nanoTime();
            Step step = runToFixedPoint(pass, unit);
            unit = step.unit;
            for (Stage<?> consumed : pass.info().consumes()) unit = unit.without(consumed);
            stats.add(new PassStatistics(pass.info().name(), step.iterations, step.changed, (System.nanoTime() - start) / 1e9,
                    HeapPeak.read()));
            if (verifyEach) verify(pass.info().name(), pass.info().writes(), unit);
            if (printAfter.contains(pass.info().name())) print(pass.info().name(), pass.info().writes(), unit);
        }
        return new Result(unit, stats);
    }

    private record Step(CompilationUnit unit, int iterations, boolean changed) {}

    private static <T> Step runToFixedPoint(Pass<T> pass, CompilationUnit unit) {
        PassInfo<T> info = pass.info();
        int iterations = 0;
        boolean changedAny = false;
        while (true) {
            T before = unit.get(info.writes()).orElse(null);
            T after = pass.run(unit);
            iterations++;
            boolean changed = after != before;
            changedAny |= changed;
            unit = unit.with(info.writes(), after);
            if (!info.fixedPoint() || !changed) break;
            if (iterations >= MAX_ITERATIONS) {
                throw new IllegalStateException("pass " + info.name() + " did not reach a fixed point in " + MAX_ITERATIONS + " iterations");
            }
        }
        return new Step(unit, iterations, changedAny);
    }

    /** Each pass must find the stages it reads in the unit or written by an earlier pass, and not invalidated since. */
    static void checkOrder(List<? extends Pass<?>> passes, CompilationUnit unit) {
        Set<Stage<?>> have = new HashSet<>();
        for (Stage<?> s : Stages.all()) if (unit.has(s)) have.add(s);
        for (Pass<?> pass : passes) {
            PassInfo<?> info = pass.info();
            for (Stage<?> needed : info.reads()) {
                if (!have.contains(needed)) {
                    throw new IllegalArgumentException("pass " + info.name() + " reads the " + needed + " stage, which no earlier pass "
                            + "writes" + (Stages.order(needed) > 0 ? " (or a later pass replaced what it was made from)" : ""));
                }
            }
            have.removeIf(s -> Stages.order(s) > Stages.order(info.writes()));
            have.add(info.writes());
            have.removeAll(info.consumes());
        }
    }

    private static <T> void verify(String after, Stage<T> stage, CompilationUnit unit) {
        unit.get(stage).ifPresent(value -> {
            List<String> problems = stage.verify(value);
            if (!problems.isEmpty()) throw new IllegalStateException("the " + stage + " IR is broken after pass " + after + ": " + problems);
        });
    }

    private <T> void print(String after, Stage<T> stage, CompilationUnit unit) {
        unit.get(stage).ifPresent(value -> printer.print(after, stage, stage.print(value)));
    }
}
