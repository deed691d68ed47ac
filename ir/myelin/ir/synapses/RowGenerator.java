package myelin.ir.synapses;

/**
 * Generates a projection's synapses one row (unit) at a time. A row is a pre neuron for
 * most connectors and a post neuron for fixed in-degree; it is generated from its own
 * random stream, so rows can be generated in any order and on any thread.
 */
interface RowGenerator {
    int rows();

    /** Whether row r emits only synapses whose pre index is r. */
    boolean rowsArePre();

    /** Whether synapses carry their own weights (lists with weights, kernels). */
    default boolean ownWeights() {
        return false;
    }

    default boolean ownDelays() {
        return false;
    }

    void generate(int row, SplitMix64 rng, Emitter out);
}
