package myelin.passes;

/** One transformation of a compilation unit. */
public interface Pass {
    PassInfo info();

    /** Runs the pass; returns whether it changed anything (fixed-point passes repeat until not). */
    boolean run(CompilationUnit unit);
}
