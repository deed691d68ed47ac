package myelin.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import myelin.ir.integer.IntModel;
import myelin.ir.integer.QuantizedNetwork;
import myelin.ir.network.Distribution;
import myelin.ir.network.Network;
import myelin.ir.network.Population;
import myelin.ir.synapses.ExpandedNetwork;
import myelin.ir.synapses.Sampler;
import myelin.ir.synapses.SplitMix64;

/**
 * The integer-exact engine: the golden model every backend must equal, bit for bit.
 *
 * <p>Each step has two phases. Update: neurons are cut into one contiguous slice per
 * thread; each slice updates its neurons and lists their spikes in neuron order, so the
 * step's spikes (slices concatenated) are the same on any thread count. Deliver: the
 * spike list is cut into one chunk per thread, each adding into its own copy of the ring
 * buffers; the copies are summed when read, and integer addition does not care in which
 * order. Results are therefore identical on 1 or N threads.
 */
public final class IntegerEngine {
    /** Called after each step, while no thread changes the state. */
    @FunctionalInterface
    public interface Observer {
        void afterStep(int step, SpikeBuffer spikes, IntegerEngine engine);
    }

    /** Slices smaller than this cost more in synchronisation than they save. */
    static final int MIN_NEURONS_PER_THREAD = Integer.getInteger("myelin.minNeuronsPerThread", 8192);

    private final QuantizedNetwork quantized;
    private final PopulationState[] populations;
    private final SynapseRows[][] outgoing;
    private final int threads;
    private final int[] sliceStart;
    private final SpikeBuffer[] sliceSpikes;
    private final PopulationState.Scratch[] scratch;
    private final SpikeBuffer stepSpikes = new SpikeBuffer();
    private final long roundedToZero;
    private int step;

    public IntegerEngine(QuantizedNetwork quantized, ExpandedNetwork expanded, int threads) {
        this(quantized, expanded, threads, MIN_NEURONS_PER_THREAD);
    }

    /** With an explicit smallest slice, so that tests can run tiny networks on many threads. */
    public IntegerEngine(QuantizedNetwork quantized, ExpandedNetwork expanded, int threads, int minNeuronsPerThread) {
        this.quantized = quantized;
        Network net = quantized.network();
        List<QuantizedNetwork.Population> qpops = quantized.populations();
        populations = new PopulationState[qpops.size()];
        for (int i = 0; i < populations.length; i++) {
            var q = qpops.get(i);
            populations[i] = new PopulationState(q.name(), i, q.size(), q.model(), quantized.profile(), net.seed());
            if (q.bias().length > 0) populations[i].bias = q.bias();
        }
        List<List<SynapseRows>> out = new ArrayList<>();
        for (int i = 0; i < populations.length; i++) out.add(new ArrayList<>());
        int[] maxDelay = new int[populations.length];
        long zeros = 0;
        for (QuantizedNetwork.Projection p : quantized.projections()) {
            int pre = indexOf(p.pre());
            int post = indexOf(p.post());
            SynapseRows rows = new SynapseRows(post, quantized, p, expanded.table(p.name()));
            out.get(pre).add(rows);
            maxDelay[post] = Math.max(maxDelay[post], rows.maxDelay);
            zeros += rows.roundedToZero;
        }
        roundedToZero = zeros;
        outgoing = out.stream().map(l -> l.toArray(new SynapseRows[0])).toArray(SynapseRows[][]::new);
        long neurons = 0;
        for (PopulationState p : populations) neurons += p.size;
        // Tiny networks gain nothing from more threads than slices worth the barrier.
        this.threads = (int) Math.max(1, Math.min(threads, neurons / Math.max(1, minNeuronsPerThread)));
        for (int i = 0; i < populations.length; i++) populations[i].allocateRings(this.threads, maxDelay[i] + 1);
        sliceStart = new int[this.threads + 1];
        for (int t = 0; t <= this.threads; t++) sliceStart[t] = (int) (neurons * t / this.threads);
        sliceSpikes = new SpikeBuffer[this.threads];
        for (int t = 0; t < this.threads; t++) sliceSpikes[t] = new SpikeBuffer();
        scratch = new PopulationState.Scratch[this.threads];
        for (int t = 0; t < this.threads; t++) scratch[t] = new PopulationState.Scratch(t, populations.length);
        initialise(net);
    }

    private int indexOf(String population) {
        for (PopulationState p : populations) if (p.name.equals(population)) return p.index;
        throw new IllegalArgumentException("no population " + population);
    }

