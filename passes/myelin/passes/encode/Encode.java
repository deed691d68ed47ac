package myelin.passes.encode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import myelin.ir.diag.Diagnostic;
import myelin.ir.diag.InputException;
import myelin.ir.encoded.EncodedNetwork;
import myelin.ir.encoded.EncodedSynapses;
import myelin.ir.encoded.WeightError;
import myelin.ir.network.Connector;
import myelin.ir.network.ConvGeometry;
import myelin.ir.network.Projection;
import myelin.ir.integer.Arithmetic;
import myelin.ir.integer.Profile;
import myelin.ir.integer.QuantizedNetwork;
import myelin.ir.integer.WeightCodec;
import myelin.ir.network.Network;
import myelin.ir.network.NeuronModel;
import myelin.ir.network.Population;
import myelin.ir.network.VerifierProblem.Entity;
import myelin.ir.synapses.ExpandedNetwork;
import myelin.ir.synapses.Sampler;
import myelin.ir.synapses.SplitMix64;
import myelin.ir.synapses.SynapseTable;
import myelin.passes.CompilationUnit;
import myelin.passes.Pass;
import myelin.passes.PassInfo;
import myelin.passes.Stages;

/**
 * The expanded synapses and the initial state in the profile's integers (docs/semantics.md,
 * "Quantization"): each weight becomes mantissa << shift, each delay steps, each initial
 * value its integer. Consumes the expanded stage: its float values are garbage once encoded.
 */
public final class Encode implements Pass<EncodedNetwork> {
    /** Delays are stored in 16 bits. */
    public static final int MAX_DELAY_STEPS = Short.MAX_VALUE;

    private static final PassInfo<EncodedNetwork> INFO = new PassInfo<>("encode",
            "synapse tables and initial state to the profile's integers",
            Set.of(Stages.NETWORK, Stages.QUANTIZED, Stages.EXPANDED), Stages.ENCODED, Set.of(Stages.EXPANDED), false);

    @Override
    public PassInfo<EncodedNetwork> info() {
        return INFO;
    }

    @Override
    public EncodedNetwork run(CompilationUnit unit) {
        Network net = unit.network();
        QuantizedNetwork q = unit.require(Stages.QUANTIZED);
        ExpandedNetwork expanded = unit.require(Stages.EXPANDED);
        List<EncodedNetwork.Population> populations = new ArrayList<>();
        for (QuantizedNetwork.Population pop : q.populations()) populations.add(population(net, q, pop));
        List<EncodedNetwork.Projection> projections = new ArrayList<>();
        List<Diagnostic> errors = new ArrayList<>();
        List<WeightError> weightErrors = new ArrayList<>();
        for (QuantizedNetwork.Projection p : q.projections()) {
            SynapseTable table = expanded.table(p.name());
            Synapses s = synapses(net, q, p, table);
            int longest = Math.min(MAX_DELAY_STEPS, q.profile().capacity().maxDelaySteps());
            if (s.longestDelay > longest) {
                errors.add(Diagnostic.error(unit.sources().at(Entity.PROJECTION, p.name()), "projection " + p.name() + ": a delay of "
                        + s.longestDelay + " steps is longer than the " + longest + " steps profile " + q.profile().name() + " holds"));
                continue;
            }
            weightErrors.add(s.error);
            projections.add(new EncodedNetwork.Projection(p.name(), q.populations().indexOf(q.population(p.pre()).orElseThrow()),
                    q.populations().indexOf(q.population(p.post()).orElseThrow()), p.channel(), s.encoded));
        }
        if (!errors.isEmpty()) throw new InputException(errors);
        return new EncodedNetwork(net.name(), q.profile(), net.seed(), populations, projections, weightErrors);
    }

    /** The integer model, bias and initial state; each initial value is drawn from the neuron's own stream (docs/ir.md). */
    private static EncodedNetwork.Population population(Network net, QuantizedNetwork q, QuantizedNetwork.Population pop) {
        Population source = net.population(pop.name()).orElseThrow();
        NeuronModel model = net.modelOf(source);
        List<String> currents = model.synapses().stream().map(s -> s.name()).toList();
        Profile profile = q.profile();
        int[] v = new int[0];
        int[][] initialCurrents = new int[currents.size()][0];
        for (var init : source.initialValues().entrySet()) {
            String variable = init.getKey();
            long stream = SplitMix64.derive(net.seed(), SplitMix64.hash("init/" + pop.name() + "/" + variable));
            int channel = variable.equals("v") ? -1 : model.channelOf(variable);
            int[] values = new int[pop.size()];
            for (int n = 0; n < values.length; n++) {
                double x = Sampler.sample(init.getValue(), new SplitMix64(SplitMix64.derive(stream, n)));
                values[n] = (int) (channel < 0 ? Arithmetic.boundVoltage(Math.round((x - pop.vRest()) * pop.stateScale()), profile, pop.model())
                        : Arithmetic.boundCurrent(Math.round(x * pop.currentScale(channel)), profile));
            }
            if (channel < 0) v = values;
            else initialCurrents[channel] = values;
        }
        return new EncodedNetwork.Population(pop.name(), pop.size(), pop.model(), currents, pop.bias(), v, initialCurrents);
    }

