package myelin.ir.units;

import java.util.ArrayList;
import java.util.List;

/**
 * A physical dimension as exponents of time, voltage and current: every quantity a
 * spiking network needs (ohm = V/A, F = A*s/V, Hz = 1/s) is a product of these three.
 */
public record Dimension(int time, int voltage, int current) {
    public static final Dimension NONE = new Dimension(0, 0, 0);
    public static final Dimension TIME = new Dimension(1, 0, 0);
    public static final Dimension FREQUENCY = new Dimension(-1, 0, 0);
    public static final Dimension VOLTAGE = new Dimension(0, 1, 0);
    public static final Dimension CURRENT = new Dimension(0, 0, 1);
    public static final Dimension RESISTANCE = new Dimension(0, 1, -1);
    public static final Dimension CONDUCTANCE = new Dimension(0, -1, 1);
    public static final Dimension CAPACITANCE = new Dimension(1, -1, 1);

    /** A phrase for messages: "a time", "a voltage", "dimensionless". */
    public String describe() {
        if (equals(NONE)) return "dimensionless";
        if (equals(TIME)) return "a time";
        if (equals(FREQUENCY)) return "a frequency";
        if (equals(VOLTAGE)) return "a voltage";
        if (equals(CURRENT)) return "a current";
        if (equals(RESISTANCE)) return "a resistance";
        if (equals(CONDUCTANCE)) return "a conductance";
        if (equals(CAPACITANCE)) return "a capacitance";
        List<String> parts = new ArrayList<>();
        if (time != 0) parts.add(power("s", time));
        if (voltage != 0) parts.add(power("V", voltage));
        if (current != 0) parts.add(power("A", current));
        return "a quantity in " + String.join("*", parts);
    }

    private static String power(String symbol, int exponent) {
        return exponent == 1 ? symbol : symbol + "^" + exponent;
    }
}
