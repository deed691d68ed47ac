package myelin.ir.integer;

import java.util.ArrayList;
import java.util.List;

/** Checks that every integer of a quantized network fits the profile it claims. */
public final class QuantizedVerifier {
    private QuantizedVerifier() {}

    public static List<String> verify(QuantizedNetwork q) {
        Profile p = q.profile();
        List<String> problems = new ArrayList<>();
        for (QuantizedNetwork.Population pop : q.populations()) {
            IntModel m = pop.model();
            String at = "population " + pop.name() + ": ";
            if (m instanceof IntModel.Lif lif) {
                if (lif.dv() < 0 || lif.dv() > p.decayOne()) problems.add(at + "dv " + lif.dv() + " outside [0, " + p.decayOne() + "]");
                for (int d : lif.currentDecays()) {
                    if (d < p.currentDecayOffset() || d > p.decayOne()) problems.add(at + "current decay " + d + " out of range");
                }
                if (lif.threshold() > p.stateMax() || lif.threshold() < p.stateMin()) problems.add(at + "threshold does not fit the state");
                if (lif.reset() > p.stateMax() || lif.reset() < p.stateMin()) problems.add(at + "reset does not fit the state");
                if (p.thresholdShift() > 0 && lif.threshold() % (1L << p.thresholdShift()) != 0) {
                    problems.add(at + "threshold is not a multiple of 2^" + p.thresholdShift());
                }
            } else if (m instanceof IntModel.Poisson poisson) {
                long[] cdf = poisson.cdf();
                if (cdf.length == 0 || cdf[cdf.length - 1] != 1L << 32) problems.add(at + "Poisson table must end at 2^32");
                for (int i = 1; i < cdf.length; i++) if (cdf[i] < cdf[i - 1]) problems.add(at + "Poisson table not monotone");
            } else if (m instanceof IntModel.SpikeArray s) {
                for (int i = 0; i < s.steps().length; i++) {
                    if (s.neurons()[i] < 0 || s.neurons()[i] >= pop.size()) problems.add(at + "spike for neuron " + s.neurons()[i]);
                    if (i > 0 && (s.steps()[i] < s.steps()[i - 1]
                            || s.steps()[i] == s.steps()[i - 1] && s.neurons()[i] < s.neurons()[i - 1])) {
                        problems.add(at + "spikes are not sorted");
                        break;
                    }
                }
            }
        }
        for (QuantizedNetwork.Projection proj : q.projections()) {
            if (proj.exponent() < 0 || proj.exponent() > p.maxWeightExponent()) {
                problems.add("projection " + proj.name() + ": exponent " + proj.exponent() + " outside [0, " + p.maxWeightExponent() + "]");
            }
            var post = q.population(proj.post());
            if (post.isEmpty()) problems.add("projection " + proj.name() + ": no population " + proj.post());
            else if (proj.channel() < 0 || proj.channel() >= post.get().model().channels()) {
                problems.add("projection " + proj.name() + ": channel " + proj.channel() + " out of range");
            }
        }
        return problems;
    }
}
