package myelin.simulator;

import myelin.ir.encoded.EncodedNetwork;
import myelin.ir.integer.Arithmetic;
import myelin.ir.integer.IntModel;
import myelin.ir.integer.PoissonCounts;
import myelin.ir.integer.RingBuffer;
import myelin.ir.integer.Profile;
import myelin.ir.synapses.SplitMix64;

/**
 * The state of one population and its update for one step (docs/semantics.md, "One
 * timestep"). Input arrives in a ring buffer of one slot per step of delay; each neuron's
 * cells are written only by the thread that updates that neuron.
 */
final class PopulationState {
    final String name;
    final int index;
    final int size;
    final IntModel model;
    final int channels;
    final Profile profile;
    final int[] v;
    final int[][] current;
    final int[] refractory;
    final long[] rng;
    private final PoissonCounts poissonCounts;
    /** The SIMD kernel's table, or null where the Poisson draws take the scalar path (the same counts). */
    private final PoissonKernel.Table poissonTable;
    private final EncodedNetwork.Population population;
    private final long seed;
    private final int firstNeuron;
    /** Each neuron's constant input in v integers, or null (docs/semantics.md). */
    int[] bias;
    /**
     * A Poisson source whose spikes no observer sees and whose one projection is one-to-one
     * with a constant weight and delay adds count * weight straight into its target's ring
     * (the same additions delivery would make) instead of listing its spikes.
     */
    SynapseRows direct;
    PopulationState directTarget;
    /** External and spike-array spikes, sorted by step then neuron. */
    int[] forcedSteps;
    int[] forcedNeurons;
    int mask;
    /** Per slot and channel ({@code slot * channels + channel}): each neuron's input. */
    int[][] ring;
    private final int decayBits;
    private final int stateBits;
    private final long stateMin;
    private final long stateMax;
    /** v's range: an IF's may be wider than the currents'; Loihi clips v symmetrically. */
    private final long vMin;
    private final long vMax;
    private final boolean wrapCurrents;
    private final boolean relax;
    /** Whether the JVM was started with the Vector API module (bin/myelin adds it). */
    static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /** The SIMD kernel applies: relax membrane, saturation, products within 31 bits. */
    final boolean vectorKernel;

    PopulationState(EncodedNetwork.Population population, int index, Profile profile, long seed) {
        this(population, index, profile, seed, 0);
    }

    /**
     * The neurons of a slice whose first is neuron {@code firstNeuron} of the population
     * (a core's): Poisson generators draw that neuron's stream, so that a slice fires as the
     * same neurons of the whole population do.
     */
    PopulationState(EncodedNetwork.Population population, int index, Profile profile, long seed, int firstNeuron) {
        this.name = population.name();
        this.index = index;
        this.size = population.size();
        this.model = population.model();
        this.profile = profile;
        this.channels = model.channels();
        this.decayBits = profile.decayBits();
        this.stateBits = profile.stateBits();
        this.stateMin = profile.stateMin();
        this.stateMax = profile.stateMax();
        this.wrapCurrents = profile.currentOverflow() == Profile.Overflow.WRAP;
        this.vMin = profile.vMin(model);
        this.vMax = profile.vMax(model);
        this.relax = profile.membrane() == Profile.Membrane.RELAX_TO_INPUT;
        this.vectorKernel = relax && !wrapCurrents && VECTOR_API && !Boolean.getBoolean("myelin.scalarKernel");
        boolean membrane = model instanceof IntModel.Lif || model instanceof IntModel.IntegrateAndFire;
        this.v = membrane ? new int[size] : null;
        int currents = model instanceof IntModel.Lif lif ? lif.synapseTypes() : 0;
        this.current = new int[currents][size];
        this.refractory = membrane ? new int[size] : null;
        poissonCounts = model instanceof IntModel.Poisson m ? new PoissonCounts(m.cdf()) : null;
        poissonTable = model instanceof IntModel.Poisson m && VECTOR_API && !Boolean.getBoolean("myelin.scalarKernel")
                ? new PoissonKernel.Table(m.cdf()) : null;
        rng = model instanceof IntModel.Poisson ? new long[size] : null;
        if (population.bias().length > 0) bias = population.bias();
        this.population = population;
        this.seed = seed;
        this.firstNeuron = firstNeuron;
        restart();
    }

