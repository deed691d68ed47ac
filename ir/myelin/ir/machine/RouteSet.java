package myelin.ir.machine;

import java.util.Arrays;

/**
 * Where a router sends a packet: bits 0-5 are the chip's links (Mesh order), bit 6 + p its
 * processor p; as many 64-bit words as the chip's processors need (SpiNNaker 2 has 152).
 */
public final class RouteSet {
    public static final int FIRST_PROCESSOR_BIT = Mesh.LINKS;
    private final long[] words;

    private RouteSet(long[] words) {
        this.words = words;
    }

    public static RouteSet none(int processors) {
        return new RouteSet(new long[(FIRST_PROCESSOR_BIT + processors + 63) / 64]);
    }

    public static RouteSet of(long[] words) {
        return new RouteSet(words.clone());
    }

    private RouteSet with(int bit) {
        long[] w = words.clone();
        w[bit >>> 6] |= 1L << (bit & 63);
        return new RouteSet(w);
    }

    public RouteSet withLink(int link) {
        return with(link);
    }

    public RouteSet withProcessor(int p) {
        return with(FIRST_PROCESSOR_BIT + p);
    }

    private boolean has(int bit) {
        return (bit >>> 6) < words.length && (words[bit >>> 6] & (1L << (bit & 63))) != 0;
    }

    public boolean hasLink(int link) {
        return has(link);
    }

    public boolean hasProcessor(int p) {
        return has(FIRST_PROCESSOR_BIT + p);
    }

    /** Exactly one link and no processor: what default routing does for a packet that came in the opposite way. */
    public boolean isOnly(int link) {
        return equals(RouteSet.none(words.length * 64 - FIRST_PROCESSOR_BIT).withLink(link));
    }

    public long[] words() {
        return words.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RouteSet r && Arrays.equals(words, r.words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int l = 0; l < Mesh.LINKS; l++) if (hasLink(l)) b.append(b.length() > 0 ? " " : "").append(Mesh.linkName(l));
        for (int p = 0; p < words.length * 64 - FIRST_PROCESSOR_BIT; p++) if (hasProcessor(p)) b.append(b.length() > 0 ? " " : "").append(p);
        return "{" + b + "}";
    }
}
