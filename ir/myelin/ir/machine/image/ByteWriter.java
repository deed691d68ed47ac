package myelin.ir.machine.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Little-endian fields into a growable buffer; block data go in bulk. */
final class ByteWriter {
    private ByteBuffer buffer = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);

    private ByteBuffer room(int bytes) {
        if (buffer.remaining() < bytes) {
            long size = Math.max(buffer.capacity() * 2L, (long) buffer.position() + bytes);
            if (size > Integer.MAX_VALUE - 16) throw new IllegalStateException("an image region over 2 GiB");
            ByteBuffer bigger = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
            buffer.flip();
            bigger.put(buffer);
            buffer = bigger;
        }
        return buffer;
    }

    ByteWriter u8(int v) {
        room(1).put((byte) v);
        return this;
    }

    ByteWriter u16(int v) {
        room(2).putShort((short) v);
        return this;
    }

    ByteWriter i32(int v) {
        room(4).putInt(v);
        return this;
    }

    ByteWriter i64(long v) {
        room(8).putLong(v);
        return this;
    }

    /** Words in bulk, without a count. */
    ByteWriter words(long[] values) {
        ByteBuffer b = room(8 * values.length);
        b.asLongBuffer().put(values);
        b.position(b.position() + 8 * values.length);
        return this;
    }

    ByteWriter text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        u16(b.length);
        room(b.length).put(b);
        return this;
    }

    ByteWriter ints(int[] values) {
        i32(values.length);
        ByteBuffer b = room(4 * values.length);
        b.asIntBuffer().put(values);
        b.position(b.position() + 4 * values.length);
        return this;
    }

    int size() {
        return buffer.position();
    }

    /** The buffer's array, valid up to {@link #size()}: not copied. */
    byte[] array() {
        return buffer.array();
    }
}
