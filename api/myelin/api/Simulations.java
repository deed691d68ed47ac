package myelin.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import myelin.ir.encoded.EncodedNetwork;
import myelin.ir.integer.Profile;
import myelin.ir.integer.QuantizedNetwork;
import myelin.ir.machine.MachineNetwork;
import myelin.ir.machine.image.MachineImage;
import myelin.ir.network.LoadedNetwork;
import myelin.ir.network.Network;
import myelin.ir.network.Recording;
import myelin.ir.synapses.ExpandedNetwork;
import myelin.ir.synapses.Expander;
import myelin.ir.target.TargetSpec;
import myelin.passes.CompilationUnit;
import myelin.passes.PassManager;
import myelin.passes.Pipeline;
import myelin.passes.Stages;
import myelin.passes.encode.Encode;
import myelin.passes.expand.Expand;
import myelin.passes.quantize.Quantize;
import myelin.simulator.Engine;
import myelin.simulator.FloatStepEngine;
import myelin.simulator.IntegerEngine;
import myelin.simulator.MachineExecutor;
import myelin.simulator.SpikeTrain;
import myelin.simulator.reference.ReferenceEngine;

/** The simulate pipeline and the engines built on it: what simulate and bench share. */
public final class Simulations {
    private Simulations() {}

    /** The quantized stage (its report) and the encoded stage the integer engine runs. */
    public record Compiled(QuantizedNetwork quantized, EncodedNetwork encoded) {}

    /** Runs the simulate pipeline (quantize, expand, encode) for a target. */
    public static Compiled compile(LoadedNetwork loaded, TargetSpec target, int threads, Expander.Progress progress) {
        var passes = Pipeline.SIMULATE.passes(target, new Pipeline.Options(threads, progress));
        CompilationUnit unit = PassManager.plain().run(passes, CompilationUnit.of(loaded)).unit();
        return new Compiled(unit.require(Stages.QUANTIZED), unit.require(Stages.ENCODED));
    }

    /**
     * The encoded stage, the hardware IR the map pipeline makes of it, the machine (placed and
     * routed, for a target with a chip mesh; else null), and each pass's figures.
     */
    public record Mapped(EncodedNetwork encoded, myelin.ir.hardware.HardwareNetwork hardware, MachineNetwork machine,
                  List<PassManager.PassStatistics> statistics) {}

    /**
     * Runs the map pipeline for a target, and place and route too where it has a chip mesh.
     * Without {@code keepEncoded} the encoded stage is let go (null in the result), so that
     * its tables (3 GB for the microcircuit) are free before the image is written.
     */
    public static Mapped map(LoadedNetwork loaded, TargetSpec target, int threads, Expander.Progress progress, boolean keepEncoded) {
        Pipeline pipeline = target.hasChipMesh() ? Pipeline.MACHINE : Pipeline.MAP;
        var passes = pipeline.passes(target, new Pipeline.Options(threads, progress));
        var result = PassManager.plain().run(passes, CompilationUnit.of(loaded));
        var unit = result.unit();
        return new Mapped(keepEncoded ? unit.require(Stages.ENCODED) : null, unit.require(Stages.PACKED), unit.get(Stages.ROUTED).orElse(null),
                result.statistics());
    }

    /**
     * The stages the float step model and the integer engine run on together: the quantized
     * stage, the expanded synapses (physical weights, for the float model) and the encoded stage.
     */
    public record Stepped(QuantizedNetwork quantized, ExpandedNetwork expanded, EncodedNetwork encoded) {}

    /** Quantize and expand, then encode keeping the expanded stage (encode consumes it in the simulate pipeline). */
    public static Stepped stepped(LoadedNetwork loaded, TargetSpec target) {
        CompilationUnit unit = quantizedAndExpanded(loaded, target);
        var encoded = PassManager.plain().run(List.of(new Encode()), unit).unit().require(Stages.ENCODED);
        return new Stepped(unit.require(Stages.QUANTIZED), unit.require(Stages.EXPANDED), encoded);
    }

    /** The float step model of the network quantized for a target (no encoding), and that quantization. */
    public record FloatStep(QuantizedNetwork quantized, FloatStepEngine engine) {}

