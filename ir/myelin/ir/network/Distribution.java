package myelin.ir.network;

/** A value per neuron or per synapse, in SI units; sampled with the documented PRNG (docs/ir.md). */
public sealed interface Distribution {
    /** The value every sample takes, when there is one. */
    default java.util.OptionalDouble constant() {
        return java.util.OptionalDouble.empty();
    }

    /** The smallest value a sample can take. */
    double lowest();

    record Constant(double value) implements Distribution {
        public java.util.OptionalDouble constant() {
            return java.util.OptionalDouble.of(value);
        }

        public double lowest() {
            return value;
        }
    }

    /** Uniform on [low, high). */
    record Uniform(double low, double high) implements Distribution {
        public double lowest() {
            return low;
        }
    }

    /** Normal, then clipped to [low, high] (infinite bounds mean unclipped). */
    record Normal(double mean, double sd, double low, double high) implements Distribution {
        public Normal(double mean, double sd) {
            this(mean, sd, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }

        public double lowest() {
            return low;
        }

        public boolean clipped() {
            return low != Double.NEGATIVE_INFINITY || high != Double.POSITIVE_INFINITY;
        }
    }
}
