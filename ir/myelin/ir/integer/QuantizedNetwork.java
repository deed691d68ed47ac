package myelin.ir.integer;

import java.util.List;
import java.util.Optional;

/**
 * The network in one profile's integers. Synapses are still connectivity rules (the
 * network stage's); each projection says how its physical weights and delays become
 * integers, which the encode pass applies to the expanded tables.
 *
 * @param timestep seconds per step, which delays are divided by
 * @param report   what quantization did to every parameter (not part of the printed stage)
 */
public record QuantizedNetwork(String name, double timestep, Profile profile, List<Population> populations,
                               List<Projection> projections, QuantizationReport report) {
    public QuantizedNetwork {
        populations = List.copyOf(populations);
        projections = List.copyOf(projections);
    }

    /**
     * @param vRest       the physical voltage of integer 0 (volts)
     * @param stateScale  integers per physical unit of v (1/vLsb), 0 for stateless models
     * @param currentScales integers per physical unit (the weight unit) of each synaptic current,
     *                     charge-preserving: see docs/semantics.md
     * @param bias        empty, or each neuron's constant input in v integers (docs/semantics.md)
     */
    public record Population(String name, int size, IntModel model, double vRest, double stateScale, double[] currentScales,
                             int[] bias) {
        public Population {
            currentScales = currentScales.clone();
            bias = bias.clone();
        }

        public Population(String name, int size, IntModel model, double vRest, double stateScale, double[] currentScales) {
            this(name, size, model, vRest, stateScale, currentScales, new int[0]);
        }

        public Population withBias(int[] bias) {
            return new Population(name, size, model, vRest, stateScale, currentScales, bias);
        }

        @Override
        public int[] bias() {
            return bias.clone();
        }

        @Override
        public double[] currentScales() {
            return currentScales.clone();
        }

        public double currentScale(int channel) {
            return currentScales[channel];
        }
    }

    /**
     * A weight w (physical) is delivered as {@code round(w * weightScale / 2^shift) << shift}
     * with {@code shift = exponent + profile.inputShift}, the mantissa clamped to
     * weightBits; a delay d is {@code max(1, round(d / timestep))} steps. {@code postExponents},
     * when not empty, gives each post neuron its own exponent in place of {@code exponent}
     * (the largest of them).
     */
    public record Projection(String name, String pre, String post, int channel, double weightScale, int exponent, int[] postExponents) {
        public Projection(String name, String pre, String post, int channel, double weightScale, int exponent) {
            this(name, pre, post, channel, weightScale, exponent, new int[0]);
        }

        /** The exponent of the weights into post neuron n. */
        public int exponentOf(int n) {
            return postExponents.length == 0 ? exponent : postExponents[n];
        }
    }

    public Optional<Population> population(String name) {
        return populations.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public int shift(Projection p) {
        return p.exponent() + profile.inputShift();
    }

    /** The shift of the weights into post neuron n. */
    public int shift(Projection p, int n) {
        return p.exponentOf(n) + profile.inputShift();
    }
}
