package myelin.passes;

/** One transformation: reads stages of a compilation unit and produces one. */
public interface Pass<T> {
    PassInfo<T> info();

    /**
     * Produces the stage the pass writes. A fixed-point pass that finds nothing to change
     * returns the stage it was given, the same object; the manager then stops repeating it.
     */
    T run(CompilationUnit unit);
}
