package myelin.ir.hardware;

/**
 * Reads the rows of any block of one hardware network as its receiving core would: packed
 * rows through {@link BlockCodec}, kernel blocks through the projection's shared kernel.
 */
public final class BlockReader {
    private final HardwareNetwork hw;

    public BlockReader(HardwareNetwork hw) {
        this.hw = hw;
    }

    /** Hands each synapse of row {@code pre} (a neuron of the block's source core) to the sink. */
    public void row(Block block, int pre, BlockCodec.Sink sink) {
        Core core = hw.cores().get(block.core());
        if (block.encoding() != Encoding.KERNEL) {
            BlockCodec.decode(block, core.size(), pre, sink);
            return;
        }
        Core source = hw.cores().get(block.source());
        int delay = block.layout().constantDelay();
        hw.kernel(block.projection()).targets(source.first() + pre, core.first(), core.size(), (post, weight) -> {
            sink.synapse(post, weight, delay, block.channel());
            return 0;
        });
    }

    /** Synapses in a row. */
    public int rowLength(Block block, int pre) {
        if (block.encoding() == Encoding.SPARSE || block.encoding() == Encoding.PACKED) {
            return BlockCodec.rowLength(block, hw.cores().get(block.core()).size(), pre);
        }
        int[] count = new int[1];
        row(block, pre, (post, weight, delay, channel) -> count[0]++);
        return count[0];
    }
}
