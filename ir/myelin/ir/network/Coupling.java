package myelin.ir.network;

import myelin.ir.units.Dimension;

/** How synaptic input drives the membrane, which fixes the dimension of weights. */
public sealed interface Coupling {
    Dimension weightDimension();

    Parameter parameter();

    /** Input is a voltage, scaled: {@code tau_m dv/dt = -(v - v_rest) + scale * I}. */
    record Voltage(double scale) implements Coupling {
        public Dimension weightDimension() {
            return Dimension.VOLTAGE;
        }

        public Parameter parameter() {
            return new Parameter.Scalar("input_scale", scale, Dimension.NONE);
        }
    }

    /** Input is a current through a membrane resistance: {@code tau_m dv/dt = -(v - v_rest) + R * I}. */
    record Current(double resistance) implements Coupling {
        public Dimension weightDimension() {
            return Dimension.CURRENT;
        }

        public Parameter parameter() {
            return new Parameter.Scalar("resistance", resistance, Dimension.RESISTANCE);
        }
    }
}
