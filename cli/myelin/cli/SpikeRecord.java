package myelin.cli;

import java.util.Arrays;

/** Recorded spikes in growable primitive arrays: (step, population index, neuron). */
final class SpikeRecord {
    int size;
    int[] step = new int[1024];
    int[] population = new int[1024];
    int[] neuron = new int[1024];

    void add(int s, int p, int n) {
        if (size == step.length) {
            step = Arrays.copyOf(step, size * 2);
            population = Arrays.copyOf(population, size * 2);
            neuron = Arrays.copyOf(neuron, size * 2);
        }
        step[size] = s;
        population[size] = p;
        neuron[size] = n;
        size++;
    }
}
