package myelin.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import myelin.ir.encoded.EncodedNetwork;
import myelin.ir.encoded.EncodedSynapses;
import myelin.ir.integer.IntModel;

/**
 * The integer-exact engine: the golden model every backend must equal, bit for bit. It
 * executes the encoded stage ({@link EncodedNetwork}) and nothing else: every integer it
 * uses was computed by the passes.
 *
 * <p>The neurons that receive synapses are cut into one contiguous slice per thread (over
 * those populations, in order), and each thread owns its slice: it updates those neurons
 * and alone writes their ring-buffer cells. Sources (which receive nothing) are cut
 * evenly. Each step has two phases. Update: each thread updates its share of every
 * population and lists the spikes in population and neuron order; the step's spikes are
 * these lists merged population by population, the same on any thread count. Deliver:
 * each thread walks all the step's spikes and adds the synapses onto its own slice (each
 * projection's synapses are split by post neuron when the engine is built); synapses with
 * per-synapse delays go onto buckets of their arrival step first (ArrivalRows), filled by
 * whichever thread balances the work and added into the slice by its owner. A cell receives
 * the same integer additions on any thread count (their order does not change a sum), so
 * results are identical on 1 or N threads.
 *
 * <p>A thread needs only its own cells to update the next step, so the threads meet once
 * per step after the update, when the spike lists are complete, and once more between
 * filling buckets and adding them where a thread fills another's; the spike lists are
 * double-buffered so that a thread may start the next step while another still reads them.
 * An observer that reads the state makes them meet once more, so that it sees a quiet state.
 */
public final class IntegerEngine implements Engine {
    /** Slices smaller than this cost more in synchronisation than they save. */
    static final int MIN_NEURONS_PER_THREAD = Integer.getInteger("myelin.minNeuronsPerThread", 8192);

    private final EncodedNetwork network;
    private final PopulationState[] populations;
    /** Per thread, per pre population: each projection's synapses onto that thread's slice, delivered as a spike fires. */
    private final SynapseRows[][][] outgoing;
    /** As outgoing, for the projections with per-synapse delays: delivered as they arrive (see ArrivalRows). */
    private final ArrivalRows[][][] arriving;
    /** Per thread: all of its ArrivalRows. */
    private final ArrivalRows[][] arrivingAll;
    /** Per thread, per pre population: the ArrivalRows (of any thread) it fires into (see ArrivalRows.writers). */
    private final ArrivalRows[][][] firing;
    /** Whether a thread fires into another's ArrivalRows: then the threads meet before delivering them. */
    private final boolean crossFiring;
    /** Per population: its projection when that is its only one and one-to-one (see deliverUnobservedSourcesDirectly). */
    private final SynapseRows[] identity;
    private final int threads;
    /** Per population: the first neuron of each thread's share, then its size. */
    private final int[][] cuts;
    /** Per thread: where the merge has got to in its spike list. */
    private final int[] cursor;
    /** Per step parity, per thread: the spikes of the slice. */
    private final SpikeTrain[][] sliceSpikes;
    private final PopulationState.Scratch[] scratch;
    private final SpikeTrain stepSpikes = new SpikeTrain();
    private int step;

    public IntegerEngine(EncodedNetwork network, int threads) {
        this(network, threads, MIN_NEURONS_PER_THREAD);
    }

