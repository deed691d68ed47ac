package myelin.ir.encoded;

import java.util.ArrayList;
import java.util.List;
import myelin.ir.integer.Profile;
import myelin.ir.integer.QuantizedVerifier;

/** Checks the encoded stage: every model fits its profile, every array its population, every synapse its target. */
public final class EncodedVerifier {
    private EncodedVerifier() {}

    public static List<String> verify(EncodedNetwork net) {
        List<String> problems = new ArrayList<>();
        Profile profile = net.profile();
        for (EncodedNetwork.Population p : net.populations()) {
            String at = "population " + p.name() + ": ";
            problems.addAll(QuantizedVerifier.verify(p.model(), p.size(), profile, at));
            if (p.bias().length != 0 && p.bias().length != p.size()) problems.add(at + "bias has " + p.bias().length + " values");
            checkState(p.initialV(), p.size(), profile.vMin(p.model()), profile.vMax(p.model()), profile.vBits(p.model()), at + "initial v", problems);
            if (p.initialCurrents().length != p.currents().size()) problems.add(at + "initial currents do not match its currents");
            for (int c = 0; c < p.initialCurrents().length; c++) {
                checkState(p.initialCurrents()[c], p.size(), profile.stateMin(), profile.stateMax(), profile.stateBits(),
                        at + "initial i_" + p.currents().get(c), problems);
            }
        }
        for (EncodedNetwork.Projection proj : net.projections()) {
            String at = "projection " + proj.name() + ": ";
            if (proj.pre() < 0 || proj.pre() >= net.populations().size() || proj.post() < 0 || proj.post() >= net.populations().size()) {
                problems.add(at + "names a population that does not exist");
                continue;
            }
            EncodedNetwork.Population pre = net.populations().get(proj.pre());
            EncodedNetwork.Population post = net.populations().get(proj.post());
            EncodedSynapses s = proj.synapses();
            if (post.isSource()) problems.add(at + "targets the source " + post.name());
            if (proj.channel() < 0 || proj.channel() >= post.model().channels()) problems.add(at + "channel " + proj.channel() + " out of range");
            if (s.preSize() != pre.size() || s.postSize() != post.size()) problems.add(at + "its table does not match the populations' sizes");
            for (int k = 0; k < s.size(); k++) {
                if (s.post(k) < 0 || s.post(k) >= post.size()) {
                    problems.add(at + "synapse " + k + " targets neuron " + s.post(k));
                    break;
                }
                if (s.delay(k) < 1) {
                    problems.add(at + "synapse " + k + " has a delay of " + s.delay(k) + " steps (at least 1)");
                    break;
                }
            }
        }
        return problems;
    }

    private static void checkState(int[] values, int size, long min, long max, int bits, String what, List<String> problems) {
        if (values.length == 0) return;
        if (values.length != size) {
            problems.add(what + " has " + values.length + " values for " + size + " neurons");
            return;
        }
        for (int x : values) {
            if (x < min || x > max) {
                problems.add(what + " " + x + " does not fit " + bits + " bits");
                return;
            }
        }
    }
}
