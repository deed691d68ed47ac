package myelin.ir.synapses;

/**
 * Generates a projection's synapses one row at a time. A row is a pre neuron for most
 * connectors and a post neuron for fixed in-degree; it is generated from its own random
 * stream, so rows can be generated in any order and on any thread.
 *
 * @param rowsArePre whether row r emits only synapses whose pre index is r
 * @param ownWeights whether synapses carry their own weights (lists with weights, kernels)
 * @param ownDelays  whether synapses carry their own delays (lists with delays)
 */
record RowGenerator(int rows, boolean rowsArePre, boolean ownWeights, boolean ownDelays, Row row) {
    @FunctionalInterface
    interface Row {
        void generate(int row, SplitMix64 rng, Emitter out);
    }

    static RowGenerator byPre(int rows, Row row) {
        return new RowGenerator(rows, true, false, false, row);
    }

    void generate(int r, SplitMix64 rng, Emitter out) {
        row.generate(r, rng, out);
    }
}
