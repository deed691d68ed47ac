package myelin.api;

import java.io.IOException;
import java.nio.file.Path;
import myelin.frontend.NetworkLoader;
import myelin.ir.network.LoadedNetwork;
import myelin.ir.network.Network;
import myelin.ir.synapses.Expander;
import myelin.ir.target.TargetSpec;
import myelin.simulator.CoreExecutor;
import myelin.simulator.Engine;
import myelin.simulator.FloatStepEngine;
import myelin.simulator.IntegerEngine;
import myelin.simulator.SpikeTrain;

/**
 * One network run as a build or a regression test asks for it: the file (.snn or .nir), the
 * NIR timestep, the target and profile, and the input spikes. Errors in the files are
 * {@link myelin.ir.diag.InputException}s with their places; a wrong name is a {@link UsageException}.
 */
public final class Simulation {
    private final Path file;
    private double dt = NetworkLoader.DEFAULT_NIR_TIMESTEP;
    private String target;
    private String profile;
    private Path input;
    private LoadedNetwork loaded;

    private Simulation(Path file) {
        this.file = file;
    }

    public static Simulation of(Path file) {
        return new Simulation(file);
    }

    /** The timestep a .nir file is discretised at, in seconds (NIR stores none). */
    public Simulation dt(double seconds) {
        if (!(seconds > 0) || !Double.isFinite(seconds)) throw new UsageException("the timestep must be a positive number of seconds, got " + seconds);
        this.dt = seconds;
        this.loaded = null;
        return this;
    }

    /** A built-in target or a target block of the network; without one, the simulation target. */
    public Simulation target(String name) {
        this.target = name;
        return this;
    }

    /** An integer profile instead of the target's (default, loihi). */
    public Simulation profile(String name) {
        this.profile = name;
        return this;
    }

    /** Input spikes (CSV: step,population,neuron), or null for none. */
    public Simulation input(Path spikes) {
        this.input = spikes;
        return this;
    }

    public Path file() {
        return file;
    }

    /** The network as read, loaded once. */
    public LoadedNetwork loaded() {
        if (loaded == null) loaded = NetworkLoader.load(file, dt);
        return loaded;
    }

    /** Reads a golden spike file of this network (see {@link SpikeRecord}). */
    public SpikeRecord golden(Path file) {
        return SpikeRecord.read(file, loaded().network());
    }

    /** The integer engine's spikes over {@code steps} steps: the golden model every target is checked against. */
    public SpikeRecord run(int steps) {
        TargetSpec spec = Targets.resolve(loaded(), target, null, profile);
        var compiled = Simulations.compile(loaded(), spec, 1, Expander.Progress.NONE);
        return record(new IntegerEngine(compiled.encoded(), 1), steps);
    }

    /**
     * The spikes of the target's executor: the network mapped onto the hardware target
     * (spinnaker1 without one), run by the core-level executor, or on a target with a chip
     * mesh by the machine executor on the image written to disk and read back.
     */
    public SpikeRecord runOnTarget(int steps) throws IOException {
        TargetSpec spec = Targets.resolveHardware(loaded(), target, null, profile);
        var mapped = Simulations.map(loaded(), spec, 1, Expander.Progress.NONE, false);
        return record(mapped.machine() == null ? new CoreExecutor(mapped.hardware()) : Simulations.fromImage(mapped.machine()), steps);
    }

    /**
     * The quantization loss on this input: the relative squared van Rossum distance between the
     * integer engine and the float step model (same step order, real-valued state) over every
     * population that is not a source (0 when the float model spikes nowhere).
     */
    public double quantizationLoss(int steps) {
        var stages = Simulations.stepped(loaded(), Targets.resolve(loaded(), target, null, profile));
        SpikeTrain integer = record(new IntegerEngine(stages.encoded(), 1), steps).train();
        SpikeTrain floating = record(new FloatStepEngine(stages.quantized(), stages.expanded()), steps).train();
        Network net = loaded().network();
        return EngineComparison.relativeSquared(integer, floating, sources(net));
    }

    private static boolean[] sources(Network net) {
        boolean[] sources = new boolean[net.populations().size()];
        for (int p = 0; p < sources.length; p++) sources[p] = net.modelOf(net.populations().get(p)).isSource();
        return sources;
    }

    private SpikeRecord record(Engine engine, int steps) {
        if (steps < 1) throw new UsageException("a run needs at least 1 step, got " + steps);
        Network net = loaded().network();
        if (input != null) for (var s : SpikeCsv.read(input, net, steps)) engine.inject(s.population(), s.neuron(), s.step());
        var recorder = new Simulations.Recorder(engine, Simulations.recordedSpikes(net));
        engine.run(steps, recorder, false);
        return new SpikeRecord(net, steps, recorder.record);
    }
}
