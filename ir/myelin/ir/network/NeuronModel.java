package myelin.ir.network;

import java.util.List;
import myelin.ir.units.Dimension;

/** The closed set of neuron models. Parameters are in SI units. */
public sealed interface NeuronModel
        permits Lif, IntegrateAndFire, LeakyIntegrator, ThresholdGate, PoissonSource, SpikeArraySource {

    String name();

    ModelKind kind();

    /** Current-based exponential synapse types; none means weights act on v directly. */
    default List<SynapseType> synapses() {
        return List.of();
    }

    /** State variables that can be initialised and recorded (spikes are always recordable). */
    default List<String> stateVariables() {
        return List.of();
    }

    /** The dimension a weight onto this model must have. */
    Dimension weightDimension();

    /** The dimension of a population's bias: a voltage, or a plain number added to a gate's input. */
    default Dimension biasDimension() {
        return Dimension.VOLTAGE;
    }

    /** Whether the model only emits spikes and accepts no projections. */
    default boolean isSource() {
        return kind().isSource();
    }

    /** The parameters in canonical order, for printing and reports. */
    List<Parameter> parameters();

    /** The state variable a synapse type's current is stored in: {@code i_NAME}. */
    static String currentVariable(String synapseType) {
        return "i_" + synapseType;
    }

    /** The input channel (synapse type index) whose current is the state variable, or -1. */
    default int channelOf(String variable) {
        List<SynapseType> types = synapses();
        for (int c = 0; c < types.size(); c++) if (currentVariable(types.get(c).name()).equals(variable)) return c;
        return -1;
    }

    /** v plus one current per synapse type. */
    static List<String> membraneState(List<SynapseType> synapses) {
        var names = new java.util.ArrayList<String>();
        names.add("v");
        synapses.forEach(s -> names.add(currentVariable(s.name())));
        return List.copyOf(names);
    }
}
