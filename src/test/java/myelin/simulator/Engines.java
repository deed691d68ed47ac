package myelin.simulator;

import java.util.ArrayList;
import java.util.List;
import myelin.frontend.SnnFrontend;
import myelin.ir.integer.Profile;
import myelin.ir.integer.QuantizedNetwork;
import myelin.ir.network.Network;
import myelin.ir.synapses.Expander;
import myelin.passes.CompilationUnit;
import myelin.passes.PassManager;
import myelin.passes.Pipeline;

/** Test helpers: build an engine from .snn text and record what it does. */
final class Engines {
    private Engines() {}

    static QuantizedNetwork quantize(Network net, Profile profile) {
        CompilationUnit unit = new CompilationUnit(net);
        PassManager.plain().run(Pipeline.QUANTIZE.passes(profile), unit);
        return unit.quantized().orElseThrow();
    }

    static IntegerEngine engine(String snn, Profile profile) {
        return engine(SnnFrontend.parse("<test>", snn), profile, 1);
    }

    static IntegerEngine engine(Network net, Profile profile, int threads) {
        QuantizedNetwork q = quantize(net, profile);
        return new IntegerEngine(q, Expander.sequential().expand(net), threads, 1);
    }

    /** One spike: step, population index, neuron, count. */
    record Spike(int step, int population, int neuron, int count) {}

    /** Runs with an observer of the state and returns every spike plus the final v of every neuron that has one. */
    static List<Object> run(IntegerEngine engine, int steps) {
        List<Object> trace = new ArrayList<>();
        engine.run(steps, (step, spikes, e) -> record(trace, step, spikes));
        return withFinalVoltages(trace, engine);
    }

    /** As run, with an observer of the spikes only (the threads then meet once a step). */
    static List<Object> runSpikesOnly(IntegerEngine engine, int steps) {
        List<Object> trace = new ArrayList<>();
        engine.run(steps, (step, spikes) -> record(trace, step, spikes));
        return withFinalVoltages(trace, engine);
    }

    private static void record(List<Object> trace, int step, SpikeBuffer spikes) {
        for (int i = 0; i < spikes.size(); i++) {
            trace.add(new Spike(step, spikes.population(i), spikes.neuron(i), spikes.count(i)));
        }
    }

    private static List<Object> withFinalVoltages(List<Object> trace, IntegerEngine engine) {
        for (int p = 0; p < engine.populationCount(); p++) {
            for (int n = 0; n < engine.populationSize(p); n++) {
                var v = engine.state(p, "v", n);
                if (v.isPresent()) trace.add(p + "/" + n + "=" + v.getAsInt());
            }
        }
        return trace;
    }

    /** Fails at the first entry where two traces differ (a spike as step, population, neuron, count; or a final v), naming both. */
    static void assertSameTrace(List<Object> expected, List<Object> actual, String what) {
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                throw new AssertionError(what + ": entry " + i + " differs: expected " + expected.get(i) + ", got " + actual.get(i));
            }
        }
        if (expected.size() != actual.size()) {
            throw new AssertionError(what + ": " + expected.size() + " entries expected, " + actual.size() + " got; first extra: "
                    + (expected.size() > n ? expected.get(n) : actual.get(n)));
        }
    }

    /** v of neuron 0 of population 1 after each step. */
    static int[] voltageTrace(IntegerEngine engine, int population, int steps) {
        int[] v = new int[steps];
        engine.run(steps, (step, spikes, e) -> v[step] = e.state(population, "v", 0).orElseThrow());
        return v;
    }
}
