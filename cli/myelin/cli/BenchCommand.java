package myelin.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import myelin.frontend.SnnFrontend;
import myelin.ir.network.Network;
import myelin.ir.synapses.ExpandedNetwork;
import myelin.ir.synapses.Expander;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "bench", description = {"Run a named benchmark and print its figures.",
        "  expansion  build and expand 100,000 neurons with fixed in-degree 1,000 (10^8 synapses),",
        "             or the network given with --network"})
final class BenchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "benchmark: ${COMPLETION-CANDIDATES}")
    Name name;

    @Option(names = "--json", description = "print one JSON line")
    boolean json;

    @picocli.CommandLine.Mixin
    ThreadsOption threads;

    @Option(names = "--network", paramLabel = "FILE", description = "expansion: expand this network instead")
    java.nio.file.Path network;

    @Spec
    CommandSpec spec;

    enum Name { expansion }

    /** 100,000 LIF neurons, each receiving exactly 1,000 synapses from the population itself. */
    static String expansionNetwork(int neurons, int inDegree) {
        return """
                network expansion_bench {
                  timestep = 0.1 ms;
                  seed = 7;
                  population cells : lif [%d] { tau_m = 20 ms; v_threshold = -50 mV; v_rest = -65 mV; }
                  projection recurrent : cells -> cells : fixed_indegree(%d) { weight = normal(0.1 mV, 0.02 mV); delay = 1 ms; }
                }
                """.formatted(neurons, inDegree);
    }

    @Override
    public Integer call() {
        Map<String, Object> r = expansion();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(r.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + jsonValue(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}")));
        } else {
            r.forEach((k, v) -> out.printf(Locale.ROOT, "%-18s %s%n", k, v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : v));
        }
        out.flush();
        return 0;
    }

    private static String jsonValue(Object v) {
        return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
    }

    private Map<String, Object> expansion() {
        // Warm-up on a small network so that the JIT is not timed.
        Expander warmExpander = new Expander(threads.threads(), Expander.Progress.NONE);
        for (int i = 0; i < 3; i++) warmExpander.expand(SnnFrontend.parse("<bench>", expansionNetwork(20_000, 100)));

        System.gc();
        resetPeaks();
        long t0 = System.nanoTime();
        Network net = network != null ? myelin.frontend.NetworkLoader.load(network)
                : SnnFrontend.parse("<bench>", expansionNetwork(100_000, 1000));
        long t1 = System.nanoTime();
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "expanding");
        ExpandedNetwork expanded = new Expander(threads.threads(), bar).expand(net);
        long t2 = System.nanoTime();
        bar.finish();
        long peak = peakHeap();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("benchmark", "expansion");
        r.put("network", net.name());
        r.put("neurons", net.neuronCount());
        r.put("sources", net.sourceCount());
        r.put("synapses", expanded.synapseCount());
        r.put("threads", threads.threads());
        r.put("build_s", (t1 - t0) / 1e9);
        r.put("expand_s", (t2 - t1) / 1e9);
        r.put("synapses_per_s", expanded.synapseCount() / ((t2 - t1) / 1e9));
        r.put("table_bytes", expanded.bytes());
        r.put("bytes_per_synapse", (double) expanded.bytes() / expanded.synapseCount());
        r.put("peak_heap_bytes", peak);
        r.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        return r;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peaks since the reset: an upper bound of the peak heap in use. */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }
}