    /** Initial values: each neuron's own stream, so they do not depend on thread count or order. */
    private void initialise(Network net) {
        for (PopulationState p : populations) {
            Population pop = net.population(p.name).orElseThrow();
            var q = quantized.populations().get(p.index);
            for (var init : pop.initialValues().entrySet()) {
                String var = init.getKey();
                long stream = SplitMix64.derive(net.seed(), SplitMix64.hash("init/" + p.name + "/" + var));
                boolean isV = var.equals("v");
                int channel = isV ? -1 : channelOf(net, pop, var);
                for (int n = 0; n < p.size; n++) {
                    double x = Sampler.sample(init.getValue(), new SplitMix64(SplitMix64.derive(stream, n)));
                    if (isV) {
                        p.v[n] = (int) Arithmetic.boundVoltage(Math.round((x - q.vRest()) * q.stateScale()), quantized.profile());
                    } else {
                        p.current[channel][n] = (int) Arithmetic.boundCurrent(Math.round(x * q.currentScale(channel)), quantized.profile());
                    }
                }
            }
        }
    }

    private static int channelOf(Network net, Population pop, String variable) {
        var synapses = net.modelOf(pop).synapses();
        for (int c = 0; c < synapses.size(); c++) if (("i_" + synapses.get(c).name()).equals(variable)) return c;
        throw new IllegalArgumentException("no current " + variable);
    }

    /**
     * Lets the Poisson populations marked {@code unobserved} whose one projection is
     * one-to-one with a constant weight and delay deliver straight into their target's ring:
     * the same integer additions, without listing their spikes. Their spikes then no longer
     * reach the observer; {@link #directSpikes} counts them. Call before running.
     */
    public void deliverUnobservedSourcesDirectly(boolean[] unobserved) {
        for (PopulationState p : populations) {
            SynapseRows[] rows = outgoing[p.index];
            boolean eligible = unobserved[p.index] && p.model instanceof IntModel.Poisson && p.forcedSteps.length == 0
                    && rows.length == 1 && rows[0].weights == null && rows[0].delays == null && oneToOne(rows[0], p.size);
            p.direct = eligible ? rows[0] : null;
            p.directTarget = eligible ? populations[rows[0].postPopulation] : null;
        }
    }

    private static boolean oneToOne(SynapseRows rows, int size) {
        if (rows.table.size() != size) return false;
        for (int n = 0; n < size; n++) {
            if (rows.table.rowEnd(n) - rows.table.rowStart(n) != 1 || rows.table.post(rows.table.rowStart(n)) != n) return false;
        }
        return true;
    }

    /** Spikes so far of a population that delivers directly (0 for the others: their spikes reach the observer). */
    public long directSpikes(int population) {
        long sum = 0;
        for (PopulationState.Scratch s : scratch) sum += s.directSpikes[population];
        return sum;
    }

    /** Adds an external spike of (population, neuron) at a step; call before running that step. */
    public void inject(String population, int neuron, int atStep) {
        PopulationState p = populations[indexOf(population)];
        // A source with external spikes lists them: it goes back to ordinary delivery.
        p.direct = null;
        p.directTarget = null;
        int n = p.forcedSteps.length;
        p.forcedSteps = java.util.Arrays.copyOf(p.forcedSteps, n + 1);
        p.forcedNeurons = java.util.Arrays.copyOf(p.forcedNeurons, n + 1);
        int at = n;
        while (at > 0 && (p.forcedSteps[at - 1] > atStep || p.forcedSteps[at - 1] == atStep && p.forcedNeurons[at - 1] > neuron)) {
            p.forcedSteps[at] = p.forcedSteps[at - 1];
            p.forcedNeurons[at] = p.forcedNeurons[at - 1];
            at--;
        }
        p.forcedSteps[at] = atStep;
        p.forcedNeurons[at] = neuron;
    }

    public int threads() {
        return threads;
    }

    public int step() {
        return step;
    }

    /** Synapses leaving neuron n of a population, over all its projections. */
    public int outDegree(int population, int neuron) {
        int degree = 0;
        for (SynapseRows rows : outgoing[population]) degree += rows.table.rowEnd(neuron) - rows.table.rowStart(neuron);
        return degree;
    }

    public long synapseCount() {
        long count = 0;
        for (SynapseRows[] rows : outgoing) for (SynapseRows r : rows) count += r.table.size();
        return count;
    }

    /** How many times a current or v was clipped (or wrapped) at the state width so far. */
    public long saturations() {
        long sum = 0;
        for (PopulationState.Scratch s : scratch) sum += s.saturations;
        return sum;
    }

    /** Weights that are not zero but whose integer form is: reported, never silent. */
    public long weightsRoundedToZero() {
        return roundedToZero;
    }

    public QuantizedNetwork quantized() {
        return quantized;
    }

    public int populationCount() {
        return populations.length;
    }

    public String populationName(int index) {
        return populations[index].name;
    }

    public int populationSize(int index) {
        return populations[index].size;
    }

