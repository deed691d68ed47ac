package myelin.simulator;

import myelin.ir.integer.Profile;
import myelin.ir.integer.QuantizedNetwork;
import myelin.ir.integer.WeightCodec;
import myelin.ir.synapses.SynapseTable;

/**
 * One projection's synapses as the engine delivers them: integer weights and delays in
 * steps, pre-major. Constant weights and delays are stored once.
 */
final class SynapseRows {
    final int postPopulation;
    final int channel;
    final SynapseTable table;
    final int[] weights;
    final int constantWeight;
    final short[] delays;
    final int constantDelay;
    final int maxDelay;
    final long roundedToZero;

    SynapseRows(int postPopulation, QuantizedNetwork q, QuantizedNetwork.Projection p, SynapseTable table) {
        this.postPopulation = postPopulation;
        this.channel = p.channel();
        this.table = table.connectivityOnly(); // the float values are converted below; do not keep them
        Profile profile = q.profile();
        int shift = q.shift(p);
        double scale = p.weightScale();
        double dt = q.network().timestep();
        long zeros = 0;
        if (table.hasPerSynapseWeights()) {
            weights = new int[table.size()];
            for (int s = 0; s < weights.length; s++) {
                double w = table.weight(s);
                weights[s] = (int) WeightCodec.encode(w, scale, shift, profile);
                if (weights[s] == 0 && w != 0) zeros++;
            }
            constantWeight = 0;
        } else {
            weights = null;
            double w = table.size() > 0 ? table.weight(0) : 0;
            constantWeight = (int) WeightCodec.encode(w, scale, shift, profile);
            if (constantWeight == 0 && w != 0) zeros = table.size();
        }
        roundedToZero = zeros;
        int max = 1;
        if (table.hasPerSynapseDelays()) {
            delays = new short[table.size()];
            for (int s = 0; s < delays.length; s++) {
                int d = WeightCodec.delaySteps(table.delay(s), dt);
                if (d > Short.MAX_VALUE) {
                    throw myelin.ir.diag.InputException.of(myelin.ir.diag.SourceLocation.of(q.network().name()), "projection "
                            + p.name() + ": a delay of " + d + " steps is longer than the " + Short.MAX_VALUE + " steps supported");
                }
                delays[s] = (short) d;
                max = Math.max(max, d);
            }
            constantDelay = 0;
        } else {
            delays = null;
            constantDelay = table.size() > 0 ? WeightCodec.delaySteps(table.delay(0), dt) : 1;
            max = constantDelay;
        }
        maxDelay = max;
    }
}
