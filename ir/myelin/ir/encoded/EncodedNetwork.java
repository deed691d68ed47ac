package myelin.ir.encoded;

import java.util.List;
import myelin.ir.integer.IntModel;
import myelin.ir.integer.Profile;
import myelin.ir.network.NeuronModel;

/**
 * The integer expanded IR: everything hardware must implement, in integers, and nothing
 * else. Per population its integer model, bias and initial state; per projection its
 * expanded synapses with integer weights and delays in steps. The integer engine executes
 * exactly this; the mapping passes and backends read it.
 *
 * @param seed the network's seed, from which the Poisson sources draw (docs/ir.md)
 * @param weightErrors per projection, what the integers did to its weights; measured by the
 *                     encode pass, not part of the text form (a stage read from text has none)
 */
public record EncodedNetwork(String name, Profile profile, long seed, List<Population> populations,
                             List<Projection> projections, List<WeightError> weightErrors) {
    public EncodedNetwork {
        populations = List.copyOf(populations);
        projections = List.copyOf(projections);
        weightErrors = List.copyOf(weightErrors);
    }

    /** Synapses whose physical weight is not zero but whose integer is. */
    public long weightsRoundedToZero() {
        return weightErrors.stream().mapToLong(WeightError::roundedToZero).sum();
    }

    /**
     * @param currents        the synapse types' names, in channel order (state variables {@code i_NAME})
     * @param bias            each neuron's constant input in v integers, or empty
     * @param initialV        each neuron's initial v, or empty for all zero
     * @param initialCurrents per channel, each neuron's initial current, or an empty array for all zero
     */
    public record Population(String name, int size, IntModel model, List<String> currents, int[] bias, int[] initialV,
                             int[][] initialCurrents) {
        public Population {
            currents = List.copyOf(currents);
        }

        /** The channel of a state variable {@code i_NAME}, or -1. */
        public int channelOf(String variable) {
            for (int c = 0; c < currents.size(); c++) if (variable.equals(NeuronModel.currentVariable(currents.get(c)))) return c;
            return -1;
        }

        public boolean isSource() {
            return model.isSource();
        }
    }

    /** {@code pre} and {@code post} index {@link #populations()}; {@code channel} is the post's input channel. */
    public record Projection(String name, int pre, int post, int channel, EncodedSynapses synapses) {}

    public long synapseCount() {
        return projections.stream().mapToLong(p -> p.synapses().size()).sum();
    }
}
