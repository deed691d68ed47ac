package myelin.ir.network;

import java.util.List;
import myelin.ir.units.Dimension;

/** Integrate-and-fire without leak: each weight (a voltage) is added to v. */
public record IntegrateAndFire(String name, double vThreshold, double vReset, double refractory, ResetMode reset)
        implements NeuronModel {
    public ModelKind kind() {
        return ModelKind.IF;
    }

    public Dimension weightDimension() {
        return Dimension.VOLTAGE;
    }

    public List<String> stateVariables() {
        return List.of("v");
    }

    public List<Parameter> parameters() {
        return List.of(
                new Parameter.Scalar("v_threshold", vThreshold, Dimension.VOLTAGE),
                new Parameter.Scalar("v_reset", vReset, Dimension.VOLTAGE),
                new Parameter.Scalar("refractory", refractory, Dimension.TIME),
                new Parameter.Choice("reset", reset.keyword()));
    }
}