    /**
     * A convolution's mantissas: each output channel's taps (those its synapses use) keep their
     * sum ({@link WeightCodec#mantissasKeepingSum}), and every synapse of a tap takes the tap's,
     * so the kernel stays one shared kernel.
     */
    private static long[] kernelMantissas(Connector.Conv2d conv, ConvGeometry g, SynapseTable table, double[] steps, Profile profile) {
        int taps = conv.kernel().length;
        double[] tapSteps = new double[taps];
        boolean[] used = new boolean[taps];
        int[] tapOf = new int[steps.length];
        for (int pre = 0; pre < table.connectivity().preSize(); pre++) {
            for (int s = table.rowStart(pre); s < table.rowEnd(pre); s++) {
                int t = g.tap(conv, pre, table.post(s));
                tapOf[s] = t;
                tapSteps[t] = steps[s];
                used[t] = true;
            }
        }
        long[] tapMantissa = new long[taps];
        int perChannel = taps / conv.outChannels();
        for (int co = 0; co < conv.outChannels(); co++) {
            int n = 0;
            int[] index = new int[perChannel];
            for (int t = co * perChannel; t < (co + 1) * perChannel; t++) if (used[t]) index[n++] = t;
            double[] values = new double[n];
            for (int i = 0; i < n; i++) values[i] = tapSteps[index[i]];
            long[] rounded = WeightCodec.mantissasKeepingSum(values, profile);
            for (int i = 0; i < n; i++) tapMantissa[index[i]] = rounded[i];
        }
        long[] m = new long[steps.length];
        for (int s = 0; s < steps.length; s++) m[s] = tapMantissa[tapOf[s]];
        return m;
    }

    private record Synapses(EncodedSynapses encoded, WeightError error, long longestDelay) {}

    /** One projection's weights as delivered and its delays in steps; the connectivity arrays are shared, not copied. */
    private static Synapses synapses(Network net, QuantizedNetwork q, QuantizedNetwork.Projection p, SynapseTable table) {
        Profile profile = q.profile();
        int shift = q.shift(p);
        double scale = p.weightScale();
        double dt = q.timestep();
        var tally = new WeightError.Tally(profile.weightBits());
        int[] weights = null;
        int constantWeight = 0;
        Projection source = net.projections().stream().filter(x -> x.name().equals(p.name())).findFirst().orElseThrow();
        if (source.connector() instanceof Connector.Conv2d conv) {
            var g = ConvGeometry.of(conv, net.preOf(source).shape(), message -> { }).orElseThrow();
            double[] steps = new double[table.size()];
            for (int s = 0; s < steps.length; s++) steps[s] = table.weight(s) * scale / (double) (1L << q.shift(p, table.post(s)));
            long[] mantissas = kernelMantissas(conv, g, table, steps, profile);
            weights = new int[table.size()];
            for (int s = 0; s < weights.length; s++) {
                int sh = q.shift(p, table.post(s));
                weights[s] = (int) (mantissas[s] << sh);
                tally.add(table.weight(s) * scale, weights[s], sh, 1);
            }
        } else if (table.hasPerSynapseWeights() || p.postExponents().length > 0) {
            weights = new int[table.size()];
            for (int s = 0; s < weights.length; s++) {
                int sh = q.shift(p, table.post(s));
                weights[s] = (int) WeightCodec.encode(table.weight(s), scale, sh, profile);
                tally.add(table.weight(s) * scale, weights[s], sh, 1);
            }
        } else {
            double w = table.size() > 0 ? table.weight(0) : 0;
            constantWeight = (int) WeightCodec.encode(w, scale, shift, profile);
            tally.add(w * scale, constantWeight, shift, table.size());
        }
        short[] delays = null;
        int constantDelay;
        long longest = 0;
        if (table.hasPerSynapseDelays()) {
            delays = new short[table.size()];
            constantDelay = 0;
            for (int s = 0; s < delays.length; s++) {
                long d = WeightCodec.delaySteps(table.delay(s), dt);
                longest = Math.max(longest, d);
                delays[s] = (short) Math.min(d, MAX_DELAY_STEPS);
            }
        } else {
            long d = table.size() > 0 ? WeightCodec.delaySteps(table.delay(0), dt) : 1;
            longest = d;
            constantDelay = (int) Math.min(d, MAX_DELAY_STEPS);
        }
        var encoded = new EncodedSynapses(table.connectivity(), weights, constantWeight, delays, constantDelay);
        return new Synapses(encoded, tally.result(p.name()), longest);
    }
}
