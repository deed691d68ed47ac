package myelin.cli;

import myelin.api.EngineComparison;
import myelin.api.Simulations;
import myelin.api.SpikeCsv;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import myelin.ir.integer.Profile;
import myelin.ir.network.LoadedNetwork;
import myelin.ir.network.Network;
import myelin.ir.target.TargetSpec;
import myelin.simulator.IntegerEngine;
import myelin.simulator.reference.ReferenceEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "simulate", description = "Simulate a network on the integer-exact engine or the floating-point reference, "
        + "or compare the two.")
final class SimulateCommand implements Callable<Integer> {
    enum Engine { exact, reference }

    @picocli.CommandLine.Mixin
    NetworkFile file;

    @Option(names = "--steps", required = true, paramLabel = "N", description = "timesteps to simulate")
    int steps;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "exact",
            description = "exact (the integer model) or reference (floating point, ND4J) (default: ${DEFAULT-VALUE})")
    Engine engine;

    @Option(names = "--compare", description = "run both engines and compare their spikes")
    boolean compare;

    @Option(names = "--precision", paramLabel = "P", defaultValue = "float64",
            description = "the reference engine's precision: float64 or float32 (default: ${DEFAULT-VALUE})")
    String precisionName;

    @picocli.CommandLine.Mixin
    TargetOption target;

    @Option(names = "--input", paramLabel = "FILE", description = "extra input spikes (CSV: step,population,neuron)")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the recorded spikes here (CSV: step,population,neuron)")
    Path output;

    @Option(names = "--raster", paramLabel = "PNG", description = "draw a spike raster of the recorded populations")
    Path raster;

    @Option(names = "--record", paramLabel = "VAR", split = ",",
            description = "state variables to trace (v, i_NAME) in every population that has them; record statements add theirs")
    List<String> record = List.of();

    @Option(names = "--trace", paramLabel = "FILE",
            description = "write traced state here (CSV: step,population,neuron,variable,integer,value,unit; "
                    + "the reference engine leaves integer empty)")
    Path trace;

    @picocli.CommandLine.Mixin
    ThreadsOption threads;

    @Spec
    CommandSpec spec;

    /** What one engine's run gives the summary. */
    private record Run(Simulations.Recorder recorder, double seconds, String description) {}

    @Override
    public Integer call() throws Exception {
        CommandLine cli = spec.commandLine();
        if (steps < 1) throw new CommandLine.ParameterException(cli, "--steps must be at least 1");
        ReferenceEngine.Precision precision = switch (precisionName) {
            case "float64" -> ReferenceEngine.Precision.FLOAT64;
            case "float32" -> ReferenceEngine.Precision.FLOAT32;
            default -> throw new CommandLine.ParameterException(cli, "unknown precision '" + precisionName + "' (float64 or float32)");
        };
        PrintWriter out = cli.getOut();
        PrintWriter err = cli.getErr();
        if (!record.isEmpty() && trace == null) throw new CommandLine.ParameterException(cli, "--record needs --trace FILE for the values");
        if (trace != null && compare) throw new CommandLine.ParameterException(cli, "--trace records one engine: it does not go with --compare");
        LoadedNetwork loaded = file.load(err);
        Network net = loaded.network();
        for (String var : record) {
            if (net.populations().stream().noneMatch(p -> net.modelOf(p).stateVariables().contains(var))) {
                throw new CommandLine.ParameterException(cli, "--record " + var + ": no population has a variable '"
                        + var + "' (variables are v and i_<synapse type>)");
            }
        }
        var inputs = input == null ? List.<SpikeCsv.Spike>of() : SpikeCsv.read(input, net, steps);

        boolean[] recorded = compare ? all(net) : Simulations.recordedSpikes(net);
        Run exact = compare || engine == Engine.exact ? runExact(loaded, target.resolve(loaded), inputs, recorded) : null;
        Run reference = compare || engine == Engine.reference ? runReference(net, precision, inputs, recorded) : null;
        Run shown = exact != null ? exact : reference;

        if (output != null) SpikeCsv.writeTo(output, shown.recorder().record, net);
        if (raster != null) Rasters.write(raster, net, shown.recorder().record, shown.recorder().recorded, steps);

        double bio = steps * net.timestep();
        for (Run run : compare ? List.of(exact, reference) : List.of(shown)) {
            out.printf(Locale.ROOT, "%s: %d steps (%.4g s of network time) in %.3f s on the %s%n", file.path, steps, bio,
                    run.seconds(), run.description());
        }
        String latency = NetworkFile.latency(loaded);
        if (!latency.isEmpty()) out.println("  steps behind the NIR graph: " + latency);
        if (compare) {
            EngineComparison.print(out, net, "exact", exact.recorder().record, "reference", reference.recorder().record);
        } else {
            for (int i = 0; i < net.populations().size(); i++) {
                var p = net.populations().get(i);
                long spikes = shown.recorder().spikesPerPopulation[i];
                out.printf(Locale.ROOT, "  %-16s %10d spikes  %9.3f Hz%n", p.name(), spikes, spikes / (p.size() * bio));
            }
        }
        if (output != null) out.println("spikes written to " + output + (compare ? " (exact engine)" : ""));
        if (raster != null) out.println("raster written to " + raster + (compare ? " (exact engine)" : ""));
        if (trace != null) out.println("trace written to " + trace);
        out.flush();
        return 0;
    }

    /** Runs the steps with the recorder, the trace (published only on success) and a progress bar; returns seconds. */
    private double timed(String engineName, myelin.simulator.Engine engine, Simulations.Recorder recorder, TraceWriter tracer)
            throws java.io.IOException {
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), compare ? "simulating (" + engineName + ")" : "simulating");
        long start = System.nanoTime();
        double seconds;
        try (tracer) {
            // Without a trace nothing reads the state: a parallel engine's threads then meet once a step.
            engine.run(steps, (step, spikes) -> {
                recorder.afterStep(step, spikes);
                if (tracer != null) tracer.afterStep(step);
                if ((step & 63) == 0) bar.update(step, this.steps);
            }, tracer != null);
            seconds = (System.nanoTime() - start) / 1e9;
            if (tracer != null) tracer.commit();
        }
        bar.finish();
        recorder.addUnlisted(engine);
        return seconds;
    }

    private static boolean[] all(Network net) {
        boolean[] all = new boolean[net.populations().size()];
        java.util.Arrays.fill(all, true);
        return all;
    }

    private Run runExact(LoadedNetwork loaded, TargetSpec spec, List<SpikeCsv.Spike> inputs, boolean[] recorded) throws Exception {
        PrintWriter err = this.spec.commandLine().getErr();
        Path at = file.path;
        ProgressBar expanding = new ProgressBar(err, "expanding");
        Simulations.Compiled compiled = Simulations.compile(loaded, spec, threads.threads(), expanding);
        expanding.finish();
        compiled.quantized().report().warnings().forEach(w -> err.println(at + ": warning: " + w));
        Profile profile = spec.profile();
        long zeros = compiled.encoded().weightsRoundedToZero();
        if (zeros > 0) err.println(at + ": warning: " + zeros + " non-zero weights round to zero in profile " + profile.name());
        file.timestepHint(loaded, zeros, compiled.encoded().synapseCount()).ifPresent(h -> err.println(at + ": note: " + h));
        IntegerEngine e = Simulations.engine(compiled.encoded(), threads.threads(), recorded);
        for (var s : inputs) e.inject(s.population(), s.neuron(), s.step());
        var recorder = new Simulations.Recorder(e, recorded);
        double seconds = timed("exact", e, recorder, trace == null ? null : TraceWriter.open(trace, loaded.network(), compiled.quantized(), record, e));
        if (e.saturations() > 0) {
            err.println(at + ": warning: a current or v saturated at its width (" + profile.stateBits() + " bits, an IF's v "
                    + profile.integratorBits() + ") in "
                    + e.saturations() + " population updates (" + FidelityCommand.byName(e.saturationsByPopulation()) + "; see 'myelin ir " + at
                    + " --pipeline quantize --report')");
        }
        String target = spec.name().equals(TargetSpec.SIMULATION.name()) ? "" : ", target " + spec.name();
        return new Run(recorder, seconds, String.format(Locale.ROOT, "exact engine%s, profile %s, %d thread%s", target, profile.name(),
                e.threads(), e.threads() == 1 ? "" : "s"));
    }

    private Run runReference(Network net, ReferenceEngine.Precision precision, List<SpikeCsv.Spike> inputs, boolean[] recorded)
            throws java.io.IOException {
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar expanding = new ProgressBar(err, "expanding");
        ReferenceEngine e = Simulations.reference(net, precision, threads.threads(), expanding);
        expanding.finish();
        for (var s : inputs) e.inject(s.population(), s.neuron(), s.step());
        var recorder = new Simulations.Recorder(e, recorded);
        double seconds = timed("reference", e, recorder, trace == null ? null : TraceWriter.open(trace, net, record, e));
        return new Run(recorder, seconds, "reference engine, " + precisionName + " (ND4J)");
    }
}