    /** Back to the initial state (and the ring, once allocated, empty); external spikes are dropped. */
    void restart() {
        if (rng != null) {
            long stream = SplitMix64.derive(seed, SplitMix64.hash("poisson/" + name));
            for (int n = 0; n < size; n++) rng[n] = SplitMix64.derive(stream, firstNeuron + n);
        }
        if (model instanceof IntModel.SpikeArray s) {
            forcedSteps = s.steps().clone();
            forcedNeurons = s.neurons().clone();
        } else {
            forcedSteps = new int[0];
            forcedNeurons = new int[0];
        }
        if (v != null) {
            if (population.initialV().length > 0) System.arraycopy(population.initialV(), 0, v, 0, size);
            else java.util.Arrays.fill(v, 0);
            java.util.Arrays.fill(refractory, 0);
        }
        for (int c = 0; c < current.length; c++) {
            int[] initial = c < population.initialCurrents().length ? population.initialCurrents()[c] : new int[0];
            if (initial.length > 0) System.arraycopy(initial, 0, current[c], 0, size);
            else java.util.Arrays.fill(current[c], 0);
        }
        if (ring != null) for (int[] slot : ring) java.util.Arrays.fill(slot, 0);
    }

    /** A ring of the smallest power of two slots that holds the longest delay plus the step being read. */
    void allocateRing(int longestDelay) {
        allocateRingSlots(RingBuffer.slots(longestDelay));
    }

    /** A ring of exactly this many slots (a power of two), as a hardware core sizes it. */
    void allocateRingSlots(int slots) {
        mask = slots - 1;
        ring = new int[slots * channels][size];
    }

    /** Adds an external spike of a neuron at a step, kept sorted by step then neuron. */
    void inject(int neuron, int atStep) {
        int n = forcedSteps.length;
        forcedSteps = java.util.Arrays.copyOf(forcedSteps, n + 1);
        forcedNeurons = java.util.Arrays.copyOf(forcedNeurons, n + 1);
        int at = n;
        while (at > 0 && (forcedSteps[at - 1] > atStep || forcedSteps[at - 1] == atStep && forcedNeurons[at - 1] > neuron)) {
            forcedSteps[at] = forcedSteps[at - 1];
            forcedNeurons[at] = forcedNeurons[at - 1];
            at--;
        }
        forcedSteps[at] = atStep;
        forcedNeurons[at] = neuron;
    }

    /** The inputs of every neuron on a channel at a step. */
    int[] slot(int step, int channel) {
        return ring[(step & mask) * channels + channel];
    }

    /** This step's input of neurons [from, to) on a channel, into {@code into[0 .. to-from)}; the slot is cleared. */
    void take(int step, int channel, int from, int to, int[] into) {
        int[] slot = slot(step, channel);
        System.arraycopy(slot, from, into, 0, to - from);
        java.util.Arrays.fill(slot, from, to, 0);
    }

    /** Updates neurons [from, to) for this step and appends their spikes to out, in neuron order. */
    void update(int step, int from, int to, SpikeTrain out, Scratch scratch) {
        switch (model.kind()) {
            case LIF, LI -> updateLif((IntModel.Lif) model, step, from, to, out, scratch);
            case IF -> updateIf((IntModel.IntegrateAndFire) model, step, from, to, out, scratch);
            case THRESHOLD_GATE -> updateGate((IntModel.Gate) model, step, from, to, out, scratch);
            case POISSON -> {
                if (direct != null) updatePoissonDirect(step, from, to, scratch);
                else updatePoisson(step, from, to, out, scratch);
            }
            case SPIKE_ARRAY -> emitForced(step, from, to, out);
        }
    }

    /** Per-thread buffers for one slice's input. */
    static final class Scratch {
        int[][] input = new int[0][0];
        /** The Poisson kernel's counts, indexed by neuron. */
        long[] counts = new long[0];
        /** Updates that clipped (or wrapped) a current or v, per population. */
        final long[] saturations;
        /** Population updates that took the SIMD kernel. */
        long vectorUpdates;
        /** Spikes of directly delivering sources, per population. */
        final long[] directSpikes;

