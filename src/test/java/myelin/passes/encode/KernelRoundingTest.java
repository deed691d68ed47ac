package myelin.passes.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import myelin.ir.encoded.EncodedNetwork;
import myelin.ir.hardware.HardwareNetwork;
import myelin.ir.hardware.Kernel;
import myelin.ir.integer.Profile;
import myelin.ir.integer.QuantizedNetwork;
import myelin.ir.integer.WeightCodec;
import myelin.ir.network.Connector;
import myelin.ir.network.LoadedNetwork;
import myelin.ir.network.Projection;
import myelin.frontend.NetworkLoader;
import myelin.ir.synapses.Expander;
import myelin.ir.target.TargetSpec;
import myelin.passes.CompilationUnit;
import myelin.passes.PassManager;
import myelin.passes.Pipeline;
import myelin.passes.Stages;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** A kernel keeps each output channel's sum; other projections round each weight alone (docs/semantics.md, "Quantization"). */
class KernelRoundingTest {

    /** 8-bit mantissas (-128..127), so that the generated values reach the clamp. */
    private static final Profile EIGHT_BIT = Profile.LOIHI;

    @Test
    void handWorkedGroups() {
        Profile p = EIGHT_BIT;
        // Three of 0.4: each rounds to 0, the sum 1.2 to 1; the first (a tie) moves up.
        assertArrayEquals(new long[] {1, 0, 0}, WeightCodec.mantissasKeepingSum(new double[] {0.4, 0.4, 0.4}, p));
        // 0.3 + 0.45 + 2.0 = 2.75 -> 3: the one nearest its upper neighbour (0.45) moves.
        assertArrayEquals(new long[] {0, 1, 2}, WeightCodec.mantissasKeepingSum(new double[] {0.3, 0.45, 2.0}, p));
        // Downward, and never across zero: 0.6 + 0.6 + (-0.4) = 0.8 -> 1; the rounded sum is 2.
        assertArrayEquals(new long[] {0, 1, 0}, WeightCodec.mantissasKeepingSum(new double[] {0.6, 0.6, -0.4}, p));
        // A zero weight stays zero; a clamped one cannot move past the width.
        assertArrayEquals(new long[] {0, 127, 1}, WeightCodec.mantissasKeepingSum(new double[] {0, 127.4, 0.4}, p));
        // Exact integers are left as they are.
        assertArrayEquals(new long[] {3, -2, 5}, WeightCodec.mantissasKeepingSum(new double[] {3, -2, 5}, p));
    }

    @Property(tries = 300)
    void aGroupKeepsItsSumAndEachWeightItsSide(@ForAll @Size(min = 1, max = 60) List<@DoubleRange(min = -140, max = 140) Double> values) {
        double[] x = values.stream().mapToDouble(Double::doubleValue).toArray();
        long[] m = WeightCodec.mantissasKeepingSum(x, EIGHT_BIT);
        double sum = 0;
        long total = 0;
        boolean clamped = false;
        for (int i = 0; i < x.length; i++) {
            sum += x[i];
            total += m[i];
            clamped |= clamped(x[i]);
            assertTrue(m[i] >= -128 && m[i] <= 127, "within the width");
            if (!clamped(x[i])) assertTrue(Math.abs(m[i] - x[i]) < 1, "a neighbour of " + x[i] + ", got " + m[i]);
            assertTrue(m[i] == 0 || Math.signum(m[i]) == Math.signum(x[i]), "never across zero: " + x[i] + " -> " + m[i]);
        }
        if (!clamped) assertTrue(Math.abs(total - sum) <= 0.5 + 1e-9, "sum " + sum + ", mantissas " + total);
    }

    private static boolean clamped(double x) {
        return x > 127 || x < -128;
    }

    @Test
    void theSinabsKernelsStaySharedAndKeepEachChannelsSum() {
        LoadedNetwork loaded = NetworkLoader.load(Path.of("src/test/resources/nir/shared/cnn/cnn_sinabs.nir"), 1);
        CompilationUnit unit = PassManager.plain().run(Pipeline.MAP.passes(TargetSpec.SPINNAKER1, new Pipeline.Options(2, Expander.Progress.NONE)),
                CompilationUnit.of(loaded.network())).unit();
        QuantizedNetwork q = unit.require(Stages.QUANTIZED);
        HardwareNetwork hw = unit.require(Stages.PACKED);
        List<Projection> convolutions = loaded.network().projections().stream().filter(p -> p.connector() instanceof Connector.Conv2d).toList();
        assertEquals(3, convolutions.size());
        assertEquals(convolutions.size(), hw.kernels().size(), "every convolution packs as one shared kernel");
        int channels = 0;
        for (Projection source : convolutions) {
            var conv = (Connector.Conv2d) source.connector();
            QuantizedNetwork.Projection p = q.projections().stream().filter(x -> x.name().equals(source.name())).findFirst().orElseThrow();
            Kernel kernel = hw.kernels().stream().filter(k -> k.projection().equals(source.name())).findFirst().orElseThrow();
            double weight = source.weight().constant().orElseThrow();
            int perChannel = conv.kernel().length / conv.outChannels();
            int postsPerChannel = loaded.network().postOf(source).size() / conv.outChannels();
            for (int co = 0; co < conv.outChannels(); co++) {
                int shift = q.shift(p, co * postsPerChannel);
                double exact = 0;
                long integer = 0;
                for (int t = co * perChannel; t < (co + 1) * perChannel; t++) {
                    exact += conv.kernel()[t] * weight * p.weightScale() / (1L << shift);
                    integer += kernel.weights()[t] >> shift;
                }
                assertEquals(Math.round(exact), integer, source.name() + ": output channel " + co + "'s taps");
                channels++;
            }
        }
        assertTrue(channels > 20, "checked " + channels + " channels");
    }

    @Test
    void listedWeightsRoundEachAlone() {
        LoadedNetwork loaded = NetworkLoader.load(Path.of("src/test/resources/nir/shared/rnn/braille_noDelay_noBias_subtract.nir"), 1e-4);
        CompilationUnit unit = PassManager.plain().run(Pipeline.SIMULATE.passes(TargetSpec.SIMULATION, new Pipeline.Options(1, Expander.Progress.NONE)),
                CompilationUnit.of(loaded.network())).unit();
        QuantizedNetwork q = unit.require(Stages.QUANTIZED);
        EncodedNetwork encoded = unit.require(Stages.ENCODED);
        var expanded = Expander.sequential().expand(loaded.network());
        for (int i = 0; i < q.projections().size(); i++) {
            QuantizedNetwork.Projection p = q.projections().get(i);
            var table = expanded.table(p.name());
            var synapses = encoded.projections().get(i).synapses();
            for (int s = 0; s < table.size(); s++) {
                int shift = q.shift(p, table.post(s));
                assertEquals(WeightCodec.encode(table.weight(s), p.weightScale(), shift, q.profile()), synapses.weight(s), p.name() + ": synapse " + s);
            }
        }
    }
}
