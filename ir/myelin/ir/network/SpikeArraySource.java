package myelin.ir.network;

import java.util.List;
import myelin.ir.units.Dimension;

/** Spikes at given times; a spike is (neuron index, time in seconds). */
public record SpikeArraySource(String name, List<Spike> spikes) implements NeuronModel {
    public record Spike(int neuron, double time) {}

    public SpikeArraySource {
        spikes = List.copyOf(spikes);
    }

    public ModelKind kind() {
        return ModelKind.SPIKE_ARRAY;
    }

    public Dimension weightDimension() {
        return Dimension.NONE;
    }

    /** The spike list is printed apart; it is not a scalar parameter. */
    public List<Parameter> parameters() {
        return List.of();
    }
}