        Scratch(int populations) {
            this.directSpikes = new long[populations];
            this.saturations = new long[populations];
        }

        void zeroCounters() {
            java.util.Arrays.fill(saturations, 0);
            vectorUpdates = 0;
            java.util.Arrays.fill(directSpikes, 0);
        }

        int[] channel(int c, int length) {
            if (input.length <= c) input = java.util.Arrays.copyOf(input, c + 1);
            if (input[c] == null || input[c].length < length) input[c] = new int[length];
            return input[c];
        }
    }

    private void updateLif(IntModel.Lif m, int step, int from, int to, SpikeTrain out, Scratch scratch) {
        if (vectorKernel && forcedSteps.length == 0 && LifKernel.applies(m, stateBits, decayBits, bias != null)) {
            LifKernel.update(this, m, step, from, to, out, scratch);
            return;
        }
        int[] decays = m.currentDecays();
        int types = decays.length;
        int count = to - from;
        boolean saturated = false;
        if (types == 0) {
            int[] direct = scratch.channel(0, count);
            take(step, 0, from, to, direct);
            for (int n = from, k = 0; n < to; n++, k++) {
                saturated |= updateMembrane(m, step, n, bias == null ? 0 : bias[n], direct[k], out);
            }
        } else {
            // Currents: decay, add this step's input, bound; their sum drives v.
            int[] total = scratch.channel(types, count);
            java.util.Arrays.fill(total, 0, count, 0);
            for (int c = 0; c < types; c++) {
                int[] in = scratch.channel(c, count);
                take(step, c, from, to, in);
                int[] i = current[c];
                int d = decays[c];
                for (int n = from; n < to; n++) {
                    long x = Arithmetic.decay(i[n], d, decayBits) + in[n - from];
                    long bounded = wrapCurrents ? Arithmetic.wrap(x, stateBits) : Math.max(stateMin, Math.min(stateMax, x));
                    saturated |= bounded != x;
                    i[n] = (int) bounded;
                    total[n - from] += (int) bounded;
                }
            }
            for (int n = from, k = 0; n < to; n++, k++) {
                saturated |= updateMembrane(m, step, n, total[k] + (bias == null ? 0L : bias[n]), 0, out);
            }
        }
        if (saturated) scratch.saturations[index]++; // counted per population update, as the SIMD kernel does
    }

    /** The membrane, threshold and reset of one LIF neuron (the scalar path); then its spikes, forced ones included. */
    private boolean updateMembrane(IntModel.Lif m, int step, int n, long total, long direct, SpikeTrain out) {
        int spikes = 0;
        boolean saturated = false;
        if (refractory[n] > 0) {
            refractory[n]--;
        } else {
            long vv = relax ? Arithmetic.relax(v[n], total, m.dv(), decayBits) : Arithmetic.decay(v[n], m.dv(), decayBits) + total;
            vv += direct;
            long bounded = Math.max(vMin, Math.min(vMax, vv));
            saturated = bounded != vv;
            vv = bounded;
            if (m.spikes() && vv > m.threshold()) {
                spikes = 1;
                vv = m.subtractReset() ? Math.max(vMin, Math.min(vMax, vv - (m.threshold() - m.reset()))) : m.reset();
                refractory[n] = m.refractorySteps();
            }
            v[n] = (int) vv;
        }
        if (spikes > 0 || forcedSteps.length > 0) emit(out, step, n, spikes);
        return saturated;
    }

    private void updateIf(IntModel.IntegrateAndFire m, int step, int from, int to, SpikeTrain out, Scratch scratch) {
        int[] in = scratch.channel(0, to - from);
        take(step, 0, from, to, in);
        boolean saturated = false;
        for (int n = from; n < to; n++) {
            int spikes = 0;
            if (refractory[n] > 0) {
                refractory[n]--;
            } else {
                long vv = (long) v[n] + in[n - from] + (bias == null ? 0 : bias[n]);
                long bounded = Math.max(vMin, Math.min(vMax, vv));
                saturated |= bounded != vv;
                vv = bounded;
                if (vv > m.threshold()) {
                    spikes = 1;
                    vv = m.subtractReset() ? Math.max(vMin, Math.min(vMax, vv - (m.threshold() - m.reset()))) : m.reset();
                    refractory[n] = m.refractorySteps();
                }
                v[n] = (int) vv;
            }
            if (spikes > 0 || forcedSteps.length > 0) emit(out, step, n, spikes);
        }
        if (saturated) scratch.saturations[index]++;
    }

