package myelin.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import myelin.ir.RandomNetworks;
import myelin.ir.diag.InputException;
import myelin.ir.integer.Profile;
import myelin.ir.network.Network;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The engine gives the same bits on any thread count, and its SIMD kernel equals its scalar path. */
class EngineProperties {
    @Provide
    Arbitrary<Network> networks() {
        return Arbitraries.randomValue(RandomNetworks::generate);
    }

    private static List<Object> run(Network net, int threads) {
        try {
            return Engines.run(Engines.engine(net, Profile.DEFAULT, threads), 60);
        } catch (InputException e) {
            Assume.that(false); // not quantizable in this profile (e.g. a rate too high for the step)
            return List.of();
        }
    }

    @Property(tries = 150)
    void sameSpikesAndStateOnAnyThreadCount(@ForAll("networks") Network net) {
        List<Object> one = run(net, 1);
        assertEquals(one, run(net, 2));
        assertEquals(one, run(net, 3));
    }

    @Property(tries = 150)
    void simdKernelEqualsTheScalarPath(@ForAll("networks") Network net) {
        List<Object> fast = run(net, 1);
        System.setProperty("myelin.scalarKernel", "true");
        try {
            assertEquals(fast, run(net, 1));
        } finally {
            System.clearProperty("myelin.scalarKernel");
        }
    }

    @Property(tries = 40)
    void loihiProfileIsDeterministicToo(@ForAll("networks") Network net) {
        List<Object> one;
        try {
            one = Engines.run(Engines.engine(net, Profile.LOIHI, 1), 40);
        } catch (InputException e) {
            Assume.that(false);
            return;
        }
        assertEquals(one, Engines.run(Engines.engine(net, Profile.LOIHI, 3), 40));
    }
}
