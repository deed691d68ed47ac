package myelin.ir.network;

import java.util.Arrays;
import java.util.List;

/** How a projection's synapses are generated. Expansion is defined in docs/ir.md. */
public sealed interface Connector {
    String keyword();

    /** Whether a neuron may connect to itself when pre and post are one population. */
    default boolean autapses() {
        return true;
    }

    record AllToAll(boolean autapses) implements Connector {
        public String keyword() {
            return "all_to_all";
        }
    }

    record OneToOne() implements Connector {
        public String keyword() {
            return "one_to_one";
        }
    }

    /** Each (pre, post) pair independently with probability p. */
    record FixedProbability(double probability, boolean autapses) implements Connector {
        public String keyword() {
            return "fixed_probability";
        }
    }

    /** Each post neuron gets exactly k inputs drawn uniformly from the pre population. */
    record FixedInDegree(int inDegree, boolean autapses, boolean multapses) implements Connector {
        public String keyword() {
            return "fixed_indegree";
        }
    }

    /** Explicit synapses; a weight or delay given here overrides the projection's distribution. */
    record ExplicitList(List<Synapse> synapses) implements Connector {
        public ExplicitList {
            synapses = List.copyOf(synapses);
        }

        public String keyword() {
            return "list";
        }

        /** NaN weight or delay: take the projection's. */
        public record Synapse(int pre, int post, double weight, double delay) {}
    }

    /**
     * 2-D convolution from a [C,H,W] (or [H,W]) population onto [C',H',W']. The kernel is
     * [C'][C][kh][kw] row-major, dimensionless; a synapse's weight is kernel value times the
     * projection's (constant) weight. Zero taps make no synapse.
     */
    record Conv2d(int[] kernelShape, double[] kernel, int stride, int padding) implements Connector {
        public String keyword() {
            return "conv2d";
        }

        public int outChannels() {
            return kernelShape[0];
        }

        public int inChannels() {
            return kernelShape[1];
        }

        public int kernelHeight() {
            return kernelShape[2];
        }

        public int kernelWidth() {
            return kernelShape[3];
        }

        public double tap(int outChannel, int inChannel, int ky, int kx) {
            return kernel[((outChannel * inChannels() + inChannel) * kernelHeight() + ky) * kernelWidth() + kx];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Conv2d c && Arrays.equals(kernelShape, c.kernelShape)
                    && Arrays.equals(kernel, c.kernel) && stride == c.stride && padding == c.padding;
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(kernelShape) + Arrays.hashCode(kernel) + 7 * stride + padding;
        }

        @Override
        public String toString() {
            return "Conv2d" + Arrays.toString(kernelShape) + " stride=" + stride + " padding=" + padding;
        }
    }
}
