package myelin.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import myelin.frontend.SnnFrontend;
import myelin.ir.integer.QuantizedNetwork;
import myelin.ir.network.Network;
import myelin.ir.target.TargetSpec;
import myelin.passes.encode.Encode;
import myelin.passes.expand.Expand;
import myelin.passes.quantize.Quantize;
import myelin.ir.synapses.Expander;
import org.junit.jupiter.api.Test;

class PassManagerTest {
    private static final Network NET = SnnFrontend.parse("<test>", """
            network t {
              timestep = 1 ms;
              population in : spike_array [2] { spikes = [0 @ 0 ms, 1 @ 2 ms]; }
              population p : lif [3] { tau_m = 10 ms; v_threshold = 10 mV; }
              projection in -> p : all_to_all { weight = 6 mV; delay = 2 ms; }
            }
            """);

    /** A pass that rewrites the quantized stage with a new, equal value {@code changes} times, then returns it unchanged. */
    private static final class Settling implements Pass<QuantizedNetwork> {
        private final boolean fixedPoint;
        private int changes;

        Settling(int changes, boolean fixedPoint) {
            this.changes = changes;
            this.fixedPoint = fixedPoint;
        }

        @Override
        public PassInfo<QuantizedNetwork> info() {
            return new PassInfo<>("settle", "test", Set.of(Stages.QUANTIZED), Stages.QUANTIZED, Set.of(), fixedPoint);
        }

        @Override
        public QuantizedNetwork run(CompilationUnit unit) {
            QuantizedNetwork q = unit.require(Stages.QUANTIZED);
            if (changes-- <= 0) return q;
            return new QuantizedNetwork(q.name(), q.timestep(), q.profile(), q.populations(), q.projections(), q.report());
        }
    }

    @Test
    void aPassThatReadsAStageNoEarlierPassWritesIsRejectedBeforeAnythingRuns() {
        var e = assertThrows(IllegalArgumentException.class, () -> PassManager.plain().run(
                List.<Pass<?>>of(new Quantize(TargetSpec.SIMULATION), new Encode(), new Expand(1, Expander.Progress.NONE)), CompilationUnit.of(NET)));
        assertEquals("pass encode reads the expanded stage, which no earlier pass writes (or a later pass replaced what it was made from)",
                e.getMessage());
    }

    @Test
    void writingAStageInvalidatesTheLaterOnes() {
        // quantize after expand makes the expansion stale: encode may not read it.
        var e = assertThrows(IllegalArgumentException.class, () -> PassManager.checkOrder(List.<Pass<?>>of(new Quantize(TargetSpec.SIMULATION),
                new Expand(1, Expander.Progress.NONE), new Quantize(TargetSpec.SIMULATION), new Encode()), CompilationUnit.of(NET)));
        assertTrue(e.getMessage().startsWith("pass encode reads the expanded stage"), e.getMessage());
        CompilationUnit unit = PassManager.plain().run(Pipeline.QUANTIZE.passes(TargetSpec.SIMULATION), CompilationUnit.of(NET)).unit();
        CompilationUnit expanded = unit.with(Stages.EXPANDED, Expander.sequential().expand(NET));
        assertTrue(expanded.has(Stages.QUANTIZED));
        assertFalse(expanded.with(Stages.QUANTIZED, unit.require(Stages.QUANTIZED)).has(Stages.EXPANDED));
    }

    @Test
    void encodeConsumesTheExpandedStage() {
        CompilationUnit unit = PassManager.plain().run(Pipeline.SIMULATE.passes(TargetSpec.SIMULATION), CompilationUnit.of(NET)).unit();
        assertTrue(unit.has(Stages.ENCODED));
        assertFalse(unit.has(Stages.EXPANDED));
        var e = assertThrows(IllegalArgumentException.class, () -> PassManager.checkOrder(
                List.<Pass<?>>of(new Quantize(TargetSpec.SIMULATION), new Expand(1, Expander.Progress.NONE), new Encode(), new Encode()),
                CompilationUnit.of(NET)));
        assertTrue(e.getMessage().startsWith("pass encode reads the expanded stage"), e.getMessage());
    }

    @Test
    void fixedPointPassesRepeatUntilNothingChanges() {
        var result = PassManager.plain().run(List.<Pass<?>>of(new Quantize(TargetSpec.SIMULATION), new Settling(3, true)), CompilationUnit.of(NET));
        assertEquals(4, result.statistics().get(1).iterations());
        assertTrue(result.statistics().get(1).changed());
        var once = PassManager.plain().run(List.<Pass<?>>of(new Quantize(TargetSpec.SIMULATION), new Settling(3, false)), CompilationUnit.of(NET));
        assertEquals(1, once.statistics().get(1).iterations());
    }

    @Test
    void aFixedPointPassThatNeverSettlesIsABug() {
        var e = assertThrows(IllegalStateException.class, () -> PassManager.plain().run(
                List.<Pass<?>>of(new Quantize(TargetSpec.SIMULATION), new Settling(1000, true)), CompilationUnit.of(NET)));
        assertEquals("pass settle did not reach a fixed point in " + PassManager.MAX_ITERATIONS + " iterations", e.getMessage());
    }

    @Test
    void verifyEachChecksTheStageAPassWrote() {
        Pass<QuantizedNetwork> breaking = new Pass<>() {
            @Override
            public PassInfo<QuantizedNetwork> info() {
                return PassInfo.of("break", "test", Set.of(Stages.QUANTIZED), Stages.QUANTIZED);
            }

            @Override
            public QuantizedNetwork run(CompilationUnit unit) {
                QuantizedNetwork q = unit.require(Stages.QUANTIZED);
                var p = q.projections().get(0);
                var broken = new QuantizedNetwork.Projection(p.name(), p.pre(), p.post(), p.channel(), p.weightScale(), 99);
                return new QuantizedNetwork(q.name(), q.timestep(), q.profile(), q.populations(), List.of(broken), q.report());
            }
        };
        var passes = List.<Pass<?>>of(new Quantize(TargetSpec.SIMULATION), breaking);
        PassManager.plain().run(passes, CompilationUnit.of(NET)); // unchecked: runs
        var e = assertThrows(IllegalStateException.class,
                () -> new PassManager(true, Set.of(), (pass, stage, text) -> { }).run(passes, CompilationUnit.of(NET)));
        assertEquals("the quantized IR is broken after pass break: [projection in_to_p: exponent 99 outside [0, 15]]", e.getMessage());
    }

    @Test
    void printAfterShowsTheStageThePassWrote() {
        StringBuilder shown = new StringBuilder();
        new PassManager(false, Set.of("expand", "encode"), (pass, stage, text) -> shown.append(pass).append(':').append(stage).append('\n'))
                .run(Pipeline.SIMULATE.passes(TargetSpec.SIMULATION), CompilationUnit.of(NET));
        assertEquals("expand:expanded\nencode:encoded\n", shown.toString());
    }
}
