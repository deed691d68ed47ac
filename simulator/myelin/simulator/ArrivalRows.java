package myelin.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import myelin.ir.encoded.EncodedSynapses;
import myelin.ir.integer.RingBuffer;

/**
 * One projection's synapses with per-synapse delays (one thread's share of them), delivered in
 * two moves. When a spike fires, its row, sorted by delay into segments, is copied segment by
 * segment onto the end of one bucket per arrival step (sequential reads, sequential writes);
 * when that step comes, its bucket is added into the target's slot of the ring, one array that
 * fits in L2. Delivery at firing time instead scattered each synapse over every slot of the
 * ring (tens of MB for the microcircuit), a cache miss apiece. The additions are the same
 * integers into the same cells before the same read, so the sums, and every spike, are
 * unchanged (integer addition does not depend on order; a spike of count c is its row c times).
 *
 * <p>A synapse is one 32-bit word, {@code post | weight << postBits}, when every weight fits
 * beside the post index; otherwise two, the post index and the weight.
 */
final class ArrivalRows {
    final int postPopulation;
    final int channel;
    /** Per pre neuron n: its segments are [segmentStart[n], segmentStart[n + 1]). */
    private final int[] segmentStart;
    /** Per segment: its delay in steps. */
    private final short[] segmentDelay;
    /** Per segment: its first synapse; one more entry, the end of the last. */
    private final int[] synapseStart;
    /** Per synapse, in segment order: the packed word, or the post index and the weight. */
    private final int[] words;
    /** Ints per synapse in {@link #words}: 1 packed, 2 apart. */
    private final int stride;
    private final int postBits;
    private final int postMask;
    /** Per arrival step (modulo the ring), the words of the synapses arriving then, and how many ints are filled. */
    private final int[][] bucket;
    private final int[] filled;
    private final int bucketMask;

    /** What one thread's ArrivalRows of a projection are made of: the synapses of {@code table} onto post neurons [lo, hi). */
    record Share(int postPopulation, int channel, EncodedSynapses table, int maxDelay, int lo, int hi) {}

