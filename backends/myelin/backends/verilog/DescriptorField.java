package myelin.backends.verilog;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * One field of a packed ROM word (a block descriptor or a delivery key): its name in the
 * router's RTL and its bits, lowest first. {@link #pack} builds the words the ROM file holds.
 */
public record DescriptorField(String name, int lsb, int msb) {
    public int width() {
        return msb - lsb + 1;
    }

    /** Lays out fields of the given widths one after the other, from bit 0. */
    static List<DescriptorField> layout(List<String> names, int[] widths) {
        List<DescriptorField> fields = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < names.size(); i++) {
            fields.add(new DescriptorField(names.get(i), at, at + widths[i] - 1));
            at += widths[i];
        }
        return fields;
    }

    static int bits(List<DescriptorField> fields) {
        return fields.get(fields.size() - 1).msb() + 1;
    }

    /** The hex line of one word: values in field order, each checked to fit its field. */
    static String pack(List<DescriptorField> fields, long... values) {
        BigInteger word = BigInteger.ZERO;
        for (int i = 0; i < fields.size(); i++) {
            DescriptorField f = fields.get(i);
            if (values[i] < 0 || Long.numberOfLeadingZeros(values[i]) < 64 - f.width()) {
                throw new IllegalArgumentException("field " + f.name() + " cannot hold " + values[i] + " in " + f.width() + " bits");
            }
            word = word.or(BigInteger.valueOf(values[i]).shiftLeft(f.lsb()));
        }
        String h = word.toString(16);
        int digits = (bits(fields) + 3) / 4;
        return "0".repeat(digits - h.length()) + h;
    }
}
