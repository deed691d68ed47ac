package myelin.cli;

import myelin.api.EngineComparison;
import myelin.api.Simulations;
import myelin.api.SpikeCsv;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import myelin.ir.network.LoadedNetwork;
import myelin.ir.network.Network;
import myelin.ir.target.TargetSpec;
import myelin.backends.verilog.RtlSimulator;
import myelin.simulator.CoreExecutor;
import myelin.simulator.Engine;
import myelin.simulator.IntegerEngine;
import myelin.simulator.MachineExecutor;
import myelin.simulator.SpikeTrain;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "verify", description = {"Map a network onto a target and check the result against the integer engine.",
        "On a SpiNNaker-style target the machine executor runs the emitted image (read back from disk, packets routed through",
        "the chips' tables); on others the core-level executor runs the hardware IR. Exit 0 when every spike is equal, 3 and",
        "the first differing spike otherwise."})
final class VerifyCommand implements Callable<Integer> {
    static final int MISMATCH = Main.MISMATCH;

    @picocli.CommandLine.Mixin
    NetworkFile file;

    @picocli.CommandLine.Mixin
    TargetOption target;

    @Option(names = "--steps", required = true, paramLabel = "N", description = "timesteps to run")
    int steps;

    @Option(names = "--input", paramLabel = "FILE", description = "extra input spikes (CSV: step,population,neuron)")
    Path input;

    @Option(names = "--sim", paramLabel = "SIM", defaultValue = "verilator",
            description = "the RTL simulator on an fpga target: verilator (default), icarus, or netlist (the Yosys iCE40 netlist under Icarus)")
    String sim;

    @picocli.CommandLine.Mixin
    RtlOptions rtl;

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
        TargetSpec t = rtl.target(target.resolveHardware(loaded), cli);
        if (rtl.netlist != null) return verifyNetlist(loaded, t, inputs, out);
        ProgressBar bar = new ProgressBar(err, "mapping");
        var mapped = Simulations.map(loaded, t, threads.threads(), bar, true);
        bar.finish();
        // One thread: the engine then shares the encoded tables instead of copying a slice per thread.
        IntegerEngine golden = new IntegerEngine(mapped.encoded(), 1);
        for (var s : inputs) golden.inject(s.population(), s.neuron(), s.step());
        long t0 = System.nanoTime();
        SpikeTrain expected = run(golden, "integer engine");
        long t1 = System.nanoTime();
        long spikes = 0;
        for (int i = 0; i < expected.size(); i++) spikes += expected.count(i);
        out.printf(Locale.ROOT, "%s on %s: %d steps, %d spikes on the integer engine (%.2f s)%n", file.path, t.name(), steps, spikes,
                (t1 - t0) / 1e9);
        SpikeTrain actual;
        String checked = mapped.machine() == null ? "core executor" : "machine executor";
        if (t.emitsVerilog()) {
            RtlSimulator.Kind kind = simulator(cli);
            var hw = mapped.hardware();
            actual = RtlVerification.run(dir -> RtlFiles.write(hw, dir, rtl.templates), net, kind, inputs, steps, out);
            checked = kind.description();
        } else if (mapped.machine() == null) {
            CoreExecutor executor = new CoreExecutor(mapped.hardware());
            for (var s : inputs) executor.inject(s.population(), s.neuron(), s.step());
            actual = run(executor, "core executor");
            out.printf(Locale.ROOT, "  the core executor read %d block rows, %d of them for %d packets from delay extensions (%.2f s)%n",
                    executor.rowReads(), executor.extensionRowReads(), executor.extensionPackets(), (System.nanoTime() - t1) / 1e9);
        } else {
            MachineExecutor executor = Simulations.fromImage(mapped.machine());
            for (var s : inputs) executor.inject(s.population(), s.neuron(), s.step());
            actual = run(executor, "machine executor");
            out.printf(Locale.ROOT, "  the machine executor ran the image: %d packets, %.1f a step, %d link hops, %.1f a step (%.2f s)%n",
                    executor.packets(), (double) executor.packets() / steps, executor.hops(), (double) executor.hops() / steps,
                    (System.nanoTime() - t1) / 1e9);
        }
        int code = verdict(out, net, expected, actual, checked);
        out.flush();
        return code;
    }

    /** The threshold-logic netlist under the chosen simulator against the integer engine. */
    private int verifyNetlist(LoadedNetwork loaded, TargetSpec t, List<SpikeCsv.Spike> inputs, PrintWriter out) throws Exception {
        Network net = loaded.network();
        var mapped = ThresholdNetlists.map(loaded, t, threads.threads());
        ThresholdNetlists.checkInputs(mapped.encoded(), inputs, file.path.toString());
        IntegerEngine golden = new IntegerEngine(mapped.encoded(), 1);
        for (var s : inputs) golden.inject(s.population(), s.neuron(), s.step());
        SpikeTrain expected = run(golden, "integer engine");
        out.printf(Locale.ROOT, "%s as %d threshold-logic cells (%s, depth %d): %d steps%n", file.path, mapped.netlist().cells().size(),
                mapped.library().name(), mapped.netlist().depth(), steps);
        RtlSimulator.Kind kind = simulator(spec.commandLine());
        SpikeTrain actual = RtlVerification.run(dir -> ThresholdNetlists.writeDesign(mapped, dir, rtl.templates), net, kind, inputs, steps, out);
        int code = verdict(out, net, expected, actual, "netlist " + kind.description());
        out.flush();
        return code;
    }

    private RtlSimulator.Kind simulator(CommandLine cli) {
        for (RtlSimulator.Kind k : RtlSimulator.Kind.values()) {
            if (k.option().equals(sim)) return k;
        }
        throw new CommandLine.ParameterException(cli, "--sim must be verilator, icarus or netlist, not '" + sim + "'");
    }

    /** Prints whether the executor's spikes equal the engine's, or the first that differs; returns the exit code. */
    static int verdict(PrintWriter out, Network net, SpikeTrain expected, SpikeTrain actual, String executor) {
        var first = EngineComparison.firstDifference(expected, actual);
        if (first.isEmpty()) {
            out.println("verified: the " + executor + "'s spikes equal the integer engine's");
            return 0;
        }
        var d = first.get();
        out.printf(Locale.ROOT, "MISMATCH: first differing spike at step %d, population %s, neuron %d: integer engine %d spike(s), "
                + "%s %d%n", d.step(), net.populations().get(d.population()).name(), d.neuron(), d.countA(), executor, d.countB());
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
