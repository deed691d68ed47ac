package myelin.ir.machine;

import java.util.List;

/** How a chip's router treats a packet (docs/spinnaker-image.md, "Routing"). */
public final class RoutingTables {
    private RoutingTables() {}

    /** The route of the first entry that matches the key, or null when none does (the packet then goes straight on). */
    public static RouteSet lookup(List<RoutingEntry> table, int key) {
        for (RoutingEntry e : table) if (e.matches(key)) return e.route();
        return null;
    }
}
