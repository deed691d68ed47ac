package myelin.ir.hardware;

/** How a synaptic block stores its synapses (docs/hardware-ir.md gives each layout to the bit). */
public enum Encoding {
    /** Rows of fixed-width words (the target's word size): weight, delay, synapse type and neuron index fields. */
    SPARSE("sparse"),
    /** Rows of words exactly as wide as the data needs: the same fields, no padding. */
    PACKED("packed"),
    /** One weight per (pre neuron, post neuron of the core); one delay for the block. */
    DENSE("dense"),
    /** A convolution's kernel, stored once per projection; each spike's targets computed from the geometry. */
    KERNEL("kernel");

    private final String keyword;

    Encoding(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    public static Encoding of(String keyword) {
        for (Encoding e : values()) if (e.keyword.equals(keyword)) return e;
        throw new IllegalArgumentException("unknown encoding '" + keyword + "'");
    }
}
