package myelin.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import myelin.ir.RandomNetworks;
import myelin.ir.diag.InputException;
import myelin.ir.integer.Profile;
import myelin.ir.network.Network;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The engine gives the same bits on any thread count, its SIMD kernel equals its scalar path,
 * and sources delivering directly change nothing but the spike lists.
 */
class EngineProperties {
    @Provide
    Arbitrary<Network> networks() {
        return Arbitraries.randomValue(RandomNetworks::generate);
    }

    private static Engines.Trace run(Network net, int threads) {
        return run(net, threads, false);
    }

    private static Engines.Trace run(Network net, int threads, boolean spikesOnly) {
        try {
            IntegerEngine engine = Engines.engine(net, Profile.DEFAULT, threads);
            return spikesOnly ? Engines.runSpikesOnly(engine, 60) : Engines.run(engine, 60);
        } catch (InputException e) {
            Assume.that(false); // not quantizable in this profile (e.g. a rate too high for the step)
            return null;
        }
    }

    @Property(tries = 150)
    void sameSpikesAndStateOnAnyThreadCount(@ForAll("networks") Network net) {
        Engines.Trace one = run(net, 1);
        Engines.assertSameTrace(one, run(net, 2), "2 threads");
        Engines.assertSameTrace(one, run(net, 3), "3 threads");
        // An observer of spikes alone lets the threads meet once a step.
        Engines.assertSameTrace(one, run(net, 2, true), "2 threads, spikes only");
        Engines.assertSameTrace(one, run(net, 3, true), "3 threads, spikes only");
    }

    /**
     * One thread owns one target population, sparsely connected, the other three dense ones: the
     * second's buckets have many times the segments, so the first fires into some of them
     * (ArrivalRows.writers).
     */
    @Example
    void threadsFillEachOthersBuckets() {
        Network net = myelin.frontend.SnnFrontend.parse("<test>", """
                network cross {
                  timestep = 0.1 ms;
                  seed = 3;
                  population src : poisson [400] { rate = 200 Hz; }
                  population a : lif [300] { tau_m = 10 ms; v_threshold = 4 mV; }
                  population b : lif [100] { tau_m = 10 ms; v_threshold = 4 mV; }
                  population c : lif [100] { tau_m = 10 ms; v_threshold = 4 mV; }
                  population d : lif [100] { tau_m = 10 ms; v_threshold = 4 mV; }
                  projection src -> a : fixed_probability(0.02) { weight = 1 mV; delay = normal(2 ms, 1 ms, 0.1 ms, inf); }
                  projection src -> b : fixed_probability(0.3) { weight = 1 mV; delay = normal(2 ms, 1 ms, 0.1 ms, inf); }
                  projection src -> c : fixed_probability(0.3) { weight = 1 mV; delay = normal(2 ms, 1 ms, 0.1 ms, inf); }
                  projection src -> d : fixed_probability(0.3) { weight = 1 mV; delay = normal(2 ms, 1 ms, 0.1 ms, inf); }
                  projection a -> b : fixed_probability(0.1) { weight = 1 mV; delay = normal(1 ms, 0.5 ms, 0.1 ms, inf); }
                  projection a -> c : fixed_probability(0.1) { weight = 1 mV; delay = 3 ms; }
                }
                """);
        IntegerEngine two = Engines.engine(net, Profile.DEFAULT, 2);
        assertTrue(two.firesAcrossThreads(), "the shares are not balanced across threads");
        Engines.Trace one = Engines.run(Engines.engine(net, Profile.DEFAULT, 1), 200);
        assertTrue(one.spikes().size() > 100, "too quiet to test: " + one.spikes().size());
        Engines.assertSameTrace(one, Engines.runSpikesOnly(two, 200), "2 threads, each filling the other's buckets");
        // Stopped with spikes still on their way (in buckets and ring slots): a restart drops them.
        two.restart();
        Engines.assertSameTrace(one, Engines.runSpikesOnly(two, 200), "after restart()");
    }

    @Property(tries = 60)
    void aRestartedEngineRepeatsItsRun(@ForAll("networks") Network net) {
        IntegerEngine engine;
        try {
            engine = Engines.engine(net, Profile.DEFAULT, 2);
        } catch (InputException e) {
            Assume.that(false);
            return;
        }
        Engines.Trace first = Engines.run(engine, 60);
        engine.restart();
        assertEquals(0, engine.step());
        Engines.assertSameTrace(first, Engines.run(engine, 60), "after restart()");
    }

