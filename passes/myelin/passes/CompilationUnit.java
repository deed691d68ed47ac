package myelin.passes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import myelin.ir.network.LoadedNetwork;
import myelin.ir.network.Network;
import myelin.ir.network.SourceMap;

/**
 * What the passes work on: each stage's IR so far, as immutable values, and where the
 * source declared each entity (for errors). Writing a stage gives a new unit without the
 * stages after it, which were derived from the old value.
 */
public final class CompilationUnit {
    private final Map<Stage<?>, Object> stages;
    private final SourceMap sources;

    private CompilationUnit(Map<Stage<?>, Object> stages, SourceMap sources) {
        this.stages = stages;
        this.sources = sources;
    }

    /** A unit holding the network stage. */
    public static CompilationUnit of(LoadedNetwork loaded) {
        Map<Stage<?>, Object> stages = new LinkedHashMap<>();
        stages.put(Stages.NETWORK, loaded.network());
        return new CompilationUnit(stages, loaded.sources());
    }

    /** A unit for a network without a file behind it. */
    public static CompilationUnit of(Network network) {
        return of(LoadedNetwork.of(network));
    }

    public SourceMap sources() {
        return sources;
    }

    public Network network() {
        return require(Stages.NETWORK);
    }

    public <T> Optional<T> get(Stage<T> stage) {
        return Optional.ofNullable(stages.get(stage)).map(stage::cast);
    }

    /** The stage's value; a pass that reads a stage it did not declare, or that is missing, is a bug. */
    public <T> T require(Stage<T> stage) {
        return get(stage).orElseThrow(() -> new IllegalStateException("no " + stage + " stage in the compilation unit"));
    }

    public boolean has(Stage<?> stage) {
        return stages.containsKey(stage);
    }

    /** This unit with the stage set to a value and the later stages dropped. */
    public <T> CompilationUnit with(Stage<T> stage, T value) {
        Map<Stage<?>, Object> next = new LinkedHashMap<>();
        stages.forEach((s, v) -> {
            if (Stages.order(s) < Stages.order(stage)) next.put(s, v);
        });
        next.put(stage, stage.cast(value));
        return new CompilationUnit(next, sources);
    }

    /** This unit without a stage (a pass consumed it); the others are kept. */
    public CompilationUnit without(Stage<?> stage) {
        Map<Stage<?>, Object> next = new LinkedHashMap<>(stages);
        next.remove(stage);
        return new CompilationUnit(next, sources);
    }
}
