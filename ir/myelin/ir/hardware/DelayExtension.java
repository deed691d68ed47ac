package myelin.ir.hardware;

/**
 * Re-emits each spike of a source core {@code k x slots} steps later for every stage k in
 * 1..stages, as SpiNNaker's delay extensions do: a synapse of delay d is served by stage
 * {@code (d - 1) / slots} with the remaining delay {@code d - stage x slots}, which the
 * receiving core's ring holds.
 */
public record DelayExtension(int source, int stages) {
    /** The stage that serves a synapse of {@code delay} steps when rings hold {@code slots}. */
    public static int stage(int delay, int slots) {
        return (delay - 1) / slots;
    }

    /** What is left of the delay for the receiving core's ring: 1 to slots. */
    public static int residual(int delay, int slots) {
        return delay - stage(delay, slots) * slots;
    }
}
