package myelin.ir.network;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;

/**
 * The network IR: populations joined by projections, plus recordings and hardware
 * targets. Parameters are in SI units; {@code timestep} is in seconds.
 */
public record Network(String name, double timestep, long seed, Map<String, NeuronModel> models,
                      List<Population> populations, List<Projection> projections,
                      List<Recording> recordings, List<Target> targets) {
    public Network {
        models = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(models));
        populations = List.copyOf(populations);
        projections = List.copyOf(projections);
        recordings = List.copyOf(recordings);
        targets = List.copyOf(targets);
    }

    public Optional<Population> population(String name) {
        return populations.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The model of a population; the verifier guarantees it exists. */
    public NeuronModel modelOf(Population population) {
        NeuronModel model = models.get(population.model());
        if (model == null) throw new IllegalStateException("population " + population.name() + " has no model");
        return model;
    }

    public Population preOf(Projection projection) {
        return population(projection.pre()).orElseThrow();
    }

    public Population postOf(Projection projection) {
        return population(projection.post()).orElseThrow();
    }

    /** Neurons of populations that are not spike sources. */
    public long neuronCount() {
        return populations.stream().filter(p -> !modelOf(p).isSource()).mapToLong(Population::size).sum();
    }

    /** Spike sources (Poisson trains, spike arrays). */
    public long sourceCount() {
        return populations.stream().filter(p -> modelOf(p).isSource()).mapToLong(Population::size).sum();
    }

    /** Populations as vertices, projections as edges; loops and parallel edges allowed. */
    public Graph<Population, Projection> graph() {
        Graph<Population, Projection> g = new DirectedPseudograph<>(Projection.class);
        populations.forEach(g::addVertex);
        for (Projection p : projections) {
            g.addEdge(population(p.pre()).orElseThrow(), population(p.post()).orElseThrow(), p);
        }
        return g;
    }
}
