package myelin.ir.machine.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import myelin.ir.diag.InputException;
import myelin.ir.diag.SourceLocation;

/** Little-endian fields from one region of an image file; reading past its end is an error naming the file and region. */
final class ByteReader {
    private final ByteBuffer buffer;
    private final String file;
    private final String region;

    ByteReader(byte[] bytes, int offset, int length, String file, String region) {
        this.buffer = ByteBuffer.wrap(bytes, offset, length).slice().order(ByteOrder.LITTLE_ENDIAN);
        this.file = file;
        this.region = region;
    }

    InputException error(String message) {
        return InputException.of(SourceLocation.of(file), "region " + region + ": " + message);
    }

    private void need(int bytes) {
        if (buffer.remaining() < bytes) throw error("ends early: " + bytes + " more bytes needed at offset " + buffer.position());
    }

    int u8() {
        need(1);
        return buffer.get() & 0xFF;
    }

    int u16() {
        need(2);
        return buffer.getShort() & 0xFFFF;
    }

    int i32() {
        need(4);
        return buffer.getInt();
    }

    long i64() {
        need(8);
        return buffer.getLong();
    }

    String text() {
        int n = u16();
        need(n);
        byte[] b = new byte[n];
        buffer.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A count that must be non-negative and not claim more bytes than are left. */
    int count(int bytesEach) {
        int n = i32();
        if (n < 0 || (long) n * bytesEach > buffer.remaining()) throw error("a count of " + n + " runs past the region's end");
        return n;
    }

    int[] ints() {
        int n = count(4);
        int[] v = new int[n];
        for (int i = 0; i < n; i++) v[i] = buffer.getInt();
        return v;
    }

    void expectEnd() {
        if (buffer.remaining() != 0) throw error(buffer.remaining() + " bytes left over");
    }
}
