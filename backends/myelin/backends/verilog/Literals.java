package myelin.backends.verilog;

import java.util.ArrayList;
import java.util.List;

/** Verilog literals and memory-file lines, formatted once so that templates print them as they are. */
final class Literals {
    private Literals() {}

    /** A signed decimal literal of {@code bits} bits: {@code 36'sd4095}, {@code -36'sd32768}. */
    static String signed(long value, int bits) {
        if (value == Long.MIN_VALUE) throw new IllegalArgumentException("value out of range");
        return (value < 0 ? "-" : "") + bits + "'sd" + Math.abs(value);
    }

    /** An unsigned hexadecimal literal of {@code bits} bits. */
    static String unsigned(long value, int bits) {
        return bits + "'h" + Long.toHexString(value);
    }

    /** The two's complement of a value in {@code bits} bits, as $readmemh reads it. */
    static String hex(long value, int bits) {
        long masked = bits >= 64 ? value : value & ((1L << bits) - 1);
        String h = Long.toHexString(masked);
        int digits = (bits + 3) / 4;
        return "0".repeat(Math.max(0, digits - h.length())) + h;
    }

    /** One memory file: each value's hex, then zeros up to {@code depth} lines (tools warn on short files). */
    static List<String> memory(long[] values, int bits, int depth) {
        List<String> lines = new ArrayList<>(depth);
        for (long v : values) lines.add(hex(v, bits));
        String zero = hex(0, bits);
        while (lines.size() < depth) lines.add(zero);
        return lines;
    }

    /** Bits that address {@code count} entries: at least one, so no port or register is zero bits wide. */
    static int addressBits(long count) {
        return Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(0, count - 1)));
    }

    /** Bits that hold the unsigned value: at least one. */
    static int valueBits(long value) {
        return Math.max(1, 64 - Long.numberOfLeadingZeros(value));
    }
}