    /** With an explicit smallest slice, so that tests can run tiny networks on many threads. */
    public IntegerEngine(EncodedNetwork network, int threads, int minNeuronsPerThread) {
        this.network = network;
        List<EncodedNetwork.Population> pops = network.populations();
        populations = new PopulationState[pops.size()];
        long neurons = 0;
        for (int i = 0; i < populations.length; i++) {
            populations[i] = new PopulationState(pops.get(i), i, network.profile(), network.seed());
            neurons += pops.get(i).size();
        }
        // Tiny networks gain nothing from more threads than slices worth the barrier.
        this.threads = (int) Math.max(1, Math.min(threads, neurons / Math.max(1, minNeuronsPerThread)));
        cuts = cut(populations, this.threads);
        cursor = new int[this.threads];

        List<List<List<SynapseRows>>> out = new ArrayList<>();
        List<List<List<ArrivalRows.Share>>> arrive = new ArrayList<>();
        for (int t = 0; t < this.threads; t++) {
            out.add(new ArrayList<>());
            arrive.add(new ArrayList<>());
            for (int i = 0; i < populations.length; i++) {
                out.get(t).add(new ArrayList<>());
                arrive.get(t).add(new ArrayList<>());
            }
        }
        identity = new SynapseRows[populations.length];
        int[] projectionsFrom = new int[populations.length];
        int[] maxDelay = new int[populations.length];
        for (EncodedNetwork.Projection p : network.projections()) {
            int pre = p.pre();
            int post = p.post();
            EncodedSynapses table = p.synapses();
            projectionsFrom[pre]++;
            if (isIdentity(table, populations[pre].size)) identity[pre] = new SynapseRows(post, p.channel(), table);
            boolean atArrival = ArrivalRows.applies(table);
            int longest = table.maxDelay();
            for (int t = 0; t < this.threads; t++) {
                int lo = cuts[post][t];
                int hi = cuts[post][t + 1];
                if (lo >= hi) continue;
                if (atArrival) {
                    arrive.get(t).get(pre).add(new ArrivalRows.Share(post, p.channel(), table, longest, lo, hi));
                    maxDelay[post] = Math.max(maxDelay[post], longest);
                } else {
                    SynapseRows rows = new SynapseRows(post, p.channel(), table.restrictedToPosts(lo, hi));
                    out.get(t).get(pre).add(rows);
                    maxDelay[post] = Math.max(maxDelay[post], rows.maxDelay);
                }
            }
        }
        for (int i = 0; i < populations.length; i++) if (projectionsFrom[i] != 1) identity[i] = null;
        outgoing = out.stream().map(perPre -> perPre.stream().map(l -> l.toArray(new SynapseRows[0])).toArray(SynapseRows[][]::new))
                .toArray(SynapseRows[][][]::new);
        arriving = ArrivalRows.build(arrive);
        ArrivalRows.Writers writers = ArrivalRows.writers(arriving);
        firing = writers.byWriter();
        crossFiring = writers.crossed();
        arrivingAll = java.util.Arrays.stream(arriving).map(perPre -> java.util.Arrays.stream(perPre).flatMap(java.util.Arrays::stream)
                .toArray(ArrivalRows[]::new)).toArray(ArrivalRows[][]::new);
        for (int i = 0; i < populations.length; i++) populations[i].allocateRing(maxDelay[i]);
        sliceSpikes = new SpikeTrain[2][this.threads];
        for (SpikeTrain[] parity : sliceSpikes) for (int t = 0; t < this.threads; t++) parity[t] = new SpikeTrain();
        scratch = new PopulationState.Scratch[this.threads];
        for (int t = 0; t < this.threads; t++) scratch[t] = new PopulationState.Scratch(populations.length);
    }

    /** Each thread's share of each population: equal slices of the receiving neurons, equal parts of each source. */
    private static int[][] cut(PopulationState[] populations, int threads) {
        long receiving = 0;
        for (PopulationState p : populations) if (!isSource(p)) receiving += p.size;
        int[][] cuts = new int[populations.length][threads + 1];
        long offset = 0;
        for (PopulationState p : populations) {
            for (int t = 0; t <= threads; t++) {
                cuts[p.index][t] = isSource(p) ? (int) ((long) p.size * t / threads)
                        : (int) Math.max(0, Math.min(p.size, receiving * t / threads - offset));
            }
            if (!isSource(p)) offset += p.size;
        }
        return cuts;
    }

    private static boolean isSource(PopulationState p) {
        return p.model.isSource();
    }

    private static boolean isIdentity(EncodedSynapses table, int size) {
        if (table.size() != size || table.preSize() != size) return false;
        for (int n = 0; n < size; n++) {
            if (table.rowEnd(n) - table.rowStart(n) != 1 || table.post(table.rowStart(n)) != n) return false;
        }
        return true;
    }

    private int indexOf(String population) {
        for (PopulationState p : populations) if (p.name.equals(population)) return p.index;
        throw new IllegalArgumentException("no population " + population);
    }

    /**
     * Lets the Poisson populations marked {@code unobserved} whose one projection is
     * one-to-one with a constant weight and delay deliver straight into their target's ring:
     * the same integer additions, without listing their spikes. Their spikes then no longer
     * reach the observer; {@link #directSpikes} counts them. Call before running.
     */
    public void deliverUnobservedSourcesDirectly(boolean[] unobserved) {
        for (PopulationState p : populations) {
            SynapseRows rows = identity[p.index];
            boolean eligible = unobserved[p.index] && p.model instanceof IntModel.Poisson && p.forcedSteps.length == 0
                    && rows != null && rows.weights == null && rows.delays == null;
            p.direct = eligible ? rows : null;
            p.directTarget = eligible ? populations[rows.postPopulation] : null;
        }
    }

