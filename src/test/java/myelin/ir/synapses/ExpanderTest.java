package myelin.ir.synapses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import myelin.frontend.SnnFrontend;
import myelin.ir.RandomNetworks;
import myelin.ir.network.Network;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ExpanderTest {
    private static Network parse(String body) {
        return SnnFrontend.parse("<test>", "network t {\n  timestep = 0.1 ms;\n  seed = 17;\n" + body + "\n}\n");
    }

    private static final String POPS = """
              population a : poisson [300] { rate = 1 Hz; }
              population b : lif [500] { tau_m = 10 ms; v_threshold = 10 mV; }
            """;

    /** A checksum over every field of every synapse, in table order. */
    static long checksum(ExpandedNetwork e) {
        long h = 1;
        for (SynapseTable t : e.tables()) {
            for (int i = 0; i < t.preSize(); i++) {
                for (int s = t.rowStart(i); s < t.rowEnd(i); s++) {
                    h = h * 31 + i;
                    h = h * 31 + t.post(s);
                    h = h * 31 + Double.doubleToLongBits(t.weight(s));
                    h = h * 31 + Double.doubleToLongBits(t.delay(s));
                }
            }
        }
        return h;
    }

    @Provide
    Arbitrary<Network> networks() {
        return Arbitraries.randomValue(RandomNetworks::generate);
    }

    @Property(tries = 100)
    void sameSynapsesOnAnyThreadCount(@ForAll("networks") Network network) {
        long one = checksum(new Expander(1, Expander.Progress.NONE).expand(network));
        assertEquals(one, checksum(new Expander(3, Expander.Progress.NONE).expand(network)));
    }

    @Test
    void sameSynapsesOnAnyThreadCountWithManyChunks() {
        Network net = parse("""
                  population big : lif [40000] { tau_m = 10 ms; v_threshold = 10 mV; }
                  projection big -> big : fixed_indegree(20) { weight = normal(1 mV, 0.1 mV); delay = uniform(0.1 ms, 2 ms); }
                  projection p : big -> big : fixed_probability(0.0005) { weight = 1 mV; }
                """);
        long one = checksum(new Expander(1, Expander.Progress.NONE).expand(net));
        assertEquals(one, checksum(new Expander(2, Expander.Progress.NONE).expand(net)));
        assertEquals(one, checksum(new Expander(5, Expander.Progress.NONE).expand(net)));
    }

    /** A seed means the same network forever: these values pin the expansion algorithms. */
    @Test
    void expansionIsPinned() {
        Network net = parse(POPS + """
                  projection a -> b : fixed_probability(0.1) { weight = uniform(1 mV, 2 mV); }
                  projection b -> b : fixed_indegree(3) { weight = normal(1 mV, 0.5 mV); delay = normal(1 ms, 0.2 ms, 0.1 ms, inf); }
                """);
        ExpandedNetwork e = Expander.sequential().expand(net);
        assertEquals(14_719, e.table("a_to_b").size());
        assertEquals(1_500, e.table("b_to_b").size());
        assertEquals(707_043_636_606_602_517L, checksum(e));
    }

    @Test
    void fixedProbabilityHasTheExpectedCount() {
        ExpandedNetwork e = Expander.sequential().expand(parse(POPS + "  projection a -> b : fixed_probability(0.2) { weight = 1 mV; }"));
        double mean = 300 * 500 * 0.2;
        double sd = Math.sqrt(300 * 500 * 0.2 * 0.8);
        assertTrue(Math.abs(e.synapseCount() - mean) < 5 * sd, "count " + e.synapseCount());
    }

    @Test
    void fixedInDegreeWithoutMultapsesOrAutapses() {
        ExpandedNetwork e = Expander.sequential().expand(parse(POPS
                + "  projection b -> b : fixed_indegree(40) { weight = 1 mV; autapses = false; multapses = false; }"));
        SynapseTable t = e.tables().get(0);
        int[] inDegree = new int[500];
        Set<Long> pairs = new HashSet<>();
        for (int i = 0; i < t.preSize(); i++) {
            for (int s = t.rowStart(i); s < t.rowEnd(i); s++) {
                int j = t.post(s);
                assertTrue(i != j, "autapse " + i);
                assertTrue(pairs.add((long) i << 32 | j), "multapse " + i + " -> " + j);
                inDegree[j]++;
            }
        }
        for (int d : inDegree) assertEquals(40, d);
    }

    @Test
    void rowsAreSortedByPostWithinEachPre() {
        ExpandedNetwork e = Expander.sequential().expand(parse(POPS + "  projection a -> b : fixed_indegree(30) { weight = 1 mV; }"));
        SynapseTable t = e.tables().get(0);
        for (int i = 0; i < t.preSize(); i++) {
            for (int s = t.rowStart(i) + 1; s < t.rowEnd(i); s++) assertTrue(t.post(s - 1) <= t.post(s));
        }
    }

    @Test
    void distributionsStayInTheirBounds() {
        ExpandedNetwork e = Expander.sequential().expand(parse(POPS
                + "  projection a -> b : all_to_all { weight = uniform(1 mV, 2 mV); delay = normal(1 ms, 1 ms, 0.5 ms, 1.5 ms); }"));
        SynapseTable t = e.tables().get(0);
        double sum = 0;
        for (int s = 0; s < t.size(); s++) {
            // Per-synapse values are stored as float32: bounds hold after rounding to float.
            assertTrue(t.weight(s) >= (float) 1e-3 && t.weight(s) <= (float) 2e-3);
            assertTrue(t.delay(s) >= (float) 0.5e-3 && t.delay(s) <= (float) 1.5e-3);
            sum += t.weight(s);
        }
        assertEquals(1.5e-3, sum / t.size(), 1e-5);
    }

    @Test
    void explicitListsKeepTheirWeightsAndDelays() {
        ExpandedNetwork e = Expander.sequential().expand(parse(POPS
                + "  projection a -> b : list { weight = 3 mV; connections = [(2, 4), (0, 1, 1 mV), (2, 3, _, 2 ms)]; }"));
        SynapseTable t = e.tables().get(0);
        assertEquals(3, t.size());
        assertEquals(1, t.post(t.rowStart(0)));
        assertEquals((float) 1e-3, t.weight(t.rowStart(0)));
        int s = t.rowStart(2);
        assertEquals(4, t.post(s));
        assertEquals((float) 3e-3, t.weight(s));
        assertEquals((float) 1e-4, t.delay(s));
        assertEquals(3, t.post(s + 1));
        assertEquals((float) 2e-3, t.delay(s + 1));
    }

    @Test
    void convolutionMatchesTheDefinition() {
        // out[co][oy][ox] += w * k[co][ci][ky][kx] * in[ci][oy*s - p + ky][ox*s - p + kx]
        ExpandedNetwork e = Expander.sequential().expand(parse("""
                  population image : spike_array [2, 4, 5];
                  population out : if [3, 2, 3] { v_threshold = 1 mV; }
                  projection image -> out : conv2d {
                    weight = 2 mV; stride = 2; padding = 1;
                    kernel = [[[[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[10, 11, 12], [13, 14, 15], [16, 17, 18]]],
                              [[[0, 0, 0], [0, 1, 0], [0, 0, 0]], [[0, 0, 0], [0, 0, 0], [0, 0, 0]]],
                              [[[1, 1, 1], [1, 1, 1], [1, 1, 1]], [[-1, -1, -1], [-1, -1, -1], [-1, -1, -1]]]];
                  }
                """));
        SynapseTable t = e.tables().get(0);
        double[][][][] k = new double[3][2][3][3];
        for (int ky = 0; ky < 3; ky++) for (int kx = 0; kx < 3; kx++) {
            k[0][0][ky][kx] = 1 + ky * 3 + kx;
            k[0][1][ky][kx] = 10 + ky * 3 + kx;
            k[2][0][ky][kx] = 1;
            k[2][1][ky][kx] = -1;
        }
        k[1][0][1][1] = 1;
        java.util.Map<Long, Double> expected = new java.util.HashMap<>();
        for (int co = 0; co < 3; co++) for (int oy = 0; oy < 2; oy++) for (int ox = 0; ox < 3; ox++)
            for (int ci = 0; ci < 2; ci++) for (int ky = 0; ky < 3; ky++) for (int kx = 0; kx < 3; kx++) {
                int y = oy * 2 - 1 + ky, x = ox * 2 - 1 + kx;
                if (y < 0 || y >= 4 || x < 0 || x >= 5 || k[co][ci][ky][kx] == 0) continue;
                int pre = (ci * 4 + y) * 5 + x, post = (co * 2 + oy) * 3 + ox;
                expected.put((long) pre << 32 | post, 2e-3 * k[co][ci][ky][kx]);
            }
        java.util.Map<Long, Double> actual = new java.util.HashMap<>();
        for (int i = 0; i < t.preSize(); i++) {
            for (int s = t.rowStart(i); s < t.rowEnd(i); s++) actual.put((long) i << 32 | t.post(s), t.weight(s));
        }
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((key, w) -> assertEquals((float) (double) w, actual.get(key)));
    }
}
