package myelin.passes.threshold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import myelin.frontend.NetworkLoader;
import myelin.ir.diag.InputException;
import myelin.ir.logic.CellLibrary;
import myelin.ir.logic.GateNetlist;
import myelin.ir.network.LoadedNetwork;
import myelin.ir.synapses.Expander;
import myelin.ir.target.TargetSpec;
import myelin.passes.CompilationUnit;
import myelin.passes.PassManager;
import myelin.passes.Pipeline;
import myelin.passes.Stages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** threshold-map on whole networks and on single gates worked out by hand. */
class ThresholdMapTest {
    static ThresholdMap.Result map(String snn, CellLibrary library) {
        CompilationUnit unit = PassManager.plain().run(Pipeline.SIMULATE.passes(TargetSpec.SIMULATION,
                new Pipeline.Options(1, Expander.Progress.NONE)), CompilationUnit.of(myelin.frontend.SnnFrontend.parse("<test>", snn))).unit();
        return new ThresholdMap(library).map(unit, unit.require(Stages.ENCODED));
    }

    static ThresholdMap.Result mapFile(String file, CellLibrary library) {
        LoadedNetwork loaded = NetworkLoader.load(Path.of(file), 1e-4);
        CompilationUnit unit = PassManager.plain().run(Pipeline.SIMULATE.passes(TargetSpec.SIMULATION,
                new Pipeline.Options(1, Expander.Progress.NONE)), CompilationUnit.of(loaded)).unit();
        return new ThresholdMap(library).map(unit, unit.require(Stages.ENCODED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tulip", "ftl"})
    void xorIsThreeCellsOfDepthOne(String library) {
        ThresholdMap.Result r = mapFile("examples/xor.snn", CellLibrary.builtIn(library).orElseThrow());
        GateNetlist n = r.netlist();
        assertEquals(3, n.cells().size());
        assertEquals(1, n.depth());
        assertEquals(3, r.exhaustive());
        // or: [a + b >= 1]; and: [a + b >= 2]; xor: [or - and >= 1]
        assertArrayEquals(new int[] {1, 1}, n.cells().get(0).weights());
        assertEquals(1, n.cells().get(0).threshold());
        assertEquals(2, n.cells().get(1).threshold());
        assertArrayEquals(new int[] {1, -1}, n.cells().get(2).weights());
    }

    /** The gate netlist's text, golden for xor, and read back to the same text for every network here. */
    @Test
    void theNetlistTextRoundTrips() {
        GateNetlist xor = mapFile("examples/xor.snn", CellLibrary.TULIP).netlist();
        String text = myelin.ir.logic.GateNetlistText.print(xor);
        assertEquals("""
                gates xor library=tulip populations=[inputs, or_gate, and_gate, xor_gate] {
                  input 0 = inputs[0] delay=1
                  input 1 = inputs[1] delay=1
                  input 2 = or_gate[0] delay=1
                  input 3 = and_gate[0] delay=1
                  cell 4 = [0, 1] weights=[1, 1] >= 1
                  cell 5 = [0, 1] weights=[1, 1] >= 2
                  cell 6 = [2, 3] weights=[1, -1] >= 1
                  output or_gate[0] = 4
                  output and_gate[0] = 5
                  output xor_gate[0] = 6
                }
                """, text);
        for (String file : new String[] {"examples/xor.snn", "examples/binary.snn"}) {
            for (CellLibrary lib : CellLibrary.builtIn()) {
                String printed = myelin.ir.logic.GateNetlistText.print(mapFile(file, lib).netlist());
                assertEquals(printed, myelin.ir.logic.GateNetlistText.print(myelin.ir.logic.GateNetlistText.read(file, printed)));
            }
        }
        InputException bad = assertThrows(InputException.class, () -> myelin.ir.logic.GateNetlistText.read("x.gates",
                text.replace("cell 6 = [2, 3]", "cell 6 = [2, 9]")));
        assertTrue(bad.getMessage().contains("x.gates:8:1: error: signal 9 is not defined before the cell"), bad.getMessage());
    }

    /** The pass in its pipeline: ir --pipeline threshold prints the gates stage, which parses back. */
    @Test
    void thePassWritesTheGatesStage() {
        CompilationUnit unit = PassManager.plain().run(Pipeline.THRESHOLD.passes(TargetSpec.FPGA.withCells(CellLibrary.FTL)),
                CompilationUnit.of(NetworkLoader.load(Path.of("examples/xor.snn"), 1e-4))).unit();
        GateNetlist n = unit.require(Stages.GATES);
        assertEquals("ftl", n.library());
        assertEquals(java.util.List.of(), myelin.ir.logic.GateNetlistText.verify(n));
        assertEquals(mapFile("examples/xor.snn", CellLibrary.FTL).netlist().cells().size(), n.cells().size());
    }

    @Test
    void normalisationFindsTheSmallestWeights() {
        ThresholdFunction f = new ThresholdFunction(new int[] {0, 1}, new long[] {3, 3}, 4);
        ThresholdFunction n = Normalizer.normalize(f);
        assertArrayEquals(new long[] {1, 1}, n.weights());
        assertEquals(2, n.threshold());
        // 5x + 2y + 2z >= 5 is x alone: y and z get weight 0 and go.
        ThresholdFunction g = Normalizer.normalize(new ThresholdFunction(new int[] {0, 1, 2}, new long[] {5, 2, 2}, 5));
        assertArrayEquals(new int[] {0}, g.inputs());
        assertArrayEquals(new long[] {1}, g.weights());
        assertEquals(1, g.threshold());
        // 7x + 4y + 4z - 3w >= 8: no realisation with weights of magnitude 2 or less (x alone is false,
        // x with w is false, y with z is true); the smallest is (3, 2, 2, -1) >= 4.
        ThresholdFunction h = Normalizer.normalize(new ThresholdFunction(new int[] {0, 1, 2, 3}, new long[] {7, 4, 4, -3}, 8));
        for (int x = 0; x < 16; x++) {
            boolean[] in = {(x & 1) != 0, (x & 2) != 0, (x & 4) != 0, (x & 8) != 0};
            assertEquals(new ThresholdFunction(new int[] {0, 1, 2, 3}, new long[] {7, 4, 4, -3}, 8).value(in), value(h, in));
        }
        assertArrayEquals(new long[] {3, 2, 2, -1}, h.weights());
        assertEquals(4, h.threshold());
    }

    private static boolean value(ThresholdFunction f, boolean[] all) {
        boolean[] x = new boolean[f.inputs().length];
        for (int i = 0; i < x.length; i++) x[i] = all[f.inputs()[i]];
        return f.value(x);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 5, 9, 15, 25})
    void majorityOfN(int n) {
        String snn = "network maj { timestep = 1 ms; seed = 0;\n population x : spike_array [" + n + "] { spikes = [0 @ 1 ms]; }\n"
                + " population m : threshold_gate [1] { threshold = " + (n / 2 + 1) + "; }\n projection x -> m : all_to_all { weight = 1; }\n}\n";
        for (CellLibrary lib : CellLibrary.builtIn()) {
            ThresholdMap.Result r = map(snn, lib);
            if (n <= lib.fanIn()) assertEquals(1, r.netlist().cells().size(), lib.name());
            else assertTrue(r.netlist().cells().size() > 1, lib.name());
            assertEquals(n <= ThresholdMap.EXHAUSTIVE_INPUTS ? 1 : 0, r.exhaustive());
        }
    }

    /** Inputs that decide alone peel into trees: an OR and an AND of 100 meet the fan-in bound, so they are minimal. */
    @ParameterizedTest
    @ValueSource(ints = {1, 100})
    void orsAndAndsOfOneHundredAreMinimalTrees(int threshold) {
        String snn = "network wide { timestep = 1 ms; seed = 0;\n population x : spike_array [100] { spikes = [0 @ 1 ms]; }\n"
                + " population g : threshold_gate [1] { threshold = " + threshold + "; }\n projection x -> g : all_to_all { weight = 1; }\n}\n";
        for (CellLibrary lib : CellLibrary.builtIn()) {
            ThresholdMap.Result r = map(snn, lib);
            int expected = (99 + lib.fanIn() - 2) / (lib.fanIn() - 1); // 33 on tulip, 15 on ftl
            assertEquals(expected, r.netlist().cells().size(), lib.name());
            assertEquals(expected, r.cellBound(), lib.name());
            assertEquals(r.depthBound(), r.netlist().depth(), lib.name());
        }
    }

    /** Shannon's expansion: a majority of 9 on ftl's 8-input cells is two cofactors and their join. */
    @Test
    void aMajorityOfNineOnFtlIsThreeCells() {
        String snn = "network maj { timestep = 1 ms; seed = 0;\n population x : spike_array [9] { spikes = [0 @ 1 ms]; }\n"
                + " population m : threshold_gate [1] { threshold = 5; }\n projection x -> m : all_to_all { weight = 1; }\n}\n";
        ThresholdMap.Result r = map(snn, CellLibrary.FTL);
        assertEquals(3, r.netlist().cells().size());
        assertEquals(2, r.netlist().depth());
        assertEquals(1, r.exhaustive());
    }

    /** A gate's bias b makes its function [sum w x >= T - floor(b)], per neuron. */
    @Test
    void aBiasLowersEachNeuronsThreshold() {
        String snn = "network biased { timestep = 1 ms; seed = 0;\n population x : spike_array [3] { spikes = [0 @ 1 ms]; }\n"
                + " population g : threshold_gate [3] { threshold = 2; bias = [1, -1.5, 0.5]; }\n"
                + " projection x -> g : all_to_all { weight = 1; }\n}\n";
        ThresholdMap.Result r = map(snn, CellLibrary.TULIP);
        assertEquals(java.util.List.of(1L, 4L, 2L), r.gates().stream().map(ThresholdMap.Gate::threshold).toList());
    }

    @Test
    void aGateOfFanInOneHundredWithWeightsUpTo127() {
        StringBuilder conn = new StringBuilder();
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 100; i++) conn.append(i > 0 ? ", " : "").append("(").append(i).append(", 0, ").append(random.nextInt(255) - 127).append(")");
        String snn = "network wide { timestep = 1 ms; seed = 0;\n population x : spike_array [100] { spikes = [0 @ 1 ms]; }\n"
                + " population g : threshold_gate [1] { threshold = 40; }\n projection x -> g : list { connections = [" + conn + "]; }\n}\n";
        for (CellLibrary lib : CellLibrary.builtIn()) {
            ThresholdMap.Result r = map(snn, lib);
            assertEquals(1, r.sampled());
            assertEquals(ThresholdMap.RANDOM_VECTORS, r.vectors());
            for (GateNetlist.Cell c : r.netlist().cells()) assertTrue(lib.fits(c.weights(), c.threshold()));
        }
    }

    @Test
    void aLibraryThatCannotBuildAGateNamesTheGateAndTheLimit() {
        CellLibrary tiny = new CellLibrary("tiny", 2, -1, 1, -2, 2, 1, 1);
        String snn = "network maj { timestep = 1 ms; seed = 0;\n population x : spike_array [5] { spikes = [0 @ 1 ms]; }\n"
                + " population m : threshold_gate [1] { threshold = 3; }\n projection x -> m : all_to_all { weight = 1; }\n}\n";
        InputException e = assertThrows(InputException.class, () -> map(snn, tiny));
        String m = e.getMessage();
        assertTrue(m.contains("cell library tiny: gate m[0] [[1, 1, 1, 1, 1] . x >= 3] needs 5 inputs"), m);
        assertTrue(m.contains("fan-in 2"), m);
    }

    @Test
    void aNeuronWithStateIsRefusedAtItsDeclaration() {
        InputException e = assertThrows(InputException.class, () -> mapFile("examples/synfire.snn", CellLibrary.TULIP));
        assertTrue(e.getMessage().contains("population g0 is lif; only threshold gates and spike arrays map"), e.getMessage());
    }
}
