package myelin.ir.synapses;

/**
 * Which synapses a projection has, pre-major (CSR): the synapses of pre neuron i are
 * {@code rowStart(i) .. rowEnd(i)-1}, and {@code post(k)} is the target of synapse k. The
 * expanded and the encoded stages share one instance per projection: encoding changes the
 * values of the synapses, not which ones there are.
 */
public final class Connectivity {
    private final int postSize;
    private final int[] rowStart;
    private final int[] post;

    /** @param rowStart each pre neuron's first synapse, then the total (its last entry is {@code post.length}) */
    public Connectivity(int postSize, int[] rowStart, int[] post) {
        if (rowStart.length == 0 || rowStart[rowStart.length - 1] != post.length) {
            throw new IllegalArgumentException("row starts must end with the synapse count");
        }
        this.postSize = postSize;
        this.rowStart = rowStart;
        this.post = post;
    }

    public int preSize() {
        return rowStart.length - 1;
    }

    public int postSize() {
        return postSize;
    }

    public int size() {
        return post.length;
    }

    public int rowStart(int pre) {
        return rowStart[pre];
    }

    public int rowEnd(int pre) {
        return rowStart[pre + 1];
    }

    public int post(int synapse) {
        return post[synapse];
    }

    /** The row starts, not copied (hot loops index them directly): do not write. */
    public int[] rowStarts() {
        return rowStart;
    }

    /** The post neuron of each synapse, not copied: do not write. */
    public int[] posts() {
        return post;
    }

    public long bytes() {
        return 4L * rowStart.length + 4L * post.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Connectivity c && postSize == c.postSize && java.util.Arrays.equals(rowStart, c.rowStart)
                && java.util.Arrays.equals(post, c.post);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(rowStart) + java.util.Arrays.hashCode(post);
    }
}
