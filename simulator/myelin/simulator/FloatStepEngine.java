package myelin.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import myelin.ir.integer.IntModel;
import myelin.ir.integer.PoissonCounts;
import myelin.ir.integer.Profile;
import myelin.ir.integer.QuantizedNetwork;
import myelin.ir.integer.RingBuffer;
import myelin.ir.integer.WeightCodec;
import myelin.ir.network.Network;
import myelin.ir.network.Population;
import myelin.ir.synapses.ExpandedNetwork;
import myelin.ir.synapses.Sampler;
import myelin.ir.synapses.SplitMix64;
import myelin.ir.synapses.SynapseTable;

/**
 * The integer model's step (docs/semantics.md, "One timestep") with real-valued state: the
 * same order, decays, thresholds, resets, refractory counters, delays and source draws, but
 * weights, biases and initial values unrounded, decays not truncated and nothing bounded.
 * What separates it from the integer engine is quantization alone; what separates it from
 * the reference engine is the step's discretisation (docs/semantics.md, "Two distances").
 */
public final class FloatStepEngine implements Engine {
    private final Profile profile;
    private final List<Layer> layers = new ArrayList<>();
    private final List<List<Outgoing>> outgoing = new ArrayList<>();
    private final SpikeTrain spikes = new SpikeTrain();
    private final int longestDelay;
    private int step;

    private record Outgoing(SynapseTable table, Layer post, int channel, double scale, double dt) {}

    /** One population's state, in the integer model's units but real. */
    private static final class Layer {
        final String name;
        final int index;
        final int size;
        final IntModel model;
        final double[] v;
        final double[][] current;
        final int[] refractory;
        final double[] bias;
        final long[] rng;
        final PoissonCounts counts;
        double[][] ring;
        int mask;
        int channels;
        List<int[]> forced = new ArrayList<>();

        Layer(String name, int index, int size, IntModel model, long seed) {
            this.name = name;
            this.index = index;
            this.size = size;
            this.model = model;
            boolean membrane = model instanceof IntModel.Lif || model instanceof IntModel.IntegrateAndFire;
            v = membrane ? new double[size] : null;
            refractory = membrane ? new int[size] : null;
            current = new double[model instanceof IntModel.Lif l ? l.synapseTypes() : 0][size];
            bias = new double[size];
            channels = model.channels();
            if (model instanceof IntModel.Poisson p) {
                counts = new PoissonCounts(p.cdf());
                rng = new long[size];
                long stream = SplitMix64.derive(seed, SplitMix64.hash("poisson/" + name));
                for (int n = 0; n < size; n++) rng[n] = SplitMix64.derive(stream, n);
            } else {
                counts = null;
                rng = null;
            }
            if (model instanceof IntModel.SpikeArray s) for (int i = 0; i < s.steps().length; i++) forced.add(new int[] {s.steps()[i], s.neurons()[i]});
        }
    }

    public FloatStepEngine(QuantizedNetwork q, ExpandedNetwork expanded) {
        Network net = expanded.network();
        this.profile = q.profile();
        double dt = net.timestep();
        for (int i = 0; i < q.populations().size(); i++) {
            QuantizedNetwork.Population qp = q.populations().get(i);
            Layer l = new Layer(qp.name(), i, qp.size(), qp.model(), net.seed());
            Population source = net.population(qp.name()).orElseThrow();
            if (source.hasBias()) {
                // A gate's input is in its weights' units, shifted left by the input shift.
                double perUnit = qp.model() instanceof IntModel.Gate ? 1L << profile.inputShift() : qp.stateScale();
                if (qp.model() instanceof IntModel.Lif lif && profile.membrane() == Profile.Membrane.ADD_INPUT) {
                    perUnit *= (double) lif.dv() / profile.decayOne();
                }
                for (int n = 0; n < l.size; n++) l.bias[n] = source.bias().get(n) * perUnit;
            }
            initialise(net, source, qp, l);
            layers.add(l);
            outgoing.add(new ArrayList<>());
        }
        int[] longest = new int[layers.size()];
        for (QuantizedNetwork.Projection p : q.projections()) {
            Layer pre = layer(p.pre());
            Layer post = layer(p.post());
            SynapseTable t = expanded.table(p.name());
            outgoing.get(pre.index).add(new Outgoing(t, post, p.channel(), p.weightScale(), dt));
            for (int s = 0; s < t.size(); s++) {
                longest[post.index] = Math.max(longest[post.index], WeightCodec.delaySteps(t.delay(s), dt));
                if (!t.hasPerSynapseDelays()) break;
            }
        }
        longestDelay = java.util.Arrays.stream(longest).max().orElse(0);
        for (Layer l : layers) {
            int slots = RingBuffer.slots(longest[l.index]);
            l.mask = slots - 1;
            l.ring = new double[slots * l.channels][l.size];
        }
    }

    /** The same draws as the encode pass, unrounded (docs/ir.md, initial values). */
    private static void initialise(Network net, Population source, QuantizedNetwork.Population qp, Layer l) {
        var model = net.modelOf(source);
        for (var init : source.initialValues().entrySet()) {
            String variable = init.getKey();
            long stream = SplitMix64.derive(net.seed(), SplitMix64.hash("init/" + qp.name() + "/" + variable));
            int channel = variable.equals("v") ? -1 : model.channelOf(variable);
            for (int n = 0; n < l.size; n++) {
                double x = Sampler.sample(init.getValue(), new SplitMix64(SplitMix64.derive(stream, n)));
                if (channel < 0) l.v[n] = (x - qp.vRest()) * qp.stateScale();
                else l.current[channel][n] = x * qp.currentScale(channel);
            }
        }
    }