    /** Spikes so far of a population that delivers directly (0 for the others: their spikes reach the observer). */
    @Override
    public long unlistedSpikes(int population) {
        long sum = 0;
        for (PopulationState.Scratch s : scratch) sum += s.directSpikes[population];
        return sum;
    }

    @Override
    public void inject(String population, int neuron, int atStep) {
        PopulationState p = populations[indexOf(population)];
        // A source with external spikes lists them: it goes back to ordinary delivery.
        p.direct = null;
        p.directTarget = null;
        p.inject(neuron, atStep);
    }

    /**
     * Back to step 0 in the initial state, as if just built (external spikes dropped, counters
     * zeroed): a second run repeats the first bit for bit. Benchmarks warm the JIT up this way
     * without building a second engine.
     */
    public void restart() {
        for (PopulationState p : populations) p.restart();
        for (ArrivalRows[] rows : arrivingAll) for (ArrivalRows r : rows) r.clear();
        for (SpikeTrain[] parity : sliceSpikes) for (SpikeTrain t : parity) t.clear();
        // The same buffers: a fresh one would take branches the compiled kernels never saw, and deoptimise them.
        for (PopulationState.Scratch s : scratch) s.zeroCounters();
        step = 0;
    }

    /** Whether a thread fills buckets of another's ArrivalRows (tests check that the balancing is exercised). */
    boolean firesAcrossThreads() {
        return crossFiring;
    }

    public int threads() {
        return threads;
    }

    @Override
    public int step() {
        return step;
    }

    @Override
    public int outDegree(int population, int neuron) {
        int degree = 0;
        for (SynapseRows[][] perPre : outgoing) {
            for (SynapseRows rows : perPre[population]) degree += rows.table.rowEnd(neuron) - rows.table.rowStart(neuron);
        }
        for (ArrivalRows[][] perPre : arriving) for (ArrivalRows rows : perPre[population]) degree += rows.degree(neuron);
        return degree;
    }

    public long synapseCount() {
        long count = 0;
        for (SynapseRows[][] perPre : outgoing) for (SynapseRows[] rows : perPre) for (SynapseRows r : rows) count += r.table.size();
        for (ArrivalRows[] rows : arrivingAll) for (ArrivalRows r : rows) count += r.size();
        return count;
    }

    /** Population updates so far that took the SIMD kernel (tests check that it ran). */
    public long vectorUpdates() {
        long sum = 0;
        for (PopulationState.Scratch s : scratch) sum += s.vectorUpdates;
        return sum;
    }

    /** Population updates so far that clipped (or wrapped) a current or v at the state width. */
    public long saturations() {
        long sum = 0;
        for (int p = 0; p < populations.length; p++) sum += saturations(p);
        return sum;
    }

    /** The same for one population, by index. */
    public long saturations(int population) {
        long sum = 0;
        for (PopulationState.Scratch s : scratch) sum += s.saturations[population];
        return sum;
    }

    /** {@link #saturations(int)} of the populations that saturated, by name, in population order. */
    public java.util.Map<String, Long> saturationsByPopulation() {
        var byName = new java.util.LinkedHashMap<String, Long>();
        for (int p = 0; p < populations.length; p++) if (saturations(p) > 0) byName.put(populationName(p), saturations(p));
        return byName;
    }

    @Override
    public int populationCount() {
        return populations.length;
    }

    @Override
    public String populationName(int index) {
        return populations[index].name;
    }

    @Override
    public int populationSize(int index) {
        return populations[index].size;
    }

    /** The integer value of a state variable ("v" or "i_NAME"), or empty when the model has none. */
    @Override
    public OptionalDouble state(int population, String variable, int neuron) {
        PopulationState p = populations[population];
        if (variable.equals("v")) return p.v == null ? OptionalDouble.empty() : OptionalDouble.of(p.v[neuron]);
        int c = network.populations().get(population).channelOf(variable);
        return c < 0 ? OptionalDouble.empty() : OptionalDouble.of(p.current[c][neuron]);
    }

