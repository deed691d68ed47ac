package myelin.ir.units;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The unit table, exact conversion to SI and the canonical printed form.
 *
 * <p>Conversion is exact: the decimal literal and the unit's power of ten are combined
 * as a {@link BigDecimal} and rounded to a double once, so {@code 0.1 ms} is the double
 * nearest to 1e-4, not {@code 0.1 * 0.001}.
 */
public final class Units {
    private static final Map<String, Unit> TABLE = new LinkedHashMap<>();
    /** The unit each dimension is printed in; anything else is printed in SI. */
    private static final Map<Dimension, Unit> DISPLAY = new LinkedHashMap<>();

    static {
        prefixed("s", Dimension.TIME, "", "m", "u", "n");
        prefixed("Hz", Dimension.FREQUENCY, "", "k", "M");
        prefixed("V", Dimension.VOLTAGE, "", "m", "u");
        prefixed("A", Dimension.CURRENT, "", "m", "u", "n", "p");
        prefixed("ohm", Dimension.RESISTANCE, "", "k", "M", "G");
        prefixed("S", Dimension.CONDUCTANCE, "", "m", "u", "n");
        prefixed("F", Dimension.CAPACITANCE, "", "u", "n", "p");
        display("ms", "Hz", "mV", "nA", "Mohm", "nS", "pF");
    }

    private Units() {}

    private static void prefixed(String base, Dimension dimension, String... prefixes) {
        for (String prefix : prefixes) {
            int power = switch (prefix) {
                case "" -> 0;
                case "k" -> 3;
                case "M" -> 6;
                case "G" -> 9;
                case "m" -> -3;
                case "u" -> -6;
                case "n" -> -9;
                case "p" -> -12;
                default -> throw new IllegalArgumentException(prefix);
            };
            TABLE.put(prefix + base, new Unit(prefix + base, dimension, power));
        }
    }

    private static void display(String... symbols) {
        for (String symbol : symbols) {
            Unit unit = TABLE.get(symbol);
            DISPLAY.put(unit.dimension(), unit);
        }
    }

    /** The symbol values of this dimension are printed in ("" when dimensionless). */
    public static String displaySymbol(Dimension dimension) {
        Unit unit = DISPLAY.get(dimension);
        return unit == null ? "" : unit.symbol();
    }

    public static Optional<Unit> lookup(String symbol) {
        return Optional.ofNullable(TABLE.get(symbol));
    }

    public static java.util.Set<String> symbols() {
        return TABLE.keySet();
    }

    /** The value of {@code number unit} in SI units, rounded once. */
    public static double toSi(BigDecimal number, Unit unit) {
        return number.scaleByPowerOfTen(unit.powerOfTen()).doubleValue();
    }

    /**
     * The canonical text of an SI value of the given dimension, such as {@code 0.1ms} or
     * {@code -9mV}. Parsing it gives back the same double, so printing is a fixed point.
     */
    public static String format(double si, Dimension dimension) {
        Unit unit = DISPLAY.get(dimension);
        if (unit == null && !dimension.equals(Dimension.NONE)) {
            throw new IllegalArgumentException("no unit to print " + dimension.describe());
        }
        BigDecimal exact = new BigDecimal(Double.toString(si));
        if (unit != null) exact = exact.scaleByPowerOfTen(-unit.powerOfTen());
        return decimal(exact) + (unit == null ? "" : unit.symbol());
    }

    /** Plain digits for ordinary magnitudes, scientific notation for extreme ones. */
    public static String decimal(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.signum() == 0) return "0";
        int magnitude = v.precision() - v.scale();
        String text = magnitude > -6 && magnitude < 16 ? v.toPlainString() : v.toString();
        return text;
    }
}
