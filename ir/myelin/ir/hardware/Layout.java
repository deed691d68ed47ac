package myelin.ir.hardware;

/**
 * The field widths of one synaptic block, chosen from its data (docs/hardware-ir.md).
 *
 * @param rows          pre neurons of the source core (one row each)
 * @param shift         every weight is {@code mantissa << shift}
 * @param weightBits    bits of a weight mantissa
 * @param weightSign    1: mantissas are unsigned; -1: they are stored negated; 0: two's complement
 * @param delayBits     bits of a delay field (delay - 1); 0 when every delay is {@code constantDelay}
 * @param typeBits      bits of a synapse-type field (the input channel); 0 when the block's channel is implied
 * @param indexBits     bits of a post-neuron index within the core
 * @param offsetBits    bits of each entry of the row offset table (in words); 0 for dense blocks
 * @param wordBits      bits of one sparse word (fields plus padding); for dense blocks, weightBits
 * @param constantDelay the delay of every synapse when delayBits is 0
 */
public record Layout(int rows, int shift, int weightBits, int weightSign, int delayBits, int typeBits, int indexBits,
                     int offsetBits, int wordBits, int constantDelay) {

    /** The stored field of a weight. */
    long weightField(int weight) {
        long m = weight >> shift;
        return weightSign == -1 ? -m : m;
    }

    /** The weight a stored field stands for. */
    int weight(long field) {
        long m = weightSign == 0 ? field << (64 - weightBits) >> (64 - weightBits) : weightSign == -1 ? -field : field;
        return (int) (m << shift);
    }

    /** Bits of the row offset table, which comes first in a sparse block. */
    long offsetTableBits() {
        return (long) (rows + 1) * offsetBits;
    }
}
