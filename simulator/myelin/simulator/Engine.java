package myelin.simulator;

import java.util.OptionalDouble;

/**
 * A simulator of one network: the integer engine (the golden model) and the reference
 * engine implement it, and so will the executors that run mapped hardware. Populations
 * are numbered as in the network.
 */
public interface Engine {
    /** Called after each step with that step's spikes. */
    @FunctionalInterface
    interface Observer {
        void afterStep(int step, SpikeTrain spikes);
    }

    int populationCount();

    String populationName(int population);

    int populationSize(int population);

    /** Synapses leaving neuron n of a population, over all its projections. */
    int outDegree(int population, int neuron);

    /** Adds an external spike of (population, neuron) at a step; call before running that step. */
    void inject(String population, int neuron, int step);

    /**
     * Runs steps. An observer that reads the state ({@code readsState}) sees it quiet after
     * each step; one that reads spikes only may let a parallel engine go on meanwhile.
     */
    void run(int steps, Observer observer, boolean readsState);

    /** The step the next run starts at. */
    int step();

    /**
     * A state variable ("v" or "i_NAME") of a neuron in the engine's own units: the integer
     * for the integer engine, the physical value (volts, the weight unit) for the reference;
     * empty when the population has no such variable.
     */
    OptionalDouble state(int population, String variable, int neuron);

    /** Spikes a population emitted without listing them to the observer (see IntegerEngine); 0 for most. */
    default long unlistedSpikes(int population) {
        return 0;
    }
}
