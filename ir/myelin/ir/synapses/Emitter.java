package myelin.ir.synapses;

/** Receives the synapses a row generates. NaN weight or delay: draw from the projection's distribution. */
@FunctionalInterface
interface Emitter {
    void emit(int pre, int post, double weight, double delay);
}
