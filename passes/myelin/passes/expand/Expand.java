package myelin.passes.expand;

import java.util.Set;
import myelin.ir.synapses.ExpandedNetwork;
import myelin.ir.synapses.Expander;
import myelin.passes.CompilationUnit;
import myelin.passes.Pass;
import myelin.passes.PassInfo;
import myelin.passes.Stages;

/** Expands every projection's connectivity rule into a synapse table (docs/ir.md, "Expansion"). */
public final class Expand implements Pass<ExpandedNetwork> {
    private static final PassInfo<ExpandedNetwork> INFO = PassInfo.of("expand", "connectivity rules to synapse tables",
            Set.of(Stages.NETWORK), Stages.EXPANDED);

    private final int threads;
    private final Expander.Progress progress;

    public Expand(int threads, Expander.Progress progress) {
        this.threads = threads;
        this.progress = progress;
    }

    @Override
    public PassInfo<ExpandedNetwork> info() {
        return INFO;
    }

    @Override
    public ExpandedNetwork run(CompilationUnit unit) {
        return new Expander(threads, progress).expand(unit.network());
    }
}
