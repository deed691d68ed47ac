package myelin.ir.hardware;

/**
 * The synapses of one projection from one source core onto one core, for one delay stage
 * (0: straight from the source; k: re-emitted by the source's delay extension k x slots
 * steps later), packed as its encoding says.
 *
 * @param core       the receiving core
 * @param source     the core whose spikes the block serves
 * @param projection the projection's name
 * @param channel    the receiving population's input channel (synapse type)
 * @param synapses   the synapses it holds
 * @param bits       the length of its data in bits
 * @param data       the packed memory, 64 bits a word, little-endian
 */
public record Block(int core, int source, int stage, String projection, int channel, Encoding encoding, Layout layout,
                    int synapses, long bits, long[] data) {
    /** Fixed header per block: source and stage key, encoding, widths, shift, delay, address, length. */
    public static final int HEADER_BYTES = 16;

    /** Bytes of packed data, header excluded. */
    public long dataBytes() {
        return (bits + 7) / 8;
    }
}