    /** The integer value of a state variable ("v" or "i_NAME"), or empty when the model has none. */
    public java.util.OptionalInt state(int population, String variable, int neuron) {
        PopulationState p = populations[population];
        if (variable.equals("v")) return p.v == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(p.v[neuron]);
        Population pop = quantized.network().population(p.name).orElseThrow();
        var synapses = quantized.network().modelOf(pop).synapses();
        for (int c = 0; c < synapses.size(); c++) {
            if (("i_" + synapses.get(c).name()).equals(variable)) return java.util.OptionalInt.of(p.current[c][neuron]);
        }
        return java.util.OptionalInt.empty();
    }

    /** Runs {@code steps} steps, calling the observer after each. */
    public void run(int steps, Observer observer) {
        if (threads == 1) {
            for (int s = 0; s < steps; s++) {
                update(0);
                deliver(0);
                observer.afterStep(step, sliceSpikes[0], this); // one slice: its list is the step's
                step++;
            }
            return;
        }
        SpinBarrier barrier = new SpinBarrier(threads);
        int end = step + steps;
        List<Thread> workers = new ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        for (int w = 1; w < threads; w++) {
            int worker = w;
            Thread t = new Thread(() -> {
                try {
                    for (int s = step; s < end; s++) {
                        update(worker);
                        barrier.await();
                        deliver(worker);
                        barrier.await();
                        barrier.await(); // main observes between these two
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    barrier.breakAll();
                }
            }, "myelin-engine-" + w);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        try {
            while (step < end) {
                update(0);
                barrier.await();
                merge();
                deliver(0);
                barrier.await();
                observer.afterStep(step, stepSpikes, this);
                step++; // before the barrier: workers read it for the next step
                barrier.await();
            }
        } catch (SpinBarrier.BrokenException e) {
            Throwable cause = failure.get();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        } finally {
            for (Thread t : workers) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Updates this thread's slice of the concatenated neuron index space. */
    private void update(int worker) {
        SpikeBuffer out = sliceSpikes[worker];
        out.clear();
        int from = sliceStart[worker];
        int to = sliceStart[worker + 1];
        int base = 0;
        for (PopulationState p : populations) {
            int lo = Math.max(from, base);
            int hi = Math.min(to, base + p.size);
            if (lo < hi) p.update(step, lo - base, hi - base, out, scratch[worker]);
            base += p.size;
        }
    }

    /** The step's spikes on several threads: the slices' lists, concatenated in slice order. */
    private void merge() {
        stepSpikes.clear();
        for (SpikeBuffer b : sliceSpikes) {
            for (int i = 0; i < b.size; i++) stepSpikes.add(b.population[i], b.neuron[i], b.count[i]);
        }
    }

    /** Delivers this thread's share of the merged spikes into its own ring copies. */
    private void deliver(int worker) {
        int total = 0;
        for (SpikeBuffer b : sliceSpikes) total += b.size;
        int from = (int) ((long) total * worker / threads);
        int to = (int) ((long) total * (worker + 1) / threads);
        // Walk the slices' lists directly: the same order as the merged list.
        int index = 0;
        for (SpikeBuffer b : sliceSpikes) {
            for (int i = 0; i < b.size; i++, index++) {
                if (index < from || index >= to) continue;
                deliver(worker, b.population[i], b.neuron[i], b.count[i]);
            }
        }
    }

    private void deliver(int worker, int pop, int neuron, int count) {
        for (SynapseRows rows : outgoing[pop]) {
            PopulationState post = populations[rows.postPopulation];
            int[] ring = post.rings[worker];
            int channel = rows.channel;
            int end = rows.table.rowEnd(neuron);
            for (int s = rows.table.rowStart(neuron); s < end; s++) {
                int weight = rows.weights == null ? rows.constantWeight : rows.weights[s];
                int delay = rows.delays == null ? rows.constantDelay : rows.delays[s];
                ring[post.ringIndex(step + delay, channel, rows.table.post(s))] += count * weight;
            }
        }
    }

    /** A reusable barrier that spins briefly, then yields; broken barriers release everyone. */
    static final class SpinBarrier {
        static final class BrokenException extends RuntimeException {
            BrokenException() {
                super(null, null, false, false);
            }
        }

        private final int parties;
        private final AtomicInteger arrived = new AtomicInteger();
        private volatile int generation;
        private volatile boolean broken;

        SpinBarrier(int parties) {
            this.parties = parties;
        }

        void await() {
            int g = generation;
            if (arrived.incrementAndGet() == parties) {
                arrived.set(0);
                generation = g + 1;
                return;
            }
            int spins = 0;
            while (generation == g) {
                if (broken) throw new BrokenException();
                if (++spins > 2_000) Thread.yield();
                else Thread.onSpinWait();
            }
        }

        void breakAll() {
            broken = true;
        }
    }
}
