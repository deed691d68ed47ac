package myelin.cli;

import myelin.api.Simulations;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
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
        "  cuba          simulate 1 s of examples/cuba.snn (after a JIT warm-up): spikes, events per second",
        "  microcircuit  simulate 1 s of examples/microcircuit.snn (after a JIT warm-up of 0.25 s,",
        "                which it times too): wall time per biological second, peak heap",
        "  expansion     build and expand 100,000 neurons with fixed in-degree 1,000 (10^8 synapses),",
        "                or the network given with --network"})
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

    enum Name { cuba, microcircuit, expansion }

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "1", description = "biological seconds to simulate (default: ${DEFAULT-VALUE})")
    double bioSeconds;

    @Option(names = "--repeat", paramLabel = "N", description = "timed runs; the median is reported (default: 5 for cuba, 1 otherwise)")
    Integer repeat;

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
        Map<String, Object> r = switch (name) {
            case expansion -> expansion();
            case cuba -> simulation(java.nio.file.Path.of("examples/cuba.snn"), 3.0, 5);
            case microcircuit -> simulation(java.nio.file.Path.of("examples/microcircuit.snn"), 0.25, 1);
        };
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

    /**
     * Builds, warms the JIT up on {@code warmUp} times the run's length (the SIMD kernels are
     * only fast once C2 has compiled them with their intrinsics; before, the Vector API runs
     * its scalar fallback), restarts the engine, then times the simulation loop alone.
     */
    private Map<String, Object> simulation(java.nio.file.Path file, double warmUp, int defaultRuns) {
        network = network != null ? network : file;
        System.gc();
        resetPeaks();
        long t0 = System.nanoTime();
        var loaded = myelin.frontend.NetworkLoader.load(network, myelin.frontend.NetworkLoader.DEFAULT_NIR_TIMESTEP);
        Network net = loaded.network();
        ProgressBar expanding = new ProgressBar(spec.commandLine().getErr(), "expanding");
        var compiled = Simulations.compile(loaded, myelin.ir.target.TargetSpec.SIMULATION, threads.threads(), expanding);
        expanding.finish();
        var q = compiled.quantized();
        boolean[] observed = new boolean[net.populations().size()];
        var engine = Simulations.engine(compiled.encoded(), threads.threads(), observed);
        long t1 = System.nanoTime();
        int steps = (int) Math.round(bioSeconds / net.timestep());
        // The warm-up is the cold run: the first steps from a fresh JVM, as `simulate` runs them.
        ProgressBar warming = new ProgressBar(spec.commandLine().getErr(), "warming up");
        int warmSteps = (int) Math.round(warmUp * steps);
        long w0 = System.nanoTime();
        engine.run(warmSteps, (step, spikes) -> {
            if ((step & 255) == 0) warming.update(step, warmSteps);
        }, false);
        double warmupSeconds = (System.nanoTime() - w0) / 1e9;
        warming.finish();
        int runs = repeat != null ? Math.max(1, repeat) : defaultRuns;
        double[] times = new double[runs];
        Simulations.Recorder recorder = null;
        for (int run = 0; run < runs; run++) {
            engine.restart();
            var rec = new Simulations.Recorder(engine, observed);
            ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "simulating");
            long t2 = System.nanoTime();
            engine.run(steps, (step, spikes) -> {
                rec.afterStep(step, spikes);
                if ((step & 255) == 0) bar.update(step, steps);
            }, false);
            times[run] = (System.nanoTime() - t2) / 1e9;
            bar.finish();
            rec.addUnlisted(engine);
            if (recorder != null && recorder.synapticEvents != rec.synapticEvents) {
                throw new IllegalStateException("two runs of the same network differ: the engine is not deterministic");
            }
            recorder = rec;
        }
        double[] sorted = times.clone();
        java.util.Arrays.sort(sorted);
        double simSeconds = sorted[runs / 2];
        long spikes = 0;
        for (int i = 0; i < net.populations().size(); i++) {
            if (!net.modelOf(net.populations().get(i)).isSource()) spikes += recorder.spikesPerPopulation[i];
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("benchmark", name.name());
        r.put("simulator", "myelin-integer-" + q.profile().name());
        r.put("neurons", net.neuronCount());
        r.put("synapses", engine.synapseCount());
        r.put("spikes", spikes);
        r.put("synaptic_events", recorder.synapticEvents);
        r.put("bio_s", steps * net.timestep());
        r.put("sim_s", simSeconds);
        r.put("events_per_s", recorder.synapticEvents / simSeconds);
        r.put("wall_per_bio_s", simSeconds / (steps * net.timestep()));
        r.put("runs", runs);
        r.put("sim_s_min", sorted[0]);
        r.put("sim_s_max", sorted[runs - 1]);
        r.put("build_s", (t1 - t0) / 1e9);
        r.put("warmup_bio_s", warmSteps * net.timestep());
        r.put("warmup_s", warmupSeconds);
        r.put("threads", engine.threads());
        r.put("cpu", CpuInfo.describe());
        r.put("java", Runtime.version().toString());
        r.put("gc", ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).collect(Collectors.joining(" + ")));
        r.put("peak_heap_bytes", peakHeap());
        for (int i = 0; i < net.populations().size(); i++) {
            var p = net.populations().get(i);
            if (net.modelOf(p).isSource()) continue;
            r.put("rate_hz_" + p.name(), recorder.spikesPerPopulation[i] / (p.size() * steps * net.timestep()));
        }
        return r;
    }

    private Map<String, Object> expansion() {
        // Warm-up on a small network so that the JIT is not timed.
        Expander warmExpander = new Expander(threads.threads(), Expander.Progress.NONE);
        for (int i = 0; i < 3; i++) warmExpander.expand(SnnFrontend.parse("<bench>", expansionNetwork(20_000, 100)));

        System.gc();
        resetPeaks();
        long t0 = System.nanoTime();
        Network net = network != null ? myelin.frontend.NetworkLoader.load(network, myelin.frontend.NetworkLoader.DEFAULT_NIR_TIMESTEP).network()
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
        r.put("cpu", CpuInfo.describe());
        return r;
    }

    private static void resetPeaks() {
        myelin.passes.HeapPeak.reset();
    }

    private static long peakHeap() {
        return myelin.passes.HeapPeak.read();
    }
}
