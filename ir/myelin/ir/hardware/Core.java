package myelin.ir.hardware;

import java.util.List;
import myelin.ir.integer.IntModel;

/**
 * One core: a slice {@code [first, first + size)} of one population, its integer model
 * (a spike array's spikes re-indexed to the slice), the slice's bias and initial state, and
 * its input ring of {@code ringSlots} steps (a power of two) per channel.
 *
 * @param population index of the population in the network
 */
public record Core(int id, String name, int population, int first, int size, IntModel model, List<String> currents, int[] bias,
                   int[] initialV, int[][] initialCurrents, int ringSlots) {
    public Core {
        currents = List.copyOf(currents);
    }

    public int channels() {
        return model.channels();
    }

    public boolean isSource() {
        return model.isSource();
    }

    public Core withRingSlots(int slots) {
        return new Core(id, name, population, first, size, model, currents, bias, initialV, initialCurrents, slots);
    }
}
