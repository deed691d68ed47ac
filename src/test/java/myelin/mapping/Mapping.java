package myelin.mapping;

import myelin.ir.hardware.HardwareNetwork;
import myelin.ir.network.Network;
import myelin.ir.target.TargetSpec;
import myelin.passes.CompilationUnit;
import myelin.passes.PassManager;
import myelin.passes.Pipeline;
import myelin.passes.Stages;
import myelin.simulator.CoreExecutor;
import myelin.simulator.Engine;
import myelin.simulator.IntegerEngine;
import myelin.simulator.SpikeTrain;

/** Test helpers: map a network and run the core executor against the integer engine. */
final class Mapping {
    private Mapping() {}

    static CompilationUnit map(Network net, TargetSpec target) {
        return PassManager.plain().run(Pipeline.MAP.passes(target, new Pipeline.Options(2, myelin.ir.synapses.Expander.Progress.NONE)),
                CompilationUnit.of(net)).unit();
    }

    static SpikeTrain run(Engine engine, int steps) {
        SpikeTrain all = new SpikeTrain();
        engine.run(steps, (step, spikes) -> {
            for (int i = 0; i < spikes.size(); i++) all.add(spikes, i);
        }, false);
        return all;
    }

    /** Fails at the first spike where the executor differs from the integer engine, naming step, population, neuron and counts. */
    static void assertExecutorEqualsEngine(Network net, TargetSpec target, int steps) {
        CompilationUnit unit = map(net, target);
        HardwareNetwork hw = unit.require(Stages.PACKED);
        SpikeTrain expected = run(new IntegerEngine(unit.require(Stages.ENCODED), 1), steps);
        assertSame(net, expected, run(new CoreExecutor(hw), steps), "core executor");
    }

    /** Fails at the first spike where an executor's train differs from the integer engine's. */
    static void assertSame(Network net, SpikeTrain expected, SpikeTrain actual, String executor) {
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            if (!expected.sameEntry(i, actual, i)) {
                throw new AssertionError("first differing spike: integer engine " + entry(net, expected, i) + ", " + executor + " "
                        + entry(net, actual, i));
            }
        }
        if (expected.size() != actual.size()) {
            throw new AssertionError(expected.size() + " spike entries on the integer engine, " + actual.size() + " on the " + executor
                    + "; first extra: " + (expected.size() > n ? entry(net, expected, n) : entry(net, actual, n)));
        }
    }

    private static String entry(Network net, SpikeTrain t, int i) {
        return "step " + t.step(i) + ", population " + net.populations().get(t.population(i)).name() + ", neuron " + t.neuron(i)
                + ", " + t.count(i) + " spike(s)";
    }
}
