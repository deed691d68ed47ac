package myelin.passes.pack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import myelin.ir.encoded.EncodedNetwork;
import myelin.ir.encoded.EncodedSynapses;
import myelin.ir.hardware.Block;
import myelin.ir.hardware.BlockCodec;
import myelin.ir.hardware.Core;
import myelin.ir.hardware.CoreIndex;
import myelin.ir.hardware.DelayExtension;
import myelin.ir.hardware.Encoding;
import myelin.ir.hardware.HardwareNetwork;
import myelin.ir.hardware.Kernel;
import myelin.ir.hardware.Layout;
import myelin.ir.network.Connector;
import myelin.ir.network.Network;
import myelin.ir.network.Projection;
import myelin.ir.target.TargetSpec;
import myelin.passes.CompilationUnit;
import myelin.passes.Pass;
import myelin.passes.PassInfo;
import myelin.passes.Stages;

/**
 * Packs the synapses of each projection, per (source core, receiving core, delay stage),
 * into the smallest exact encoding: sparse rows of the target's words, rows of words as wide
 * as the data needs, or dense rows (docs/hardware-ir.md, "Blocks"). Source cores are packed
 * in parallel; the blocks come out in (core, source, stage, projection) order on any thread
 * count.
 */
public final class Pack implements Pass<HardwareNetwork> {
    private static final PassInfo<HardwareNetwork> INFO = PassInfo.of("pack", "synapses into the smallest exact encoding per block",
            Set.of(Stages.NETWORK, Stages.ENCODED, Stages.SCHEDULED), Stages.PACKED);

    private final TargetSpec target;
    private final int threads;

    public Pack(TargetSpec target, int threads) {
        this.target = target;
        this.threads = threads;
    }

    @Override
    public PassInfo<HardwareNetwork> info() {
        return INFO;
    }

