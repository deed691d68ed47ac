package myelin.ir.network;

import java.util.List;
import myelin.ir.units.Dimension;

/** A binary neuron: spikes when the integer-weighted sum of last step's input spikes, plus its bias, reaches the threshold. */
public record ThresholdGate(String name, long threshold) implements NeuronModel {
    public ModelKind kind() {
        return ModelKind.THRESHOLD_GATE;
    }

    public Dimension weightDimension() {
        return Dimension.NONE;
    }

    public Dimension biasDimension() {
        return Dimension.NONE;
    }

    public List<Parameter> parameters() {
        return List.of(new Parameter.Scalar("threshold", threshold, Dimension.NONE));
    }
}
