package myelin.frontend.nir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import myelin.frontend.NetworkLoader;
import myelin.ir.diag.InputException;
import myelin.ir.network.Connector;
import myelin.ir.network.Lif;
import myelin.ir.network.Network;
import myelin.ir.network.Projection;
import myelin.ir.network.SynapseType;
import myelin.ir.synapses.Expander;
import myelin.ir.synapses.SynapseTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NirImportTest {
    private static Map<String, List<Integer>> shapes(Network net) {
        return net.populations().stream().collect(Collectors.toMap(p -> p.name(), p -> p.shape()));
    }

    private static Projection projection(Network net, String pre, String post) {
        return net.projections().stream().filter(p -> p.pre().equals(pre) && p.post().equals(post)).findFirst().orElseThrow();
    }

    @Test
    void sinabsCnnKeepsItsConvolutionKernels() {
        Network net = SharedNir.load("cnn/cnn_sinabs.nir", 1).network();
        assertEquals(Map.of("input", List.of(2, 34, 34), "1", List.of(16, 16, 16), "3", List.of(16, 16, 16), "6", List.of(8, 8, 8),
                "10", List.of(256), "12", List.of(10), "output", List.of(10)), shapes(net));
        var first = assertInstanceOf(Connector.Conv2d.class, projection(net, "input", "1").connector());
        assertArrayEquals(new int[] {16, 2, 5, 5}, first.kernelShape());
        assertEquals(2, first.stride());
        assertEquals(1, first.padding());
        // SumPool2d 2x2 then Conv2d 3x3 (padding 1) is one 6x6 convolution of stride 2, padding 2.
        var pooled = assertInstanceOf(Connector.Conv2d.class, projection(net, "3", "6").connector());
        assertArrayEquals(new int[] {8, 16, 6, 6}, pooled.kernelShape());
        assertEquals(2, pooled.stride());
        assertEquals(2, pooled.padding());
        assertInstanceOf(Connector.ExplicitList.class, projection(net, "6", "10").connector());
    }

    @Test
    void aComposedPoolingAndConvolutionEqualsTheNirChain() {
        var file = NirReader.read(SharedNir.file("cnn/cnn_sinabs.nir"));
        var nodes = file.graph().nodes();
        List<LinearOp> chain = List.of(new LinearOp.Pool("4", (NirNode.Pool) nodes.get("4")), new LinearOp.Conv("5", (NirNode.Conv) nodes.get("5")));
        Network net = SharedNir.load("cnn/cnn_sinabs.nir", 1).network();
        Projection p = projection(net, "3", "6");
        SynapseTable table = Expander.sequential().expand(net).table(p.name());
        double gain = p.weight().constant().orElseThrow();
        int[] shape = {16, 16, 16};
        for (int pre = 0; pre < 16 * 16 * 16; pre += 37) {
            double[] x = new double[16 * 16 * 16];
            x[pre] = 1;
            int[] s = shape;
            for (LinearOp op : chain) {
                x = op.apply(x, s);
                s = op.outShape(s, LinearOp.CHECKED);
            }
            double[] row = new double[x.length];
            for (int k = table.rowStart(pre); k < table.rowEnd(pre); k++) row[table.post(k)] += table.weight(k);
            for (int j = 0; j < x.length; j++) assertEquals(x[j] * gain, row[j], 1e-9, "pre " + pre + " post " + j);
        }
    }

    @Test
    void brailleRecurrentNetworkFromSnnTorch() {
        Network net = SharedNir.load("rnn/braille_noDelay_noBias_subtract.nir").network();
        assertEquals(Map.of("input", List.of(12), "lif1.lif", List.of(40), "lif2", List.of(7), "output", List.of(7)), shapes(net));
        Lif hidden = (Lif) net.models().get("lif1.lif");
        assertEquals(List.of(new SynapseType("syn", 4e-4)), hidden.synapses());
        Projection recurrence = projection(net, "lif1.lif", "lif1.lif");
        assertEquals(1e-4, recurrence.delay().constant().orElseThrow(), 1e-12, "a recurrence closes in one step, as in NIR");
        assertEquals(40 * 40, ((Connector.ExplicitList) recurrence.connector()).synapses().size());
    }

    @Test
    void everyGraphImports() throws Exception {
        try (var files = Files.list(SharedNir.ROOT.resolve("graphs"))) {
            List<Path> all = files.filter(f -> f.toString().endsWith(".nir")).sorted().toList();
            assertEquals(3, all.size());
            for (Path f : all) assertTrue(NetworkLoader.load(f, 1e-4).network().populations().size() >= 2, f.toString());
        }
    }

    @Test
    void conv1dBecomesAnExactSynapseList() {
        Network net = SharedNir.load("graphs/conv1d_lif.nir").network();
        assertEquals(List.of(2, 8), net.population("lif").orElseThrow().shape());
        assertInstanceOf(Connector.ExplicitList.class, projection(net, "input", "lif").connector());
    }

    @Test
    void delayNodesBecomeSynapticDelaysPerTarget() {
        Network net = SharedNir.load("graphs/delay_recurrent.nir").network();
        var list = (Connector.ExplicitList) projection(net, "input", "lif").connector();
        // 1, 2 and 3 ms at 0.1 ms, plus the one step every hop takes.
        for (var s : list.synapses()) assertEquals(11 + 10 * s.post(), Math.round(s.delay() / 1e-4), "post " + s.post());
        assertEquals(1e-4, projection(net, "lif", "lif").delay().constant().orElseThrow(), 1e-12);
    }

    @Test
    void aLeakyIntegratorInALoopFoldsIntoASynapse() {
        var loaded = SharedNir.load("graphs/feedback_graph.nir");
        Network net = loaded.network();
        Lif state = (Lif) net.models().get("state");
        assertEquals(List.of(new SynapseType("feedback_ir", 0.1)), state.synapses());
        assertTrue(net.population("state").orElseThrow().hasBias());
        assertEquals("feedback_ir", projection(net, "state", "state").synapse());
        assertTrue(loaded.warnings().stream().anyMatch(w -> w.contains("output 'output_probe' carries real values")), loaded.warnings().toString());
    }

    @Test
    void malformedSubgraphNamesTheMissingNode() {
        var e = assertThrows(InputException.class, () -> SharedNir.load("malformed/braille_noDelay_bias_zero_subgraph.nir"));
        assertEquals("subgraph 'lif1': edge input -> lif names a node 'lif' that does not exist; did you mean 'lif1'? "
                + "(nodes: input, lif1, lin, output)", e.diagnostics().get(0).message());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "transposed.nir        | node 'w': weight [12, 40] takes 40 inputs but receives shape [12] (the weights look transposed: NIR stores [out, in])",
        "shape_mismatch.nir    | node 'w': weight [4, 5] takes 5 inputs but receives shape [3]",
        "negative_tau.nir      | node 'lif' (LIF): tau must be positive, got -0.01",
        "missing_parameter.nir | node 'lif' (LIF): missing parameter 'v_threshold'",
        "unknown_type.nir      | node 'w': unknown NIR node type 'Banana'",
        "integrator.nir        | node 'acc' (I): an integrator without threshold has no IR model; use IF or LI",
        "gate_no_scale.nir     | node 'gate' (Threshold): the weights into neuron 0 (1.0, 3.14159) are not integer multiples of one scale (tried the smallest weight over 1 to 64); Myelin's threshold gates take integer weights",
    })
    void badFilesNameTheNodeAndTheProblem(String file, String message) {
        Path path = Path.of("src/test/resources/nir", file);
        var e = assertThrows(InputException.class, () -> NetworkLoader.load(path, 1e-4));
        assertEquals(1, e.diagnostics().size());
        assertEquals(path + ": error: " + message, e.diagnostics().get(0).toString());
    }

    @Test
    void zeroDimensionalParametersTakeTheLayerShapeFromTheirInput() {
        Network net = NetworkLoader.load(Path.of("src/test/resources/nir/scalar_parameters.nir"), 1e-4).network();
        assertEquals(List.of(4), net.population("lif").orElseThrow().shape());
        assertEquals(List.of(0.25, 0.25, 0.25, 0.25), net.population("lif").orElseThrow().bias(), "Affine bias times r");
    }

    @Test
    void poolingFlattenScaleAndACubaReadout() {
        var loaded = NetworkLoader.load(Path.of("src/test/resources/nir/avgpool_scale.nir"), 1e-4);
        Network net = loaded.network();
        assertEquals(Map.of("input", List.of(1, 4, 4), "cuba", List.of(3), "readout", List.of(3)), shapes(net));
        // Affine bias [0.1, 0, -0.1], scaled by [1, 2, 3], times r w_in = 2.
        List<Double> bias = net.population("cuba").orElseThrow().bias();
        assertEquals(0.2, bias.get(0), 1e-12);
        assertEquals(0.0, bias.get(1), 1e-12);
        assertEquals(-0.6, bias.get(2), 1e-12);
        // Each input pixel reaches each neuron through the 2x2 average: weight W[j][pool(i)] / 4 * scale[j] * gain.
        var list = (Connector.ExplicitList) projection(net, "input", "cuba").connector();
        double gain = 1 * 2.0 * -Math.expm1(-1e-4 / 0.01) * 0.01 / 0.002;
        var s = list.synapses().stream().filter(x -> x.pre() == 15 && x.post() == 2).findFirst().orElseThrow();
        assertEquals((2 * 4 + 3) / 10.0 / 4 * 3 * gain, s.weight(), 1e-12); // pixel (3,3) is in pool cell (1,1)
        assertTrue(net.recordings().stream().anyMatch(r -> r.population().equals("readout") && r.variables().equals(List.of("v"))));
        assertTrue(loaded.warnings().stream().anyMatch(w -> w.startsWith("output 'output' carries real values")));
    }

    @Test
    void aPoolingThatDoesNotTileStaysExact() {
        Network net = NetworkLoader.load(Path.of("src/test/resources/nir/pool_odd.nir"), 1).network();
        var list = assertInstanceOf(Connector.ExplicitList.class, projection(net, "input", "cells").connector());
        // Rows and columns 0-3 pool into the 2x2 map; row 4 and column 4 are dropped, as the pooling drops them.
        assertEquals(16, list.synapses().size());
        assertTrue(list.synapses().stream().noneMatch(s -> s.pre() / 5 == 4 || s.pre() % 5 == 4));
        assertTrue(list.synapses().stream().allMatch(s -> s.weight() == 2.0), "kernel 2 times the IF gain r dt = 1");
    }

    @Test
    void thresholdNodesBecomeThresholdGates() {
        Network net = NetworkLoader.load(Path.of("src/test/resources/nir/threshold.nir"), 1e-4).network();
        assertEquals(new myelin.ir.network.ThresholdGate("gate", 2), net.models().get("gate"));
    }

    @Test
    void nestedGraphsAreInlinedWithDottedNames() {
        var loaded = NetworkLoader.load(Path.of("src/test/resources/nir/nested.nir"), 1e-4);
        assertEquals(List.of("input", "g.lif", "output"), loaded.network().populations().stream().map(p -> p.name()).toList());
        assertEquals(Map.of("input", 0, "g.lif", 1, "output", 2), loaded.latency());
    }

    @Test
    void edgesThatNameAnAlreadyFlattenedSubgraphGoThroughItsPorts() {
        var loaded = NetworkLoader.load(Path.of("src/test/resources/nir/flat_dotted.nir"), 1e-4);
        assertEquals(List.of("input", "lif1.lif", "output"), loaded.network().populations().stream().map(p -> p.name()).toList());
        assertEquals(List.of("input->lif1.lif", "lif1.lif->output"),
                loaded.network().projections().stream().map(p -> p.name()).toList());
    }

    @Test
    void aSubgraphInputOfAnotherShapeThanItsInputIsRefused() {
        var e = assertThrows(InputException.class, () -> NetworkLoader.load(Path.of("src/test/resources/nir/subgraph_shape.nir"), 1e-4));
        assertEquals("src/test/resources/nir/subgraph_shape.nir: error: subgraph input 'g.input' declares shape [6], but 'input' sends it "
                + "shape [2, 3]", e.getMessage());
    }
}
