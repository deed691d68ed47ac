package myelin.ir.network;

import java.util.List;
import myelin.ir.units.Dimension;

/** A leaky integrator: LIF dynamics without threshold; it never spikes, its v is the output. */
public record LeakyIntegrator(String name, double tauM, double vRest, Coupling coupling, List<SynapseType> synapses)
        implements NeuronModel {
    public LeakyIntegrator {
        synapses = List.copyOf(synapses);
    }

    public ModelKind kind() {
        return ModelKind.LI;
    }

    public Dimension weightDimension() {
        return coupling.weightDimension();
    }

    public List<String> stateVariables() {
        return NeuronModel.membraneState(synapses);
    }

    public List<Parameter> parameters() {
        return List.of(
                new Parameter.Scalar("tau_m", tauM, Dimension.TIME),
                new Parameter.Scalar("v_rest", vRest, Dimension.VOLTAGE),
                coupling.parameter());
    }
}
