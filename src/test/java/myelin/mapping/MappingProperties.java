package myelin.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import myelin.frontend.SnnFrontend;
import myelin.ir.diag.InputException;
import myelin.ir.hardware.HardwareVerifier;
import myelin.ir.integer.Profile;
import myelin.ir.network.Network;
import myelin.ir.target.TargetSpec;
import myelin.passes.Stages;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random networks mapped onto small random targets, so that populations span many cores,
 * fan-in comes from many source slices and delays pass the ring: the core executor, which
 * reads only the hardware IR, must give the integer engine's spikes.
 */
public class MappingProperties {
    /** A network and the target it is mapped onto. */
    public record Case(String snn, TargetSpec target) {
        @Override
        public String toString() {
            return "target " + target.name() + " (" + target.limits().neuronsPerCore() + " neurons per core, " + target.limits().delaySlots()
                    + " delay slots, " + target.limits().synapseWordBits() + "-bit words)\n" + snn;
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.randomValue(MappingProperties::generate);
    }

    @Property(tries = 200)
    void coreExecutorEqualsTheIntegerEngine(@ForAll("cases") Case c) {
        Network net;
        try {
            net = SnnFrontend.parse("<random>", c.snn());
            Mapping.map(net, c.target());
        } catch (InputException e) {
            Assume.that(false); // a rate too high for the step, and the like
            return;
        }
        assertEquals(List.of(), HardwareVerifier.verify(Mapping.map(net, c.target()).require(Stages.PACKED)));
        Mapping.assertExecutorEqualsEngine(net, c.target(), 80);
    }

