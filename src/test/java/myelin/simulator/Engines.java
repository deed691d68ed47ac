package myelin.simulator;

import java.util.ArrayList;
import java.util.List;
import myelin.frontend.SnnFrontend;
import myelin.ir.encoded.EncodedNetwork;
import myelin.ir.integer.Profile;
import myelin.ir.network.Network;
import myelin.ir.target.TargetSpec;
import myelin.passes.CompilationUnit;
import myelin.passes.PassManager;
import myelin.passes.Pipeline;
import myelin.passes.Stages;

/** Test helpers: build an engine from .snn text through the simulate pipeline, and record what it does. */
public final class Engines {
    private Engines() {}

    /** The encoded stage of a network, as the simulate pipeline makes it. */
    public static EncodedNetwork encode(Network net, Profile profile) {
        var passes = Pipeline.SIMULATE.passes(TargetSpec.SIMULATION.withProfile(profile));
        return PassManager.plain().run(passes, CompilationUnit.of(net)).unit().require(Stages.ENCODED);
    }

    static IntegerEngine engine(String snn, Profile profile) {
        return engine(SnnFrontend.parse("<test>", snn), profile, 1);
    }

    /** An engine on {@code threads} threads, however small the network. */
    public static IntegerEngine engine(Network net, Profile profile, int threads) {
        return new IntegerEngine(encode(net, profile), threads, 1);
    }

    /** Every spike of a run, and the final v of every neuron that has one ("population/neuron=v"). */
    record Trace(SpikeTrain spikes, List<String> finalVoltages) {
        /** The same trace without the spikes of the marked populations. */
        Trace without(boolean[] populations) {
            SpikeTrain kept = new SpikeTrain();
            for (int i = 0; i < spikes.size(); i++) if (!populations[spikes.population(i)]) kept.add(spikes, i);
            return new Trace(kept, finalVoltages);
        }

        long spikesOf(int population) {
            long sum = 0;
            for (int i = 0; i < spikes.size(); i++) if (spikes.population(i) == population) sum += spikes.count(i);
            return sum;
        }
    }

    /** Runs with an observer of the state. */
    static Trace run(IntegerEngine engine, int steps) {
        return run(engine, steps, true);
    }

    /** As run, with an observer of the spikes only (the threads then meet once a step). */
    static Trace runSpikesOnly(IntegerEngine engine, int steps) {
        return run(engine, steps, false);
    }

    private static Trace run(IntegerEngine engine, int steps, boolean readsState) {
        SpikeTrain all = new SpikeTrain();
        engine.run(steps, (step, spikes) -> {
            for (int i = 0; i < spikes.size(); i++) all.add(spikes, i);
        }, readsState);
        List<String> voltages = new ArrayList<>();
        for (int p = 0; p < engine.populationCount(); p++) {
            for (int n = 0; n < engine.populationSize(p); n++) {
                var v = engine.state(p, "v", n);
                if (v.isPresent()) voltages.add(p + "/" + n + "=" + (long) v.getAsDouble());
            }
        }
        return new Trace(all, voltages);
    }

    /** Fails at the first spike where two traces differ (step, population, neuron, both counts), or the first final v. */
    static void assertSameTrace(Trace expected, Trace actual, String what) {
        SpikeTrain a = expected.spikes();
        SpikeTrain b = actual.spikes();
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            if (!a.sameEntry(i, b, i)) {
                throw new AssertionError(what + ": spike entry " + i + " differs: expected " + entry(a, i) + ", got " + entry(b, i));
            }
        }
        if (a.size() != b.size()) {
            throw new AssertionError(what + ": " + a.size() + " spike entries expected, " + b.size() + " got; first extra: "
                    + (a.size() > n ? entry(a, n) : entry(b, n)));
        }
        List<String> x = expected.finalVoltages();
        List<String> y = actual.finalVoltages();
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            if (!x.get(i).equals(y.get(i))) throw new AssertionError(what + ": final v differs: expected " + x.get(i) + ", got " + y.get(i));
        }
        if (x.size() != y.size()) throw new AssertionError(what + ": " + x.size() + " final voltages expected, " + y.size() + " got");
    }

    static String entry(SpikeTrain t, int i) {
        return "step " + t.step(i) + ", population " + t.population(i) + ", neuron " + t.neuron(i) + ", count " + t.count(i);
    }

    /** v of neuron 0 of a population after each step. */
    static int[] voltageTrace(IntegerEngine engine, int population, int steps) {
        int[] v = new int[steps];
        engine.run(steps, (step, spikes) -> v[step] = (int) engine.state(population, "v", 0).orElseThrow(), true);
        return v;
    }
}
