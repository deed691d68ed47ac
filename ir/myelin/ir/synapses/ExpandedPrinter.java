package myelin.ir.synapses;

import java.util.ArrayList;
import java.util.List;
import myelin.ir.network.Network;
import myelin.ir.network.Projection;

/**
 * The expanded stage as a summary (its synapses print in full, in integers, one stage
 * later: the encoded stage) and its verifier.
 */
public final class ExpandedPrinter {
    private ExpandedPrinter() {}

    public static String print(ExpandedNetwork expanded) {
        StringBuilder out = new StringBuilder("expanded ").append(expanded.network().name()).append(" synapses=")
                .append(expanded.synapseCount()).append(" bytes=").append(expanded.bytes())
                .append(" sampling=").append(Expander.SAMPLING_VERSION).append(" {\n");
        for (Projection p : expanded.network().projections()) {
            SynapseTable t = expanded.table(p.name());
            out.append("  projection ").append(p.name()).append(" : ").append(p.pre()).append(" -> ").append(p.post())
                    .append(" synapses=").append(t.size()).append(" weights=").append(t.hasPerSynapseWeights() ? "each" : "constant")
                    .append(" delays=").append(t.hasPerSynapseDelays() ? "each" : "constant").append('\n');
        }
        return out.append("}\n").toString();
    }

    /** One table per projection, sized to its populations, every synapse onto a neuron that exists. */
    public static List<String> verify(ExpandedNetwork expanded) {
        List<String> problems = new ArrayList<>();
        Network net = expanded.network();
        if (expanded.tables().size() != net.projections().size()) problems.add("one table per projection expected");
        for (SynapseTable t : expanded.tables()) {
            var projection = net.projections().stream().filter(p -> p.name().equals(t.projection())).findFirst();
            if (projection.isEmpty()) {
                problems.add("table " + t.projection() + ": no such projection");
                continue;
            }
            int pre = net.preOf(projection.get()).size();
            int post = net.postOf(projection.get()).size();
            if (t.preSize() != pre || t.postSize() != post) problems.add("table " + t.projection() + ": sizes differ from its populations'");
            for (int k = 0; k < t.size(); k++) {
                if (t.post(k) < 0 || t.post(k) >= post) {
                    problems.add("table " + t.projection() + ": synapse " + k + " onto neuron " + t.post(k));
                    break;
                }
            }
        }
        return problems;
    }
}