    @Override
    public HardwareNetwork run(CompilationUnit unit) {
        EncodedNetwork net = unit.require(Stages.ENCODED);
        HardwareNetwork hw = unit.require(Stages.SCHEDULED);
        CoreIndex index = new CoreIndex(hw);
        int[] stages = new int[hw.cores().size()];
        for (DelayExtension e : hw.delayExtensions()) stages[e.source()] = e.stages();
        record Task(int projection, Core source) {}
        List<Task> tasks = new ArrayList<>();
        for (int p = 0; p < net.projections().size(); p++) {
            for (Core c : hw.coresOf(net.projections().get(p).pre())) tasks.add(new Task(p, c));
        }
        @SuppressWarnings("unchecked")
        List<Block>[] results = new List[tasks.size()];
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            pool.submit(() -> IntStream.range(0, tasks.size()).parallel().forEach(t -> {
                Task task = tasks.get(t);
                results[t] = pack(net, hw, index, task.projection(), task.source(), stages[task.source().id()]);
            })).join();
        } finally {
            pool.shutdown();
        }
        List<Block> blocks = new ArrayList<>();
        for (List<Block> r : results) blocks.addAll(r);
        List<Kernel> kernels = new ArrayList<>();
        if (target.sharesKernels()) blocks = shareKernels(unit.network(), net, blocks, kernels);
        List<String> order = net.projections().stream().map(EncodedNetwork.Projection::name).toList();
        blocks.sort(Comparator.comparingInt(Block::core).thenComparingInt(Block::source).thenComparingInt(Block::stage)
                .thenComparingInt(b -> order.indexOf(b.projection())));
        return hw.withBlocks(kernels, blocks);
    }

    /**
     * Replaces the blocks of each convolution whose synapses a shared kernel reproduces by
     * kernel blocks, where the kernel and their headers take fewer bytes than the blocks.
     */
    private static List<Block> shareKernels(Network network, EncodedNetwork net, List<Block> blocks, List<Kernel> kernels) {
        List<Block> out = blocks;
        for (EncodedNetwork.Projection proj : net.projections()) {
            Projection source = network.projections().stream().filter(p -> p.name().equals(proj.name())).findFirst().orElseThrow();
            if (!(source.connector() instanceof Connector.Conv2d conv)) continue;
            var kernel = KernelDetector.detect(proj.name(), conv, network.preOf(source).shape(), proj.synapses());
            if (kernel.isEmpty()) continue;
            List<Block> mine = out.stream().filter(b -> b.projection().equals(proj.name())).toList();
            long stored = mine.stream().mapToLong(b -> Block.HEADER_BYTES + b.dataBytes()).sum();
            if (kernel.get().bytes() + (long) Block.HEADER_BYTES * mine.size() >= stored) continue;
            kernels.add(kernel.get());
            List<Block> replaced = new ArrayList<>();
            for (Block b : out) {
                if (!b.projection().equals(proj.name())) {
                    replaced.add(b);
                    continue;
                }
                // A kernel's delay is one for all its synapses (the detector checks): every layout holds it as constant.
                Layout l = new Layout(b.layout().rows(), 0, 0, 0, 0, 0, 0, 0, 0, b.layout().constantDelay());
                replaced.add(new Block(b.core(), b.source(), b.stage(), b.projection(), b.channel(), Encoding.KERNEL, l, b.synapses(), 0,
                        new long[0]));
            }
            out = replaced;
        }
        return out;
    }

    /** The blocks of one projection's synapses from one source core: one per (receiving core, stage) that gets any. */
    private List<Block> pack(EncodedNetwork net, HardwareNetwork hw, CoreIndex index, int projection, Core source, int maxStage) {
        EncodedNetwork.Projection proj = net.projections().get(projection);
        EncodedSynapses s = proj.synapses();
        List<Core> targets = hw.coresOf(proj.post());
        int firstTarget = targets.get(0).id();
        int slots = hw.delaySlots();
        int rows = source.size();
        int buckets = targets.size() * (maxStage + 1);
        int[] perRow = new int[buckets * rows];
        int[] total = new int[buckets];
        for (int r = 0; r < rows; r++) {
            int pre = source.first() + r;
            for (int k = s.rowStart(pre); k < s.rowEnd(pre); k++) {
                int b = bucket(index, proj.post(), s.post(k), s.delay(k), slots, firstTarget, targets.size());
                perRow[b * rows + r]++;
                total[b]++;
            }
        }
        int[][] rowStart = new int[buckets][];
        int[][] post = new int[buckets][];
        int[][] weight = new int[buckets][];
        int[][] delay = new int[buckets][];
        int[][] cursor = new int[buckets][];
        for (int b = 0; b < buckets; b++) {
            if (total[b] == 0) continue;
            rowStart[b] = new int[rows + 1];
            for (int r = 0; r < rows; r++) rowStart[b][r + 1] = rowStart[b][r] + perRow[b * rows + r];
            cursor[b] = Arrays.copyOf(rowStart[b], rows);
            post[b] = new int[total[b]];
            weight[b] = new int[total[b]];
            delay[b] = new int[total[b]];
        }
        for (int r = 0; r < rows; r++) {
            int pre = source.first() + r;
            for (int k = s.rowStart(pre); k < s.rowEnd(pre); k++) {
                int d = s.delay(k);
                int b = bucket(index, proj.post(), s.post(k), d, slots, firstTarget, targets.size());
                int at = cursor[b][r]++;
                post[b][at] = index.local(proj.post(), s.post(k));
                weight[b][at] = s.weight(k);
                delay[b][at] = DelayExtension.residual(d, slots);
            }
        }
        List<Block> blocks = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            if (total[b] == 0) continue;
            Core core = targets.get(b % targets.size());
            var synapses = new BlockCodec.Synapses(rowStart[b], post[b], weight[b], delay[b]);
            blocks.add(smallest(synapses, core, source.id(), b / targets.size(), proj));
        }
        return blocks;
    }

    /** Blocks of a source core are numbered stage by stage, receiving core by receiving core. */
    private static int bucket(CoreIndex index, int population, int neuron, int delay, int slots, int firstTarget, int targets) {
        return DelayExtension.stage(delay, slots) * targets + index.core(population, neuron) - firstTarget;
    }

    /** Every encoding that holds the block exactly, sized with its header; the smallest wins (ties: declaration order). */
    private Block smallest(BlockCodec.Synapses s, Core core, int source, int stage, EncodedNetwork.Projection proj) {
        Encoding best = null;
        Layout bestLayout = null;
        long bestBits = Long.MAX_VALUE;
        long packedBits = Long.MAX_VALUE;
        for (Encoding e : new Encoding[] {Encoding.SPARSE, Encoding.PACKED, Encoding.DENSE}) {
            // A dense block is worth sizing only when one bit per (row, post) pair would not lose already.
            if (e == Encoding.DENSE && (long) s.rows() * core.size() > Math.min(bestBits, packedBits)) continue;
            Optional<Layout> layout = BlockCodec.layout(e, s, core.size(), core.channels(), (int) target.limits().synapseWordBits());
            if (layout.isEmpty()) continue;
            long bits = BlockCodec.bits(e, layout.get(), s.size(), core.size());
            if (e == Encoding.PACKED) packedBits = bits;
            if (bits < bestBits) {
                best = e;
                bestLayout = layout.get();
                bestBits = bits;
            }
        }
        var bits = BlockCodec.pack(best, bestLayout, s, core.size(), proj.channel());
        return new Block(core.id(), source, stage, proj.name(), proj.channel(), best, bestLayout, s.size(), bits.length(), bits.toWords());
    }
}
