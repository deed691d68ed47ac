package myelin.simulator;

import java.util.Arrays;

/**
 * Spikes as (step, population, neuron, count) in emission order: step by step, then
 * population and neuron; a Poisson source may emit several spikes in one step, which are
 * one entry with their count. Engines hand each step's spikes to their observer in one;
 * recorders append the steps they keep to another.
 */
public final class SpikeTrain {
    int size;
    int[] step = new int[64];
    int[] population = new int[64];
    int[] neuron = new int[64];
    int[] count = new int[64];

    public void add(int s, int pop, int n, int c) {
        if (size == neuron.length) {
            step = Arrays.copyOf(step, size * 2);
            population = Arrays.copyOf(population, size * 2);
            neuron = Arrays.copyOf(neuron, size * 2);
            count = Arrays.copyOf(count, size * 2);
        }
        step[size] = s;
        population[size] = pop;
        neuron[size] = n;
        count[size] = c;
        size++;
    }

    /** Appends entry i of another train. */
    public void add(SpikeTrain other, int i) {
        add(other.step[i], other.population[i], other.neuron[i], other.count[i]);
    }

    public void clear() {
        size = 0;
    }

    /** Entries (not spikes: an entry may hold several). */
    public int size() {
        return size;
    }

    public int step(int i) {
        return step[i];
    }

    public int population(int i) {
        return population[i];
    }

    public int neuron(int i) {
        return neuron[i];
    }

    public int count(int i) {
        return count[i];
    }

    /** Whether entry i of this train and entry j of another are the same spikes. */
    public boolean sameEntry(int i, SpikeTrain other, int j) {
        return step[i] == other.step[j] && population[i] == other.population[j] && neuron[i] == other.neuron[j]
                && count[i] == other.count[j];
    }

    /** Orders entry i of this train against entry j of another by step, population, neuron. */
    public int compareEntry(int i, SpikeTrain other, int j) {
        int c = Integer.compare(step[i], other.step[j]);
        if (c == 0) c = Integer.compare(population[i], other.population[j]);
        return c != 0 ? c : Integer.compare(neuron[i], other.neuron[j]);
    }
}
