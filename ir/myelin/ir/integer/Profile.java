package myelin.ir.integer;

import java.util.List;
import java.util.Optional;

/**
 * A target's integer arithmetic, as data: the simulator, the Verilog and the SpiNNaker
 * image all read the same fields. docs/semantics.md defines each one.
 *
 * @param stateBits       width of v and of each synaptic current (two's complement)
 * @param integratorBits  width of an IF neuron's v: it is only ever added to, never multiplied,
 *                        so a chip holds it wider for the price of its memory
 * @param weightBits      width of a weight mantissa; a weight is mantissa << exponent
 * @param maxWeightExponent largest per-projection weight exponent
 * @param inputShift      extra left shift of every delivered weight (Loihi: 6)
 * @param thresholdShift  the threshold is a mantissa << thresholdShift (Loihi: 6)
 * @param decayBits       multiplicative decays are d / 2^decayBits
 * @param currentDecayOffset added to the stored current decay (Loihi's ds_offset: 1)
 * @param membrane        how the current drives v
 * @param currentOverflow what a current does past its width
 * @param headroomBits    bits of v's range kept above the largest parameter
 * @param resetToRest     the target can only reset v to v_rest
 * @param refractory      the target has a refractory counter
 * @param capacity        what else the chip cannot hold, which quantize and encode refuse
 */
public record Profile(String name, String summary, int stateBits, int integratorBits, int weightBits, int maxWeightExponent, int inputShift,
                      int thresholdShift, int decayBits, int currentDecayOffset, Membrane membrane,
                      Overflow currentOverflow, int headroomBits, boolean resetToRest, boolean refractory, Capacity capacity) {

    /**
     * The rest of a chip's limits (docs/semantics.md, "Profiles"); 0 means none.
     *
     * @param maxMembraneDecay the largest membrane decay numerator (Lava's dv: 12 bits, so 4095)
     * @param synapseTypes     currents per neuron
     * @param directInput      whether weights may act on v itself (a model without synapse types)
     * @param maxDelaySteps    the longest synaptic delay
     * @param oneSpikePerStep  whether a source emits at most one spike a step (several can not be delivered as a multiple)
     * @param biasMantissaBits a bias is a signed mantissa of these bits shifted left by 0 to maxBiasExponent
     * @param exponentPerNeuron whether a listed or convolution projection may give each post neuron its own weight exponent
     */
    public record Capacity(int maxMembraneDecay, int synapseTypes, boolean directInput, int maxDelaySteps, boolean oneSpikePerStep,
                           int biasMantissaBits, int maxBiasExponent, boolean exponentPerNeuron) {
        public static final Capacity MYELIN = new Capacity(0, 0, true, Short.MAX_VALUE, false, 0, 0, true);
    }

    /** How synaptic current enters the membrane each step. */
    public enum Membrane {
        /** Exponential Euler with the current in voltage units: {@code v += ((I - v) * dv) / 2^k}. */
        RELAX_TO_INPUT,
        /** Loihi: {@code v = v * (2^k - dv) / 2^k + I}; the current is a per-step increment. */
        ADD_INPUT
    }

    /** What a value does past the state width. */
    public enum Overflow {
        SATURATE,
        /** Loihi's current: x > 2^(w-1) becomes x - 2^w, x <= -2^(w-1) becomes x + 2^w. */
        WRAP
    }

    public static final Profile DEFAULT = new Profile("default",
            "Myelin's own: 16-bit v and currents (IF's v: 24), 12-bit weights << per-projection exponent, 12-bit decays, saturating",
            16, 24, 12, 15, 0, 0, 12, 0, Membrane.RELAX_TO_INPUT, Overflow.SATURATE, 3, false, true, Capacity.MYELIN);

    public static final Profile LOIHI = new Profile("loihi",
            "Loihi CUBA LIF as Lava's bit-accurate model: 24-bit u and v, 12-bit du/dv, v > vth, reset to 0",
            24, 24, 8, 7, 6, 6, 12, 1, Membrane.ADD_INPUT, Overflow.WRAP, 3, true, false,
            new Capacity(4095, 1, false, 63, true, 13, 7, false));

    public static List<Profile> all() {
        return List.of(DEFAULT, LOIHI);
    }

    public static Optional<Profile> named(String name) {
        return all().stream().filter(p -> p.name.equals(name)).findFirst();
    }

    public long stateMax() {
        return (1L << (stateBits - 1)) - 1;
    }

    public long stateMin() {
        return -(1L << (stateBits - 1));
    }

    /** The width of v in a population of this model (docs/semantics.md, "Profiles"). */
    public int vBits(IntModel m) {
        return m instanceof IntModel.IntegrateAndFire ? integratorBits : stateBits;
    }

    /** The largest v of this model. */
    public long vMax(IntModel m) {
        return (1L << (vBits(m) - 1)) - 1;
    }

    /** The smallest v of this model: symmetric where currents wrap (Loihi clips v to +-(2^23 - 1)). */
    public long vMin(IntModel m) {
        return currentOverflow == Overflow.WRAP ? -vMax(m) : -vMax(m) - 1;
    }

    public long decayOne() {
        return 1L << decayBits;
    }
}
