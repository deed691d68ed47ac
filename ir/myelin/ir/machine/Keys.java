package myelin.ir.machine;

/**
 * Routing keys: a packet's key is {@code source << indexBits | neuron}, the source being a
 * core (its spikes) or a delay-extension stage (the spikes it re-sends); every entry's mask
 * covers the source bits only, so a source's neurons all route alike.
 */
public record Keys(int indexBits, int sources) {
    public int key(int source, int neuron) {
        return (source << indexBits) | neuron;
    }

    public int source(int key) {
        return key >>> indexBits;
    }

    /** The entry that matches the aligned block of 2^bits sources starting at {@code first}. */
    public RoutingEntry entry(int first, int bits, RouteSet route) {
        int mask = (int) (0xFFFFFFFFL << (indexBits + bits));
        return new RoutingEntry(first << indexBits, mask, route);
    }
}
