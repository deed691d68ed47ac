package myelin.simulator;

import java.util.Arrays;

/** Spikes of one step in emission order: population, neuron, count (Poisson sources may emit several). */
public final class SpikeBuffer {
    int size;
    int[] population = new int[64];
    int[] neuron = new int[64];
    int[] count = new int[64];

    public void add(int pop, int n, int c) {
        if (size == neuron.length) {
            population = Arrays.copyOf(population, size * 2);
            neuron = Arrays.copyOf(neuron, size * 2);
            count = Arrays.copyOf(count, size * 2);
        }
        population[size] = pop;
        neuron[size] = n;
        count[size] = c;
        size++;
    }

    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
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
}
