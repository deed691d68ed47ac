package myelin.ir.hardware;

import java.util.Arrays;

/** A growable bit string (little-endian within 64-bit words) and reads of fields at bit offsets. */
public final class Bits {
    private long[] words = new long[4];
    private long length;

    /** Appends the low {@code width} bits of value (0 to 64). */
    public void append(long value, int width) {
        if (width == 0) return;
        long end = length + width;
        if (end > 64L * words.length) words = Arrays.copyOf(words, (int) Math.max(words.length * 2L, (end + 63) / 64));
        long masked = width == 64 ? value : value & ((1L << width) - 1);
        int word = (int) (length >>> 6);
        int bit = (int) (length & 63);
        words[word] |= masked << bit;
        if (bit + width > 64) words[word + 1] |= masked >>> (64 - bit);
        length = end;
    }

    public long length() {
        return length;
    }

    /** The bits as words, trimmed to the length. */
    public long[] toWords() {
        return Arrays.copyOf(words, (int) ((length + 63) / 64));
    }

    /** The {@code width} bits (0 to 64) at a bit offset of {@code data}, unsigned. */
    public static long read(long[] data, long offset, int width) {
        if (width == 0) return 0;
        int word = (int) (offset >>> 6);
        int bit = (int) (offset & 63);
        long value = data[word] >>> bit;
        if (bit + width > 64) value |= data[word + 1] << (64 - bit);
        return width == 64 ? value : value & ((1L << width) - 1);
    }

    /** Bits needed for the unsigned value (0 for 0). */
    public static int width(long unsigned) {
        return 64 - Long.numberOfLeadingZeros(unsigned);
    }
}