    /**
     * Per thread, per pre population, the ArrivalRows of these shares; each thread's built on a
     * thread of its own (sorting the microcircuit's 300 million synapses takes seconds).
     */
    static ArrivalRows[][][] build(List<List<List<Share>>> shares) {
        ArrivalRows[][][] built = new ArrivalRows[shares.size()][][];
        List<Thread> builders = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int t = 0; t < shares.size(); t++) {
            int worker = t;
            Runnable task = () -> built[worker] = shares.get(worker).stream()
                    .map(perPre -> perPre.stream().map(ArrivalRows::new).toArray(ArrivalRows[]::new)).toArray(ArrivalRows[][]::new);
            if (t == shares.size() - 1) {
                task.run();
                continue;
            }
            Thread thread = new Thread(() -> {
                try {
                    task.run();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "myelin-arrival-rows-" + t);
            thread.setDaemon(true);
            thread.start();
            builders.add(thread);
        }
        for (Thread thread : builders) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while building the engine", e);
            }
        }
        if (failure.get() instanceof RuntimeException e) throw e;
        if (failure.get() instanceof Error e) throw e;
        return built;
    }

    /**
     * Which thread fires into which ArrivalRows: byWriter[w][pre]. A share's buckets are written
     * by one thread only, but not always by its owner (the thread that adds them into its slice):
     * a spike costs each share it fires into a few operations per segment, and the shares of the
     * populations one thread owns can have twice the segments of the other's (the microcircuit:
     * 3 target populations on one thread, 6 on the other). {@code crossed}: some share is fired by
     * a thread that does not own it, so the engine must meet between firing and delivering.
     */
    record Writers(ArrivalRows[][][] byWriter, boolean crossed) {}

    /**
     * Per pre population, its shares (all owners') to the writers by greedy balancing of their
     * firing cost, largest first; a function of the shares alone, so the same on every run.
     */
    static Writers writers(ArrivalRows[][][] byOwner) {
        int threads = byOwner.length;
        int pres = byOwner[0].length;
        List<List<List<ArrivalRows>>> assigned = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            List<List<ArrivalRows>> perPre = new ArrayList<>();
            for (int p = 0; p < pres; p++) perPre.add(new ArrayList<>());
            assigned.add(perPre);
        }
        boolean crossed = false;
        for (int p = 0; p < pres; p++) {
            record Owned(ArrivalRows rows, int owner) {}
            List<Owned> shares = new ArrayList<>();
            for (int t = 0; t < threads; t++) for (ArrivalRows rows : byOwner[t][p]) shares.add(new Owned(rows, t));
            // Stable: equal costs keep owner order.
            shares.sort((a, b) -> Long.compare(b.rows.firingCost(), a.rows.firingCost()));
            long[] load = new long[threads];
            for (Owned share : shares) {
                int writer = share.owner;
                for (int w = 0; w < threads; w++) if (load[w] < load[writer]) writer = w;
                load[writer] += share.rows.firingCost();
                assigned.get(writer).get(p).add(share.rows);
                crossed |= writer != share.owner;
            }
        }
        ArrivalRows[][][] byWriter = assigned.stream()
                .map(perPre -> perPre.stream().map(l -> l.toArray(new ArrivalRows[0])).toArray(ArrivalRows[][]::new))
                .toArray(ArrivalRows[][][]::new);
        return new Writers(byWriter, crossed);
    }

    /** What firing every row once costs, in segments (a few operations each) and copied words (16 to a vector store). */
    private long firingCost() {
        return segmentDelay.length + words.length / 16;
    }

    private ArrivalRows(Share share) {
        this.postPopulation = share.postPopulation();
        this.channel = share.channel();
        EncodedSynapses table = share.table();
        int lo = share.lo();
        int hi = share.hi();
        int[] rowStart = table.connectivity().rowStarts();
        int[] post = table.connectivity().posts();
        short[] delays = table.delays();
        int[] w = table.weights();
        int pres = table.preSize();
        postBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, table.connectivity().postSize() - 1));
        postMask = (int) ((1L << postBits) - 1);
        int[] perDelay = new int[share.maxDelay() + 1];

        // Sizes, and whether every weight fits beside its post index.
        int synapses = 0;
        int segments = 0;
        long minWeight = Long.MAX_VALUE;
        long maxWeight = Long.MIN_VALUE;
        for (int n = 0; n < pres; n++) {
            for (int s = rowStart[n]; s < rowStart[n + 1]; s++) {
                if (post[s] < lo || post[s] >= hi) continue;
                // The encoded stage's delays are at least one step, so every segment arrives at a later step's slot.
                if (delays[s] < 1) throw new IllegalArgumentException("a delay of " + delays[s] + " steps (the encoded stage has at least 1)");
                if (perDelay[delays[s]]++ == 0) segments++;
                synapses++;
                int weight = w == null ? table.constantWeight() : w[s];
                minWeight = Math.min(minWeight, weight);
                maxWeight = Math.max(maxWeight, weight);
            }
            for (int s = rowStart[n]; s < rowStart[n + 1]; s++) perDelay[delays[s]] = 0;
        }
        long limit = 1L << (31 - postBits);
        boolean packed = synapses == 0 || minWeight >= -limit && maxWeight < limit;

        stride = packed ? 1 : 2;
        segmentStart = new int[pres + 1];
        segmentDelay = new short[segments];
        synapseStart = new int[segments + 1];
        words = new int[stride * synapses];
        int slots = RingBuffer.slots(share.maxDelay());
        bucket = new int[slots][16];
        filled = new int[slots];
        bucketMask = slots - 1;
        int[] at = new int[perDelay.length];
        int segment = 0;
        int cursor = 0;
        for (int n = 0; n < pres; n++) {
            segmentStart[n] = segment;
            for (int s = rowStart[n]; s < rowStart[n + 1]; s++) if (post[s] >= lo && post[s] < hi) perDelay[delays[s]]++;
            for (int d = 0; d < perDelay.length; d++) {
                if (perDelay[d] == 0) continue;
                segmentDelay[segment] = (short) d;
                synapseStart[segment] = stride * cursor;
                at[d] = cursor;
                cursor += perDelay[d];
                perDelay[d] = 0;
                segment++;
            }
            for (int s = rowStart[n]; s < rowStart[n + 1]; s++) { // in row order within a delay
                if (post[s] < lo || post[s] >= hi) continue;
                int weight = w == null ? table.constantWeight() : w[s];
                int k = stride * at[delays[s]]++;
                if (packed) {
                    words[k] = post[s] | weight << postBits;
                } else {
                    words[k] = post[s];
                    words[k + 1] = weight;
                }
            }
        }
        segmentStart[pres] = segment;
        synapseStart[segments] = stride * cursor;
    }

    /** The projections delivered at arrival: those whose delays differ from synapse to synapse. */
    static boolean applies(EncodedSynapses table) {
        return table.delays() != null;
    }

    /** Every bucket emptied. */
    void clear() {
        java.util.Arrays.fill(filled, 0);
    }

    int degree(int neuron) {
        return (synapseStart[segmentStart[neuron + 1]] - synapseStart[segmentStart[neuron]]) / stride;
    }

    long size() {
        return words.length / stride;
    }

    /** A spike (of {@code count}) of a pre neuron at a step: each segment of its row onto the bucket of its arrival. */
    void fire(int neuron, int count, int step) {
        int end = segmentStart[neuron + 1];
        for (int j = segmentStart[neuron]; j < end; j++) {
            int from = synapseStart[j];
            int length = synapseStart[j + 1] - from;
            int b = (step + segmentDelay[j]) & bucketMask;
            int[] into = bucket[b];
            int at = filled[b];
            int needed = at + count * length;
            if (needed > into.length) into = bucket[b] = java.util.Arrays.copyOf(into, Math.max(2 * into.length, needed));
            for (int c = 0; c < count; c++, at += length) System.arraycopy(words, from, into, at, length);
            filled[b] = needed;
        }
    }

    /** Adds the synapses arriving at step {@code arrival} into the target's slot of that step; their bucket is emptied. */
    void deliver(PopulationState target, int arrival) {
        int b = arrival & bucketMask;
        int[] in = bucket[b];
        int n = filled[b];
        int[] slot = target.slot(arrival, channel);
        if (stride == 1) {
            int shift = postBits;
            int mask = postMask;
            for (int k = 0; k < n; k++) {
                int word = in[k];
                slot[word & mask] += word >> shift;
            }
        } else {
            for (int k = 0; k < n; k += 2) slot[in[k]] += in[k + 1];
        }
        filled[b] = 0;
    }
}
