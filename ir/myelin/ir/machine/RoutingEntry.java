package myelin.ir.machine;

/** One routing-table entry: a packet whose key has {@code key} in the bits {@code mask} sets goes where {@code route} says. */
public record RoutingEntry(int key, int mask, RouteSet route) {
    public boolean matches(int packet) {
        return (packet & mask) == key;
    }
}
