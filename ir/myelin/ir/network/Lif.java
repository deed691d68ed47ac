package myelin.ir.network;

import java.util.ArrayList;
import java.util.List;
import myelin.ir.units.Dimension;

/** Leaky integrate-and-fire; with synapse types it is the current-based (CUBA) LIF. */
public record Lif(String name, double tauM, double vRest, double vReset, double vThreshold,
                  double refractory, ResetMode reset, Coupling coupling, List<SynapseType> synapses)
        implements NeuronModel {
    public Lif {
        synapses = List.copyOf(synapses);
    }

    public ModelKind kind() {
        return ModelKind.LIF;
    }

    public Dimension weightDimension() {
        return coupling.weightDimension();
    }

    public List<String> stateVariables() {
        return NeuronModel.membraneState(synapses);
    }

    public List<Parameter> parameters() {
        List<Parameter> p = new ArrayList<>();
        p.add(new Parameter.Scalar("tau_m", tauM, Dimension.TIME));
        p.add(new Parameter.Scalar("v_rest", vRest, Dimension.VOLTAGE));
        p.add(new Parameter.Scalar("v_reset", vReset, Dimension.VOLTAGE));
        p.add(new Parameter.Scalar("v_threshold", vThreshold, Dimension.VOLTAGE));
        p.add(new Parameter.Scalar("refractory", refractory, Dimension.TIME));
        p.add(new Parameter.Choice("reset", reset.keyword()));
        p.add(coupling.parameter());
        return p;
    }
}