    private void updateGate(IntModel.Gate m, int step, int from, int to, SpikeTrain out, Scratch scratch) {
        int[] in = scratch.channel(0, to - from);
        take(step, 0, from, to, in);
        for (int n = from; n < to; n++) {
            int spikes = (long) in[n - from] + (bias == null ? 0 : bias[n]) >= m.threshold() ? 1 : 0;
            if (spikes > 0 || forcedSteps.length > 0) emit(out, step, n, spikes);
        }
    }

    private void updatePoisson(int step, int from, int to, SpikeTrain out, Scratch scratch) {
        if (poissonTable != null) {
            long[] counts = poissonDraws(from, to, scratch);
            for (int n = from; n < to; n++) if (counts[n] > 0 || forcedSteps.length > 0) emit(out, step, n, (int) counts[n]);
            return;
        }
        for (int n = from; n < to; n++) {
            rng[n] += 0x9E3779B97F4A7C15L;
            int count = poissonCounts.count(SplitMix64.mix(rng[n]) >>> 32);
            if (count > 0 || forcedSteps.length > 0) emit(out, step, n, count);
        }
    }

    /** This step's counts of neurons [from, to) by the SIMD kernel, indexed by neuron. */
    private long[] poissonDraws(int from, int to, Scratch scratch) {
        long[] counts = scratch.counts.length >= to ? scratch.counts : (scratch.counts = new long[to]);
        PoissonKernel.draw(rng, from, to, poissonTable, counts);
        return counts;
    }

    /**
     * As updatePoisson, with each neuron's spikes added to its one target's ring slot at once.
     * The engine passes the neurons whose targets this thread updates: it alone writes their cells.
     */
    private void updatePoissonDirect(int step, int from, int to, Scratch scratch) {
        int[] slot = directTarget.slot(step + direct.constantDelay, direct.channel);
        int weight = direct.constantWeight;
        long spikes = 0;
        if (poissonTable != null) {
            long[] counts = poissonDraws(from, to, scratch);
            for (int n = from; n < to; n++) {
                slot[n] += (int) counts[n] * weight;
                spikes += counts[n];
            }
            scratch.directSpikes[index] += spikes;
            return;
        }
        for (int n = from; n < to; n++) {
            rng[n] += 0x9E3779B97F4A7C15L;
            int count = poissonCounts.count(SplitMix64.mix(rng[n]) >>> 32);
            slot[n] += count * weight;
            spikes += count;
        }
        scratch.directSpikes[index] += spikes;
    }

    private void emitForced(int step, int from, int to, SpikeTrain out) {
        for (int i = forcedFrom(step, from); i < forcedSteps.length && forcedSteps[i] == step && forcedNeurons[i] < to; ) {
            int n = forcedNeurons[i];
            int count = 0;
            while (i < forcedSteps.length && forcedSteps[i] == step && forcedNeurons[i] == n) {
                count++;
                i++;
            }
            out.add(step, index, n, count);
        }
    }

    /** First index of forced spikes at or after (step, neuron). */
    private int forcedFrom(int step, int neuron) {
        int lo = 0, hi = forcedSteps.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (forcedSteps[mid] < step || forcedSteps[mid] == step && forcedNeurons[mid] < neuron) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Records a neuron's spikes of this step, adding forced ones (inputs, spike arrays). */
    private void emit(SpikeTrain out, int step, int n, int spikes) {
        for (int i = forcedFrom(step, n); i < forcedSteps.length && forcedSteps[i] == step && forcedNeurons[i] == n; i++) {
            spikes++;
        }
        if (spikes > 0) out.add(step, index, n, spikes);
    }
}