    @Property(tries = 150)
    void simdKernelEqualsTheScalarPath(@ForAll("networks") Network net) {
        Engines.Trace fast = run(net, 1);
        System.setProperty("myelin.scalarKernel", "true");
        try {
            Engines.assertSameTrace(run(net, 1), fast, "SIMD kernel against the scalar path");
        } finally {
            System.clearProperty("myelin.scalarKernel");
        }
    }

    @Property(tries = 40, maxDiscardRatio = 20) // the loihi profile refuses most random networks
    void loihiProfileIsDeterministicToo(@ForAll("networks") Network net) {
        Engines.Trace one;
        try {
            one = Engines.run(Engines.engine(net, Profile.LOIHI, 1), 40);
        } catch (InputException e) {
            Assume.that(false);
            return;
        }
        Engines.assertSameTrace(one, Engines.run(Engines.engine(net, Profile.LOIHI, 3), 40), "loihi, 3 threads");
    }

    /** Sources delivering straight into their targets' rings give the same bits everywhere else, and the same counts. */
    @Property(tries = 150)
    void directSourceDeliveryChangesNothingElse(@ForAll("networks") Network net) {
        IntegerEngine listed;
        IntegerEngine direct;
        try {
            listed = Engines.engine(net, Profile.DEFAULT, 2);
            direct = Engines.engine(net, Profile.DEFAULT, 2);
        } catch (InputException e) {
            Assume.that(false);
            return;
        }
        boolean[] sources = new boolean[net.populations().size()];
        for (int i = 0; i < sources.length; i++) sources[i] = net.modelOf(net.populations().get(i)).isSource();
        direct.deliverUnobservedSourcesDirectly(sources);
        Engines.Trace fromListed = Engines.run(listed, 60);
        Engines.Trace fromDirect = Engines.run(direct, 60);
        long[] listedSourceSpikes = sourceSpikes(fromListed, sources);
        long[] directSourceSpikes = sourceSpikes(fromDirect, sources);
        Engines.assertSameTrace(withoutSources(fromListed, sources), withoutSources(fromDirect, sources), "direct delivery");
        for (int p = 0; p < sources.length; p++) {
            assertEquals(listedSourceSpikes[p], directSourceSpikes[p] + direct.unlistedSpikes(p), "spikes of population " + p);
        }
    }

    private static long[] sourceSpikes(Engines.Trace trace, boolean[] sources) {
        long[] counts = new long[sources.length];
        for (int p = 0; p < sources.length; p++) if (sources[p]) counts[p] = trace.spikesOf(p);
        return counts;
    }

    private static Engines.Trace withoutSources(Engines.Trace trace, boolean[] sources) {
        return trace.without(sources);
    }

    @org.junit.jupiter.api.Test
    void poissonBackgroundDeliversDirectly() {
        Network net = myelin.frontend.SnnFrontend.parse("<test>", """
                network bg {
                  timestep = 0.1 ms;
                  seed = 7;
                  model cell : lif { tau_m = 10 ms; v_rest = 0 mV; v_reset = 0 mV; v_threshold = 10 mV; refractory = 1 ms; }
                  population drive : poisson [50] { rate = 20000 Hz; }
                  population cells : cell [50];
                  projection drive -> cells : one_to_one { weight = 0.4 mV; delay = 0.3 ms; }
                }
                """);
        IntegerEngine listed = Engines.engine(net, Profile.DEFAULT, 1);
        IntegerEngine direct = Engines.engine(net, Profile.DEFAULT, 1);
        boolean[] drive = {true, false};
        direct.deliverUnobservedSourcesDirectly(drive);
        Engines.Trace a = Engines.run(listed, 500);
        Engines.Trace b = Engines.run(direct, 500);
        Engines.assertSameTrace(withoutSources(a, drive), b, "direct delivery");
        assertEquals(sourceSpikes(a, drive)[0], direct.unlistedSpikes(0));
        org.junit.jupiter.api.Assertions.assertTrue(b.spikes().size() > 0, "the cells fire");
    }
}
