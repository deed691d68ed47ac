package myelin.ir.synapses;

import java.util.List;
import myelin.ir.network.Network;

/** A network with every projection expanded, in projection order. */
public record ExpandedNetwork(Network network, List<SynapseTable> tables) {
    public ExpandedNetwork {
        tables = List.copyOf(tables);
    }

    public long synapseCount() {
        return tables.stream().mapToLong(SynapseTable::size).sum();
    }

    public long bytes() {
        return tables.stream().mapToLong(SynapseTable::bytes).sum();
    }

    public SynapseTable table(String projection) {
        return tables.stream().filter(t -> t.projection().equals(projection)).findFirst().orElseThrow();
    }
}
