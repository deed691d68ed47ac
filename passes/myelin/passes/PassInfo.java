package myelin.passes;

import java.util.Set;

/**
 * A pass's metadata, apart from its code: the manager, not the pass, checks that what it
 * reads exists, stores what it writes, drops what it consumes, repeats fixed-point passes
 * and times them.
 *
 * @param reads    the stages the pass reads
 * @param writes   the stage the pass produces (replacing it invalidates the later stages)
 * @param consumes stages no later pass may read, dropped after this one to free their memory
 */
public record PassInfo<T>(String name, String summary, Set<Stage<?>> reads, Stage<T> writes, Set<Stage<?>> consumes,
                          boolean fixedPoint) {
    public PassInfo {
        reads = Set.copyOf(reads);
        consumes = Set.copyOf(consumes);
    }

    public static <T> PassInfo<T> of(String name, String summary, Set<Stage<?>> reads, Stage<T> writes) {
        return new PassInfo<>(name, summary, reads, writes, Set.of(), false);
    }
}