    public static Case generate(Random r) {
        int slots = new int[] {1, 2, 3, 4, 8, 16}[r.nextInt(6)];
        int perCore = 1 + r.nextInt(12);
        int word = new int[] {0, 16, 32}[r.nextInt(3)];
        TargetSpec target = new TargetSpec("random", "spinnaker1", Profile.DEFAULT,
                new TargetSpec.Limits(perCore, 0, slots, 4, 0, 0, word, 0, false, false));
        StringBuilder s = new StringBuilder("network random {\n  timestep = 1 ms;\n  seed = " + r.nextInt(1000) + ";\n");
        s.append("  model cell : lif { tau_m = ").append(5 + r.nextInt(30)).append(" ms; v_threshold = 10 mV; v_reset = ")
                .append(r.nextInt(3) - 1).append(" mV; refractory = ").append(r.nextInt(3))
                .append(" ms; synapse e { tau = 4 ms; } synapse i { tau = 9 ms; } }\n");
        s.append("  model relay : if { v_threshold = 5 mV; }\n");
        List<String> names = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Boolean> lif = new ArrayList<>();
        int sources = 1 + r.nextInt(2);
        for (int i = 0; i < sources; i++) {
            int size = 1 + r.nextInt(30);
            String name = "src" + i;
            if (r.nextBoolean()) {
                s.append("  population ").append(name).append(" : poisson [").append(size).append("] { rate = ").append(20 + r.nextInt(300))
                        .append(" Hz; }\n");
            } else {
                StringBuilder spikes = new StringBuilder();
                for (int k = 0; k < 1 + r.nextInt(20); k++) spikes.append(k > 0 ? ", " : "").append(r.nextInt(size)).append(" @ ").append(r.nextInt(60)).append(" ms");
                s.append("  population ").append(name).append(" : spike_array [").append(size).append("] { spikes = [").append(spikes).append("]; }\n");
            }
            names.add(name);
            sizes.add(size);
            lif.add(false);
        }
        int neurons = 1 + r.nextInt(3);
        for (int i = 0; i < neurons; i++) {
            int size = 1 + r.nextInt(40);
            boolean isLif = r.nextInt(4) > 0;
            s.append("  population n").append(i).append(" : ").append(isLif ? "cell" : "relay").append(" [").append(size).append("]")
                    .append(isLif && r.nextBoolean() ? " { init v = uniform(0 mV, 9 mV); }\n" : ";\n");
            names.add("n" + i);
            sizes.add(size);
            lif.add(isLif);
        }
        int projections = 1 + r.nextInt(6);
        for (int k = 0; k < projections; k++) {
            int pre = r.nextInt(names.size());
            int post = sources + r.nextInt(neurons);
            double weight = (r.nextInt(7) - 2) * (0.5 + r.nextDouble() * 3);
            String w = String.format(Locale.ROOT, r.nextBoolean() ? "%.3f mV" : "normal(%.3f mV, 1 mV)", weight);
            String delay = switch (r.nextInt(3)) {
                case 0 -> (1 + r.nextInt(40)) + " ms";
                case 1 -> "uniform(1 ms, " + (2 + r.nextInt(40)) + " ms)";
                default -> "1 ms";
            };
            String connector = switch (r.nextInt(4)) {
                case 0 -> "all_to_all";
                case 1 -> "fixed_probability(" + String.format(Locale.ROOT, "%.2f", r.nextDouble()) + ")";
                case 2 -> "fixed_indegree(" + (1 + r.nextInt(5)) + ")";
                default -> sizes.get(pre).equals(sizes.get(post)) ? "one_to_one" : "all_to_all";
            };
            String synapse = lif.get(post) ? " synapse = " + (r.nextBoolean() ? "e" : "i") + ";" : "";
            s.append("  projection p").append(k).append(" : ").append(names.get(pre)).append(" -> ").append(names.get(post)).append(" : ")
                    .append(connector).append(" { weight = ").append(w).append("; delay = ").append(delay).append(";").append(synapse).append(" }\n");
        }
        if (r.nextInt(3) == 0) {
            // A convolution: an image of 2 channels onto the feature maps a 3x3 kernel makes of it.
            int h = 3 + r.nextInt(5);
            int w = 3 + r.nextInt(5);
            int stride = 1 + r.nextInt(2);
            int pad = r.nextInt(2);
            int oh = (h + 2 * pad - 3) / stride + 1;
            int ow = (w + 2 * pad - 3) / stride + 1;
            StringBuilder kernel = new StringBuilder("[");
            for (int co = 0; co < 2; co++) {
                kernel.append(co > 0 ? ", " : "").append('[');
                for (int ci = 0; ci < 2; ci++) {
                    kernel.append(ci > 0 ? ", " : "").append('[');
                    for (int y = 0; y < 3; y++) {
                        kernel.append(y > 0 ? ", " : "").append('[');
                        for (int x = 0; x < 3; x++) kernel.append(x > 0 ? ", " : "").append(r.nextInt(5) - 2);
                        kernel.append(']');
                    }
                    kernel.append(']');
                }
                kernel.append(']');
            }
            kernel.append(']');
            // Poisson input and weights that make one synapse of a positive tap fire its target: a lost synapse shows.
            s.append("  population image : poisson [2, ").append(h).append(", ").append(w).append("] { rate = 150 Hz; }\n");
            s.append("  population maps : relay [2, ").append(oh).append(", ").append(ow).append("];\n");
            s.append("  projection conv : image -> maps : conv2d { kernel = ").append(kernel).append("; stride = ").append(stride)
                    .append("; padding = ").append(pad).append("; weight = 6 mV; delay = ").append(1 + r.nextInt(20)).append(" ms; }\n");
        }
        if (r.nextInt(3) == 0) {
            // Threshold gates with a bias per neuron (fractions floor away) on any earlier population's spikes.
            int size = 1 + r.nextInt(12);
            StringBuilder bias = new StringBuilder();
            for (int n = 0; n < size; n++) bias.append(n > 0 ? ", " : "").append((r.nextInt(9) - 4) / 2.0);
            s.append("  population gates : threshold_gate [").append(size).append("] { threshold = ").append(r.nextInt(4))
                    .append("; bias = [").append(bias).append("]; }\n");
            s.append("  projection into_gates : ").append(names.get(r.nextInt(names.size()))).append(" -> gates : fixed_probability(0.4) { weight = ")
                    .append(r.nextInt(5) - 1).append("; delay = ").append(1 + r.nextInt(5)).append(" ms; }\n");
        }
        s.append("}\n");
        return new Case(s.toString(), target);
    }
}
