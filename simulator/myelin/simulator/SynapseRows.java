package myelin.simulator;

import myelin.ir.encoded.EncodedSynapses;

/** One projection's synapses (or one thread's share of them) as the engine delivers them. */
final class SynapseRows {
    final int postPopulation;
    final int channel;
    final EncodedSynapses table;
    /** The table's CSR arrays, read directly by delivery. */
    final int[] rowStart;
    final int[] post;
    /** Per-synapse weights and delays, or null when constant. */
    final int[] weights;
    final int constantWeight;
    final short[] delays;
    final int constantDelay;
    final int maxDelay;

    SynapseRows(int postPopulation, int channel, EncodedSynapses table) {
        this.postPopulation = postPopulation;
        this.channel = channel;
        this.table = table;
        this.rowStart = table.connectivity().rowStarts();
        this.post = table.connectivity().posts();
        this.weights = table.weights();
        this.constantWeight = table.constantWeight();
        this.delays = table.delays();
        this.constantDelay = table.constantDelay();
        this.maxDelay = table.maxDelay();
    }
}
