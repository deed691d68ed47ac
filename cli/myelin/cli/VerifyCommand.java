package myelin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import myelin.ir.network.LoadedNetwork;
import myelin.ir.network.Network;
import myelin.ir.target.TargetSpec;
import myelin.simulator.CoreExecutor;
import myelin.simulator.Engine;
import myelin.simulator.IntegerEngine;
import myelin.simulator.SpikeTrain;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "verify", description = {"Map a network onto a target and run the mapping on the core-level executor, which reads",
        "only the hardware IR, against the integer engine: exit 0 when every spike is equal, 3 and the first differing spike otherwise."})
final class VerifyCommand implements Callable<Integer> {
    static final int MISMATCH = 3;

    @picocli.CommandLine.Mixin
    NetworkFile file;

    @picocli.CommandLine.Mixin
    TargetOption target;

    @Option(names = "--steps", required = true, paramLabel = "N", description = "timesteps to run")
    int steps;

    @Option(names = "--input", paramLabel = "FILE", description = "extra input spikes (CSV: step,population,neuron)")
    Path input;

    @picocli.CommandLine.Mixin
    ThreadsOption threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandLine cli = spec.commandLine();
        if (steps < 1) throw new CommandLine.ParameterException(cli, "--steps must be at least 1");
        PrintWriter out = cli.getOut();
        PrintWriter err = cli.getErr();
        LoadedNetwork loaded = file.load(err);
        Network net = loaded.network();
        var inputs = input == null ? List.<SpikeCsv.Spike>of() : SpikeCsv.read(input, net, steps);
        TargetSpec t = target.resolveHardware(loaded);
        ProgressBar bar = new ProgressBar(err, "mapping");
        var mapped = Simulations.map(loaded, t, threads.threads(), bar);
        bar.finish();
        // One thread: the engine then shares the encoded tables instead of copying a slice per thread.
        IntegerEngine golden = new IntegerEngine(mapped.encoded(), 1);
        CoreExecutor executor = new CoreExecutor(mapped.hardware());
        for (var s : inputs) {
            golden.inject(s.population(), s.neuron(), s.step());
            executor.inject(s.population(), s.neuron(), s.step());
        }
        long t0 = System.nanoTime();
        SpikeTrain expected = run(golden, "integer engine");
        long t1 = System.nanoTime();
        SpikeTrain actual = run(executor, "core executor");
        long t2 = System.nanoTime();
        long spikes = 0;
        for (int i = 0; i < expected.size(); i++) spikes += expected.count(i);
        out.printf(Locale.ROOT, "%s on %s: %d steps, %d spikes on the integer engine (%.2f s); the core executor read %d block rows, "
                + "%d of them for %d packets from delay extensions (%.2f s)%n", file.path, t.name(), steps, spikes, (t1 - t0) / 1e9,
                executor.rowReads(), executor.extensionRowReads(), executor.extensionPackets(), (t2 - t1) / 1e9);
        int code = verdict(out, net, expected, actual);
        out.flush();
        return code;
    }

    /** Prints whether the executor's spikes equal the engine's, or the first that differs; returns the exit code. */
    static int verdict(PrintWriter out, Network net, SpikeTrain expected, SpikeTrain actual) {
        var first = EngineComparison.firstDifference(expected, actual);
        if (first.isEmpty()) {
            out.println("verified: the core executor's spikes equal the integer engine's");
            return 0;
        }
        var d = first.get();
        out.printf(Locale.ROOT, "MISMATCH: first differing spike at step %d, population %s, neuron %d: integer engine %d spike(s), "
                + "core executor %d%n", d.step(), net.populations().get(d.population()).name(), d.neuron(), d.countA(), d.countB());
        return MISMATCH;
    }

    private SpikeTrain run(Engine engine, String name) {
        SpikeTrain all = new SpikeTrain();
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "running the " + name);
        engine.run(steps, (step, spikes) -> {
            for (int i = 0; i < spikes.size(); i++) all.add(spikes, i);
            if ((step & 15) == 0) bar.update(step, steps);
        }, false);
        bar.finish();
        return all;
    }
}