    private Layer layer(String name) {
        for (Layer l : layers) if (l.name.equals(name)) return l;
        throw new IllegalArgumentException("no population " + name);
    }

    @Override
    public int populationCount() {
        return layers.size();
    }

    @Override
    public String populationName(int population) {
        return layers.get(population).name;
    }

    @Override
    public int populationSize(int population) {
        return layers.get(population).size;
    }

    @Override
    public int outDegree(int population, int neuron) {
        int degree = 0;
        for (Outgoing o : outgoing.get(population)) degree += o.table().rowEnd(neuron) - o.table().rowStart(neuron);
        return degree;
    }

    @Override
    public void inject(String population, int neuron, int atStep) {
        layer(population).forced.add(new int[] {atStep, neuron});
    }

    @Override
    public int step() {
        return step;
    }

    @Override
    public OptionalDouble state(int population, String variable, int neuron) {
        Layer l = layers.get(population);
        if (variable.equals("v")) return l.v == null ? OptionalDouble.empty() : OptionalDouble.of(l.v[neuron]);
        return OptionalDouble.empty();
    }

    /** The longest synaptic delay in steps (0 without synapses): a spike has arrived everywhere this many steps after it. */
    public int longestDelay() {
        return longestDelay;
    }

    /** The largest |v| or |current| of a population's neurons now, in its integer units (0 for a source): what a calibration reads. */
    public double largestState(int population) {
        Layer l = layers.get(population);
        double largest = 0;
        if (l.v != null) for (double x : l.v) largest = Math.max(largest, Math.abs(x));
        for (double[] current : l.current) for (double x : current) largest = Math.max(largest, Math.abs(x));
        return largest;
    }

    @Override
    public void run(int steps, Observer observer, boolean readsState) {
        for (int end = step + steps; step < end; step++) {
            spikes.clear();
            for (Layer l : layers) update(l, step);
            for (int i = 0; i < spikes.size(); i++) deliver(spikes.population(i), spikes.neuron(i), spikes.count(i));
            observer.afterStep(step, spikes);
        }
    }

    private double[] take(Layer l, int channel) {
        double[] slot = l.ring[(step & l.mask) * l.channels + channel];
        double[] in = slot.clone();
        java.util.Arrays.fill(slot, 0);
        return in;
    }

    private void update(Layer l, int s) {
        double k = profile.decayOne();
        int[] count = new int[l.size];
        switch (l.model.kind()) {
            case LIF, LI -> {
                IntModel.Lif m = (IntModel.Lif) l.model;
                double[] total = l.bias.clone();
                double[] direct = new double[l.size];
                if (m.synapseTypes() == 0) {
                    direct = take(l, 0);
                } else {
                    for (int c = 0; c < m.synapseTypes(); c++) {
                        double[] in = take(l, c);
                        double keep = (k - m.currentDecays()[c]) / k;
                        for (int n = 0; n < l.size; n++) {
                            l.current[c][n] = l.current[c][n] * keep + in[n];
                            total[n] += l.current[c][n];
                        }
                    }
                }
                for (int n = 0; n < l.size; n++) {
                    if (l.refractory[n] > 0) {
                        l.refractory[n]--;
                        continue;
                    }
                    double v = profile.membrane() == Profile.Membrane.RELAX_TO_INPUT ? l.v[n] + (total[n] - l.v[n]) * m.dv() / k
                            : l.v[n] * (k - m.dv()) / k + total[n];
                    v += direct[n];
                    if (m.spikes() && v > m.threshold()) {
                        count[n] = 1;
                        v = m.subtractReset() ? v - (m.threshold() - m.reset()) : m.reset();
                        l.refractory[n] = m.refractorySteps();
                    }
                    l.v[n] = v;
                }
            }
            case IF -> {
                IntModel.IntegrateAndFire m = (IntModel.IntegrateAndFire) l.model;
                double[] in = take(l, 0);
                for (int n = 0; n < l.size; n++) {
                    if (l.refractory[n] > 0) {
                        l.refractory[n]--;
                        continue;
                    }
                    double v = l.v[n] + in[n] + l.bias[n];
                    if (v > m.threshold()) {
                        count[n] = 1;
                        v = m.subtractReset() ? v - (m.threshold() - m.reset()) : m.reset();
                        l.refractory[n] = m.refractorySteps();
                    }
                    l.v[n] = v;
                }
            }
            case THRESHOLD_GATE -> {
                double[] in = take(l, 0);
                for (int n = 0; n < l.size; n++) if (in[n] + l.bias[n] >= ((IntModel.Gate) l.model).threshold()) count[n] = 1;
            }
            case POISSON -> {
                for (int n = 0; n < l.size; n++) {
                    l.rng[n] += 0x9E3779B97F4A7C15L;
                    count[n] = l.counts.count(SplitMix64.mix(l.rng[n]) >>> 32);
                }
            }
            case SPIKE_ARRAY -> { }
        }
        for (int[] f : l.forced) if (f[0] == s) count[f[1]]++;
        for (int n = 0; n < l.size; n++) if (count[n] > 0) spikes.add(s, l.index, n, count[n]);
    }

    private void deliver(int population, int neuron, int count) {
        for (Outgoing o : outgoing.get(population)) {
            SynapseTable t = o.table();
            double[][] ring = o.post().ring;
            for (int syn = t.rowStart(neuron); syn < t.rowEnd(neuron); syn++) {
                int slot = ((step + WeightCodec.delaySteps(t.delay(syn), o.dt())) & o.post().mask) * o.post().channels + o.channel();
                ring[slot][t.post(syn)] += count * t.weight(syn) * o.scale();
            }
        }
    }
}
