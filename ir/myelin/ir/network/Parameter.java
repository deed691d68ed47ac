package myelin.ir.network;

import myelin.ir.units.Dimension;

/** One model parameter as printed: a quantity, or a name from a closed set (reset = subtract). */
public sealed interface Parameter {
    String name();

    record Scalar(String name, double value, Dimension dimension) implements Parameter {}

    record Choice(String name, String value) implements Parameter {}
}
