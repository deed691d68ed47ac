package myelin.ir.synapses;

/**
 * Synapses stored pre-major (CSR) over a {@link Connectivity}: the synapses of pre neuron i
 * are {@code rowStart(i) .. rowEnd(i)-1}. The expanded table and its encoded twin answer the
 * structure alike; only their weights and delays differ in kind.
 */
public interface PreMajor {
    Connectivity connectivity();

    default int preSize() {
        return connectivity().preSize();
    }

    default int postSize() {
        return connectivity().postSize();
    }

    default int size() {
        return connectivity().size();
    }

    default int rowStart(int pre) {
        return connectivity().rowStart(pre);
    }

    default int rowEnd(int pre) {
        return connectivity().rowEnd(pre);
    }

    default int post(int synapse) {
        return connectivity().post(synapse);
    }
}
