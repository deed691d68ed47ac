package myelin.ir.machine.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Little-endian fields into a growable byte array. */
final class ByteWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ByteWriter u8(int v) {
        out.write(v);
        return this;
    }

    ByteWriter u16(int v) {
        out.write(v);
        out.write(v >>> 8);
        return this;
    }

    ByteWriter i32(int v) {
        for (int i = 0; i < 4; i++) out.write(v >>> (8 * i));
        return this;
    }

    ByteWriter i64(long v) {
        for (int i = 0; i < 8; i++) out.write((int) (v >>> (8 * i)));
        return this;
    }

    ByteWriter text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        u16(b.length);
        out.write(b, 0, b.length);
        return this;
    }

    ByteWriter ints(int[] values) {
        i32(values.length);
        for (int v : values) i32(v);
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
