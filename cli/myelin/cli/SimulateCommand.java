package myelin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import myelin.frontend.NetworkLoader;
import myelin.ir.integer.Profile;
import myelin.ir.integer.QuantizedNetwork;
import myelin.ir.network.Network;
import myelin.simulator.IntegerEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "simulate", description = "Simulate a network on the integer-exact engine and report its spikes.")
final class SimulateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "a .snn file")
    Path file;

    @Option(names = "--steps", required = true, paramLabel = "N", description = "timesteps to simulate")
    int steps;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "default",
            description = "integer profile: default or loihi (default: ${DEFAULT-VALUE})")
    String profileName;

    @Option(names = "--input", paramLabel = "FILE", description = "extra input spikes (CSV: step,population,neuron)")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the recorded spikes here (CSV: step,population,neuron)")
    Path output;

    @Option(names = "--raster", paramLabel = "PNG", description = "draw a spike raster of the recorded populations")
    Path raster;

    @Option(names = "--record", paramLabel = "VAR", split = ",",
            description = "state variables to trace (v, i_NAME) in every population that has them; record statements add theirs")
    java.util.List<String> record = java.util.List.of();

    @Option(names = "--trace", paramLabel = "FILE",
            description = "write traced state here (CSV: step,population,neuron,variable,integer,value,unit)")
    Path trace;

    @picocli.CommandLine.Mixin
    ThreadsOption threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (steps < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--steps must be at least 1");
        Profile profile = Profile.named(profileName).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "unknown profile '" + profileName + "' (profiles: " + String.join(", ", Simulations.profileNames()) + ")"));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!record.isEmpty() && trace == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--record needs --trace FILE for the values");
        }
        Network net = NetworkLoader.load(file);
        for (String var : record) {
            boolean known = net.populations().stream().anyMatch(p -> net.modelOf(p).stateVariables().contains(var));
            if (!known) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--record " + var + ": no population has a variable '"
                        + var + "' (variables are v and i_<synapse type>)");
            }
        }
        var inputs = input == null ? java.util.List.<SpikeCsv.Spike>of() : SpikeCsv.read(input, net, steps);
        QuantizedNetwork q = Simulations.quantize(net, profile, file);
        q.report().warnings().forEach(w -> err.println(file + ": warning: " + w));

        ProgressBar expanding = new ProgressBar(err, "expanding");
        IntegerEngine engine = Simulations.engine(q, threads.threads(), expanding);
        expanding.finish();
        if (engine.weightsRoundedToZero() > 0) {
            err.println(file + ": warning: " + engine.weightsRoundedToZero() + " non-zero weights round to zero in profile " + profile.name());
        }
        for (var s : inputs) engine.inject(s.population(), s.neuron(), s.step());

        var recorder = new Simulations.Recorder(engine, Simulations.recordedSpikes(net));
        ProgressBar bar = new ProgressBar(err, "simulating");
        long start = System.nanoTime();
        double seconds;
        try (TraceWriter tracer = trace == null ? null : TraceWriter.open(trace, q, record)) {
            engine.run(steps, (step, spikes, e) -> {
                recorder.afterStep(step, spikes, e);
                if (tracer != null) tracer.afterStep(step, spikes, e);
                if ((step & 63) == 0) bar.update(step, steps);
            });
            seconds = (System.nanoTime() - start) / 1e9;
            if (tracer != null) tracer.commit();
        }
        bar.finish();
        if (engine.saturations() > 0) {
            err.println(file + ": warning: a current or v saturated at the " + profile.stateBits() + "-bit state width in "
                    + engine.saturations() + " population updates (see 'myelin ir " + file + " --pipeline quantize --report')");
        }

        if (output != null) SpikeCsv.writeTo(output, recorder.record, net);
        if (raster != null) Rasters.write(raster, net, recorder.record, recorder.recorded, steps);

        double bio = steps * net.timestep();
        out.printf(Locale.ROOT, "%s: %d steps (%.4g s of network time) in %.3f s, profile %s, %d thread%s%n", file, steps, bio,
                seconds, profile.name(), engine.threads(), engine.threads() == 1 ? "" : "s");
        for (int i = 0; i < net.populations().size(); i++) {
            var p = net.populations().get(i);
            out.printf(Locale.ROOT, "  %-16s %10d spikes  %9.3f Hz%n", p.name(), recorder.spikesPerPopulation[i],
                    recorder.spikesPerPopulation[i] / (p.size() * bio));
        }
        if (output != null) out.println("spikes written to " + output);
        if (raster != null) out.println("raster written to " + raster);
        if (trace != null) out.println("trace written to " + trace);
        out.flush();
        return 0;
    }
}
