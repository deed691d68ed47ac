package myelin.ir.integer;

/**
 * The geometry of a population's input ring (docs/semantics.md, "One timestep"): one slot
 * per step of delay, indexed by {@code step & (slots - 1)}. Every engine and backend sizes
 * its rings with this one rule.
 */
public final class RingBuffer {
    private RingBuffer() {}

    /** The smallest power of two that holds the longest delay plus the slot being read this step. */
    public static int slots(int longestDelay) {
        return longestDelay < 1 ? 1 : Integer.highestOneBit(longestDelay) << 1;
    }
}