    public static FloatStep floatStep(LoadedNetwork loaded, TargetSpec target) {
        CompilationUnit unit = quantizedAndExpanded(loaded, target);
        QuantizedNetwork q = unit.require(Stages.QUANTIZED);
        return new FloatStep(q, new FloatStepEngine(q, unit.require(Stages.EXPANDED)));
    }

    private static CompilationUnit quantizedAndExpanded(LoadedNetwork loaded, TargetSpec target) {
        return PassManager.plain().run(List.<myelin.passes.Pass<?>>of(new Quantize(target), new Expand(1, Expander.Progress.NONE)),
                CompilationUnit.of(loaded)).unit();
    }

    /**
     * The machine executor on the image of {@code machine} written to disk and read back, so that
     * it runs on nothing of this process's compilation (the image is read whole; its folder is gone after).
     */
    public static MachineExecutor fromImage(MachineNetwork machine) throws IOException {
        Path dir = Files.createTempDirectory("myelin-image-");
        try {
            MachineImage.write(machine, dir.resolve("image"));
            return new MachineExecutor(MachineImage.read(dir.resolve("image")));
        } finally {
            AtomicFiles.deleteTree(dir);
        }
    }

    /** The reference engine on the expanded network. */
    public static ReferenceEngine reference(Network net, ReferenceEngine.Precision precision, int threads, Expander.Progress progress) {
        return new ReferenceEngine(new Expander(threads, progress).expand(net), precision);
    }

    /** The integer engine; sources whose spikes nobody records deliver straight into their target (the same bits). */
    public static IntegerEngine engine(EncodedNetwork encoded, int threads, boolean[] observed) {
        IntegerEngine engine = new IntegerEngine(encoded, threads);
        boolean[] unobserved = new boolean[observed.length];
        for (int i = 0; i < observed.length; i++) unobserved[i] = !observed[i];
        engine.deliverUnobservedSourcesDirectly(unobserved);
        return engine;
    }

    /** Populations whose spikes are recorded: those with a 'spikes' record, or every non-source when none has. */
    public static boolean[] recordedSpikes(Network net) {
        List<Recording> recs = net.recordings().stream().filter(r -> r.variables().contains("spikes")).toList();
        boolean[] recorded = new boolean[net.populations().size()];
        for (int i = 0; i < recorded.length; i++) {
            var p = net.populations().get(i);
            recorded[i] = recs.isEmpty() ? !net.modelOf(p).isSource()
                    : recs.stream().anyMatch(r -> r.population().equals(p.name()));
        }
        return recorded;
    }

    /** Counts spikes per population and synaptic events, and keeps the chosen populations' spikes; for any engine. */
    public static final class Recorder implements Engine.Observer {
        public final long[] spikesPerPopulation;
        public final boolean[] recorded;
        public final SpikeTrain record = new SpikeTrain();
        public long synapticEvents;
        /** Out-degree of every neuron, per population: a spike of count c is c * degree events. */
        private final int[][] degree;

        public Recorder(Engine engine, boolean[] recorded) {
            this.spikesPerPopulation = new long[engine.populationCount()];
            this.recorded = recorded;
            this.degree = new int[engine.populationCount()][];
            for (int p = 0; p < degree.length; p++) {
                int[] d = new int[engine.populationSize(p)];
                for (int n = 0; n < d.length; n++) d[n] = engine.outDegree(p, n);
                degree[p] = d;
            }
        }

        /** Adds the spikes the engine delivered without listing them (one synapse each). */
        public void addUnlisted(Engine engine) {
            for (int p = 0; p < spikesPerPopulation.length; p++) {
                long direct = engine.unlistedSpikes(p);
                spikesPerPopulation[p] += direct;
                synapticEvents += direct;
            }
        }

        @Override
        public void afterStep(int step, SpikeTrain spikes) {
            for (int i = 0; i < spikes.size(); i++) {
                int p = spikes.population(i);
                int c = spikes.count(i);
                spikesPerPopulation[p] += c;
                synapticEvents += (long) c * degree[p][spikes.neuron(i)];
                if (recorded[p]) record.add(spikes, i);
            }
        }
    }

    public static List<String> profileNames() {
        return Profile.all().stream().map(Profile::name).toList();
    }
}
