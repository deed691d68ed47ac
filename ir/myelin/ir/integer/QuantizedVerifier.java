package myelin.ir.integer;

import java.util.ArrayList;
import java.util.List;

/** Checks that every integer of a quantized network fits the profile it claims. */
public final class QuantizedVerifier {
    private QuantizedVerifier() {}

    public static List<String> verify(QuantizedNetwork q) {
        List<String> problems = new ArrayList<>();
        for (QuantizedNetwork.Population pop : q.populations()) {
            problems.addAll(verify(pop.model(), pop.size(), q.profile(), "population " + pop.name() + ": "));
        }
        Profile p = q.profile();
        for (QuantizedNetwork.Projection proj : q.projections()) {
            if (proj.exponent() < 0 || proj.exponent() > p.maxWeightExponent()) {
                problems.add("projection " + proj.name() + ": exponent " + proj.exponent() + " outside [0, " + p.maxWeightExponent() + "]");
            }
            for (int e : proj.postExponents()) {
                if (e < 0 || e > proj.exponent()) {
                    problems.add("projection " + proj.name() + ": a post neuron's exponent " + e + " outside [0, " + proj.exponent() + "]");
                    break;
                }
            }
            var post = q.population(proj.post());
            if (post.isEmpty()) problems.add("projection " + proj.name() + ": no population " + proj.post());
            else if (proj.postExponents().length > 0 && proj.postExponents().length != post.get().size()) {
                problems.add("projection " + proj.name() + ": " + proj.postExponents().length + " post exponents for " + post.get().size() + " neurons");
            }
            else if (proj.channel() < 0 || proj.channel() >= post.get().model().channels()) {
                problems.add("projection " + proj.name() + ": channel " + proj.channel() + " out of range");
            }
        }
        return problems;
    }

    /** The problems of one integer model of a population of {@code size} neurons; each message starts with {@code at}. */
    public static List<String> verify(IntModel m, int size, Profile p, String at) {
        List<String> problems = new ArrayList<>();
        switch (m.kind()) {
            case LIF, LI -> {
                IntModel.Lif lif = (IntModel.Lif) m;
                if (lif.dv() < 0 || lif.dv() > p.decayOne()) problems.add(at + "dv " + lif.dv() + " outside [0, " + p.decayOne() + "]");
                for (int d : lif.currentDecays()) {
                    if (d < p.currentDecayOffset() || d > p.decayOne()) problems.add(at + "current decay " + d + " out of range");
                }
                checkThreshold(lif.threshold(), lif.reset(), p, m, at, problems);
                if (lif.refractorySteps() < 0) problems.add(at + "negative refractory period");
            }
            case IF -> {
                IntModel.IntegrateAndFire f = (IntModel.IntegrateAndFire) m;
                checkThreshold(f.threshold(), f.reset(), p, m, at, problems);
                if (f.refractorySteps() < 0) problems.add(at + "negative refractory period");
            }
            case THRESHOLD_GATE -> { }
            case POISSON -> {
                long[] cdf = ((IntModel.Poisson) m).cdf();
                if (cdf.length == 0 || cdf[cdf.length - 1] != 1L << 32) problems.add(at + "Poisson table must end at 2^32");
                for (int i = 1; i < cdf.length; i++) {
                    if (cdf[i] < cdf[i - 1]) {
                        problems.add(at + "Poisson table not monotone");
                        break;
                    }
                }
            }
            case SPIKE_ARRAY -> {
                IntModel.SpikeArray s = (IntModel.SpikeArray) m;
                for (int i = 0; i < s.steps().length; i++) {
                    if (s.neurons()[i] < 0 || s.neurons()[i] >= size) problems.add(at + "spike for neuron " + s.neurons()[i]);
                    if (i > 0 && (s.steps()[i] < s.steps()[i - 1]
                            || s.steps()[i] == s.steps()[i - 1] && s.neurons()[i] < s.neurons()[i - 1])) {
                        problems.add(at + "spikes are not sorted");
                        break;
                    }
                }
            }
        }
        return problems;
    }

    private static void checkThreshold(long threshold, long reset, Profile p, IntModel m, String at, List<String> problems) {
        if (threshold > p.vMax(m) || threshold < p.vMin(m)) problems.add(at + "threshold does not fit v's " + p.vBits(m) + " bits");
        if (reset > p.vMax(m) || reset < p.vMin(m)) problems.add(at + "reset does not fit v's " + p.vBits(m) + " bits");
        if (p.thresholdShift() > 0 && threshold % (1L << p.thresholdShift()) != 0) {
            problems.add(at + "threshold is not a multiple of 2^" + p.thresholdShift());
        }
    }
}
