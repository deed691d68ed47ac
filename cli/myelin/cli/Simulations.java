package myelin.cli;

import java.util.List;
import myelin.ir.integer.Profile;
import myelin.ir.integer.QuantizedNetwork;
import myelin.ir.network.Network;
import myelin.ir.network.Recording;
import myelin.ir.synapses.ExpandedNetwork;
import myelin.ir.synapses.Expander;
import myelin.passes.CompilationUnit;
import myelin.passes.PassManager;
import myelin.passes.Pipeline;
import myelin.simulator.IntegerEngine;
import myelin.simulator.SpikeBuffer;
import myelin.simulator.reference.ReferenceEngine;

/** Quantize, expand and build the integer engine: what simulate and bench share. */
final class Simulations {
    private Simulations() {}

    /** Quantizes; errors that the profile raises are placed at the network's file. */
    static QuantizedNetwork quantize(Network network, Profile profile, java.nio.file.Path file) {
        CompilationUnit unit = new CompilationUnit(network);
        try {
            PassManager.plain().run(Pipeline.QUANTIZE.passes(profile), unit);
        } catch (myelin.ir.diag.InputException e) {
            throw atFile(e, file);
        }
        return unit.quantized().orElseThrow();
    }

    /** Passes know networks, not files: their diagnostics are placed at the file the network came from. */
    static myelin.ir.diag.InputException atFile(myelin.ir.diag.InputException e, java.nio.file.Path file) {
        return new myelin.ir.diag.InputException(e.diagnostics().stream()
                .map(d -> new myelin.ir.diag.Diagnostic(d.severity(), myelin.ir.diag.SourceLocation.of(file.toString()), d.message()))
                .toList());
    }

    /** The reference engine on the expanded network. */
    static ReferenceEngine reference(Network net, ReferenceEngine.Precision precision, int threads, Expander.Progress progress) {
        return new ReferenceEngine(new Expander(threads, progress).expand(net), precision);
    }

    /** Expands and builds the engine; the expansion's float values become garbage once converted. */
    static IntegerEngine engine(QuantizedNetwork q, int threads, Expander.Progress progress, boolean[] observed) {
        ExpandedNetwork expanded = new Expander(threads, progress).expand(q.network());
        IntegerEngine engine = new IntegerEngine(q, expanded, threads);
        boolean[] unobserved = new boolean[observed.length];
        for (int i = 0; i < observed.length; i++) unobserved[i] = !observed[i];
        engine.deliverUnobservedSourcesDirectly(unobserved);
        return engine;
    }

    /** Populations whose spikes are recorded: those with a 'spikes' record, or every non-source when none has. */
    static boolean[] recordedSpikes(Network net) {
        List<Recording> recs = net.recordings().stream().filter(r -> r.variables().contains("spikes")).toList();
        boolean[] recorded = new boolean[net.populations().size()];
        for (int i = 0; i < recorded.length; i++) {
            var p = net.populations().get(i);
            recorded[i] = recs.isEmpty() ? !net.modelOf(p).isSource()
                    : recs.stream().anyMatch(r -> r.population().equals(p.name()));
        }
        return recorded;
    }

    /** Counts spikes per population, synaptic events, and records the chosen populations' spikes; for either engine. */
    static final class Recorder {
        final long[] spikesPerPopulation;
        final boolean[] recorded;
        final SpikeRecord record = new SpikeRecord();
        long synapticEvents;
        /** Out-degree of every neuron, per population: a spike of count c is c * degree events. */
        private final int[][] degree;

        Recorder(IntegerEngine engine, boolean[] recorded) {
            this(degrees(engine.populationCount(), engine::populationSize, engine::outDegree), recorded);
        }

        Recorder(ReferenceEngine engine, boolean[] recorded) {
            this(degrees(engine.populationCount(), engine::populationSize, engine::outDegree), recorded);
        }

        private Recorder(int[][] degree, boolean[] recorded) {
            this.spikesPerPopulation = new long[degree.length];
            this.recorded = recorded;
            this.degree = degree;
        }

        private static int[][] degrees(int populations, java.util.function.IntUnaryOperator size,
                                       java.util.function.IntBinaryOperator outDegree) {
            int[][] degree = new int[populations][];
            for (int p = 0; p < populations; p++) {
                int[] d = new int[size.applyAsInt(p)];
                for (int n = 0; n < d.length; n++) d[n] = outDegree.applyAsInt(p, n);
                degree[p] = d;
            }
            return degree;
        }

        /** Adds the spikes of sources that delivered directly (one synapse each), which the steps did not list. */
        void addDirect(IntegerEngine engine) {
            for (int p = 0; p < spikesPerPopulation.length; p++) {
                long direct = engine.directSpikes(p);
                spikesPerPopulation[p] += direct;
                synapticEvents += direct;
            }
        }

        void afterStep(int step, SpikeBuffer spikes) {
            for (int i = 0; i < spikes.size(); i++) {
                int p = spikes.population(i);
                int n = spikes.neuron(i);
                int c = spikes.count(i);
                spikesPerPopulation[p] += c;
                synapticEvents += (long) c * degree[p][n];
                if (recorded[p]) for (int k = 0; k < c; k++) record.add(step, p, n);
            }
        }
    }

    static List<String> profileNames() {
        return Profile.all().stream().map(Profile::name).toList();
    }
}
