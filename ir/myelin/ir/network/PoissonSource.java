package myelin.ir.network;

import java.util.List;
import myelin.ir.units.Dimension;

/** Independent Poisson spike trains at a fixed rate. */
public record PoissonSource(String name, double rate) implements NeuronModel {
    public ModelKind kind() {
        return ModelKind.POISSON;
    }

    public Dimension weightDimension() {
        return Dimension.NONE;
    }

    public List<Parameter> parameters() {
        return List.of(new Parameter.Scalar("rate", rate, Dimension.FREQUENCY));
    }
}
