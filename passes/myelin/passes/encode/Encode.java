package myelin.passes.encode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import myelin.ir.diag.Diagnostic;
import myelin.ir.diag.InputException;
import myelin.ir.encoded.EncodedNetwork;
import myelin.ir.encoded.EncodedSynapses;
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
        long zeros = 0;
        for (QuantizedNetwork.Projection p : q.projections()) {
            SynapseTable table = expanded.table(p.name());
            Synapses s = synapses(q, p, table);
            int longest = Math.min(MAX_DELAY_STEPS, q.profile().capacity().maxDelaySteps());
            if (s.longestDelay > longest) {
                errors.add(Diagnostic.error(unit.sources().at(Entity.PROJECTION, p.name()), "projection " + p.name() + ": a delay of "
                        + s.longestDelay + " steps is longer than the " + longest + " steps profile " + q.profile().name() + " holds"));
                continue;
            }
            zeros += s.roundedToZero;
            projections.add(new EncodedNetwork.Projection(p.name(), q.populations().indexOf(q.population(p.pre()).orElseThrow()),
                    q.populations().indexOf(q.population(p.post()).orElseThrow()), p.channel(), s.encoded));
        }
        if (!errors.isEmpty()) throw new InputException(errors);
        return new EncodedNetwork(net.name(), q.profile(), net.seed(), populations, projections, zeros);
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
                values[n] = (int) (channel < 0 ? Arithmetic.boundVoltage(Math.round((x - pop.vRest()) * pop.stateScale()), profile)
                        : Arithmetic.boundCurrent(Math.round(x * pop.currentScale(channel)), profile));
            }
            if (channel < 0) v = values;
            else initialCurrents[channel] = values;
        }
        return new EncodedNetwork.Population(pop.name(), pop.size(), pop.model(), currents, pop.bias(), v, initialCurrents);
    }

    private record Synapses(EncodedSynapses encoded, long roundedToZero, long longestDelay) {}

    /** One projection's weights as delivered and its delays in steps; the connectivity arrays are shared, not copied. */
    private static Synapses synapses(QuantizedNetwork q, QuantizedNetwork.Projection p, SynapseTable table) {
        Profile profile = q.profile();
        int shift = q.shift(p);
        boolean perPost = p.postExponents().length > 0;
        double scale = p.weightScale();
        double dt = q.timestep();
        long zeros = 0;
        int[] weights = null;
        int constantWeight = 0;
        if (table.hasPerSynapseWeights()) {
            weights = new int[table.size()];
            for (int s = 0; s < weights.length; s++) {
                double w = table.weight(s);
                weights[s] = (int) WeightCodec.encode(w, scale, perPost ? q.shift(p, table.post(s)) : shift, profile);
                if (weights[s] == 0 && w != 0) zeros++;
            }
        } else if (perPost) {
            // One weight, but each post neuron its own exponent: the weights differ by neuron.
            weights = new int[table.size()];
            double w = table.weight(0);
            for (int s = 0; s < weights.length; s++) {
                weights[s] = (int) WeightCodec.encode(w, scale, q.shift(p, table.post(s)), profile);
                if (weights[s] == 0 && w != 0) zeros++;
            }
        } else {
            double w = table.size() > 0 ? table.weight(0) : 0;
            constantWeight = (int) WeightCodec.encode(w, scale, shift, profile);
            if (constantWeight == 0 && w != 0) zeros = table.size();
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
        return new Synapses(encoded, zeros, longest);
    }
}