    /**
     * Runs {@code steps} steps. Without {@code readsState} the threads meet once a step and
     * may update the next step while the observer reads this one's spikes; with it they
     * meet twice, so that the observer sees a quiet state.
     */
    @Override
    public void run(int steps, Observer observer, boolean readsState) {
        int end = step + steps;
        if (threads == 1) {
            for (int s = step; s < end; s++) {
                update(0, s);
                fire(0, s);
                deliverArrivals(0, s);
                observe(s, sliceSpikes[s & 1][0], observer); // one slice: its list is the step's
            }
            return;
        }
        boolean quiet = readsState;
        SpinBarrier barrier = new SpinBarrier(threads);
        List<Thread> workers = new ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        int first = step;
        for (int w = 1; w < threads; w++) {
            int worker = w;
            Thread t = new Thread(() -> {
                try {
                    for (int s = first; s < end; s++) {
                        update(worker, s);
                        barrier.await();
                        fire(worker, s);
                        if (crossFiring) barrier.await();
                        deliverArrivals(worker, s);
                        if (quiet) barrier.await(); // main observes before it
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
            for (int s = first; s < end; s++) {
                update(0, s);
                barrier.await();
                fire(0, s);
                if (crossFiring) barrier.await();
                deliverArrivals(0, s);
                observe(s, merge(s), observer);
                if (quiet) barrier.await();
            }
        } catch (SpinBarrier.BrokenException e) {
            Throwable cause = failure.get();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        } catch (RuntimeException | Error e) {
            barrier.breakAll(); // the observer failed: release the workers
            throw e;
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

    private void observe(int s, SpikeTrain spikes, Observer observer) {
        step = s;
        observer.afterStep(s, spikes);
        step = s + 1;
    }

    /** Updates this thread's share of every population, listing the spikes in population and neuron order. */
    private void update(int worker, int s) {
        SpikeTrain out = sliceSpikes[s & 1][worker];
        out.clear();
        for (PopulationState p : populations) {
            // A source that delivers directly is updated by the thread that owns its targets.
            int[] share = cuts[p.directTarget == null ? p.index : p.directTarget.index];
            int lo = share[worker];
            int hi = Math.min(p.size, share[worker + 1]);
            if (lo < hi) p.update(s, lo, hi, out, scratch[worker]);
        }
    }

    /** The step's spikes on several threads: the threads' lists merged population by population. */
    private SpikeTrain merge(int s) {
        stepSpikes.clear();
        SpikeTrain[] lists = sliceSpikes[s & 1];
        java.util.Arrays.fill(cursor, 0);
        for (int pop = 0; pop < populations.length; pop++) {
            for (int t = 0; t < threads; t++) {
                SpikeTrain b = lists[t];
                int i = cursor[t];
                for (; i < b.size && b.population[i] == pop; i++) stepSpikes.add(b, i);
                cursor[t] = i;
            }
        }
        return stepSpikes;
    }

    /**
     * The step's spikes: a row of one delay at once into the slot of this thread's slice; a row
     * of many delays onto the buckets of its arrival steps, in the ArrivalRows this thread fires.
     */
    private void fire(int worker, int s) {
        SynapseRows[][] mine = outgoing[worker];
        ArrivalRows[][] fired = firing[worker];
        for (SpikeTrain b : sliceSpikes[s & 1]) {
            for (int i = 0; i < b.size; i++) {
                for (SynapseRows rows : mine[b.population[i]]) deliver(rows, s, b.neuron[i], b.count[i]);
                for (ArrivalRows rows : fired[b.population[i]]) rows.fire(b.neuron[i], b.count[i], s);
            }
        }
    }

    /** The buckets of this thread's ArrivalRows that arrive at the next step, added into that step's slots. */
    private void deliverArrivals(int worker, int s) {
        for (ArrivalRows rows : arrivingAll[worker]) rows.deliver(populations[rows.postPopulation], s + 1);
    }

    private void deliver(SynapseRows rows, int s, int neuron, int count) {
        PopulationState target = populations[rows.postPopulation];
        int[] post = rows.post;
        int[] weights = rows.weights;
        int start = rows.rowStart[neuron];
        int end = rows.rowStart[neuron + 1];
        // One delay for the whole row (per-synapse delays are ArrivalRows): one slot, no per-synapse branches.
        int[] slot = target.slot(s + rows.constantDelay, rows.channel);
        if (weights == null) {
            int weight = count * rows.constantWeight;
            for (int k = start; k < end; k++) slot[post[k]] += weight;
        } else {
            for (int k = start; k < end; k++) slot[post[k]] += count * weights[k];
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
