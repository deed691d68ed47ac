package myelin.passes.quantize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import myelin.ir.diag.InputException;
import myelin.ir.diag.Diagnostic;
import myelin.ir.integer.ChargeScale;
import myelin.ir.integer.IntModel;
import myelin.ir.integer.PoissonTable;
import myelin.ir.integer.Profile;
import myelin.ir.integer.QuantizationReport;
import myelin.ir.integer.QuantizedNetwork;
import myelin.ir.network.Connector;
import myelin.ir.network.Coupling;
import myelin.ir.network.Distribution;
import myelin.ir.network.IntegrateAndFire;
import myelin.ir.network.LeakyIntegrator;
import myelin.ir.network.Lif;
import myelin.ir.network.Network;
import myelin.ir.network.NeuronModel;
import myelin.ir.network.PoissonSource;
import myelin.ir.network.Population;
import myelin.ir.network.Projection;
import myelin.ir.network.SourceMap;
import myelin.ir.network.VerifierProblem.Entity;
import myelin.ir.network.SpikeArraySource;
import myelin.ir.network.SynapseType;
import myelin.ir.target.Calibration;
import myelin.ir.target.ScaleBound;
import myelin.ir.target.TargetSpec;
import myelin.ir.network.ThresholdGate;
import myelin.passes.CompilationUnit;
import myelin.passes.Pass;
import myelin.passes.PassInfo;
import myelin.passes.Stages;

/**
 * Physical units to the integers of a profile (docs/semantics.md, "Quantization"). Every
 * parameter goes into the report with its error; weights that round to zero and inputs
 * that can saturate a state are warnings, never silent.
 */
public final class Quantize implements Pass {
    private static final PassInfo<QuantizedNetwork> INFO = PassInfo.of("quantize", "physical parameters to the profile's integers",
            Set.of(Stages.NETWORK), Stages.QUANTIZED);

    /** Bits of the state width kept above the largest single weight's step (room for inputs that add up). */
    static final int WEIGHT_HEADROOM_BITS = 2;

    private final Profile profile;
    private final ScaleBound bound;
    private final Calibration calibration;

    public Quantize(TargetSpec target) {
        this.profile = target.profile();
        this.bound = target.scaleBound();
        this.calibration = target.calibration();
    }

    @Override
    public PassInfo<QuantizedNetwork> info() {
        return INFO;
    }

    @Override
    public QuantizedNetwork run(CompilationUnit unit) {
        return new Run(unit.network(), unit.sources()).quantize();
    }

    /** One quantization: collects the report and the errors as it goes. */
    private final class Run {
        private final Network net;
        private final double dt;
        private final List<QuantizationReport.Entry> entries = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final List<Diagnostic> errors = new ArrayList<>();
        private final SourceMap sources;

        Run(Network net, SourceMap sources) {
            this.net = net;
            this.dt = net.timestep();
            this.sources = sources;
        }

        /** An error the profile raises about a population, placed at its declaration. */
        private void error(Population p, String message) {
            errors.add(Diagnostic.error(sources.at(Entity.POPULATION, p.name()), "profile " + profile.name() + ": " + message));
        }

        QuantizedNetwork quantize() {
            List<QuantizedNetwork.Population> pops = new ArrayList<>();
            for (Population p : net.populations()) pops.add(population(p));
            List<QuantizedNetwork.Projection> projections = new ArrayList<>();
            for (Projection p : net.projections()) {
                QuantizedNetwork.Population post = pops.get(net.populations().indexOf(net.postOf(p)));
                projections.add(projection(p, post));
            }
            if (!errors.isEmpty()) throw new InputException(errors);
            return new QuantizedNetwork(net.name(), dt, profile, pops, projections, new QuantizationReport(entries, warnings, notes));
        }

        private void entry(String entity, String parameter, double physical, String unit, long integer, double represented) {
            entries.add(new QuantizationReport.Entry(entity, parameter, physical, unit, integer, represented));
        }

        /** A multiplicative decay 1 - exp(-dt/tau) as a numerator over 2^decayBits (effective value, offset included). */
        private int decay(String entity, String parameter, double tau, int offset) {
            double fraction = -StrictMath.expm1(-dt / tau);
            long d = Math.max(offset, Math.min(profile.decayOne(), Math.round(fraction * profile.decayOne())));
            double representedTau = d >= profile.decayOne() ? 0 : -dt / StrictMath.log1p(-(double) d / profile.decayOne());
            entry(entity, parameter, tau * 1e3, "ms", d - offset, representedTau * 1e3);
            if (d == 0) warnings.add(entity + ": " + parameter + " = " + tau * 1e3 + " ms is so long that the decay rounds to none");
            return (int) d;
        }

        private QuantizedNetwork.Population population(Population p) {
            QuantizedNetwork.Population q = unbiased(p);
            if (!p.hasBias()) return q;
            return q.withBias(q.model() instanceof IntModel.Gate ? gateBias(p) : bias(p, q));
        }

        /**
         * A gate's bias, shifted as its weights are: with integer weights the input is an
         * integer, so in + b >= T exactly when in + floor(b) >= T, and the rounding loses nothing.
         */
        private int[] gateBias(Population p) {
            int[] out = new int[p.size()];
            for (int n = 0; n < out.length; n++) {
                double b = Math.floor(p.bias().get(n)) * (1L << profile.inputShift());
                if (b < profile.stateMin() || b > profile.stateMax()) {
                    error(p, "population " + p.name() + ": neuron " + n + "'s bias " + p.bias().get(n) + " does not fit the "
                            + profile.stateBits() + "-bit state");
                    return out;
                }
                out[n] = (int) b;
            }
            return out;
        }

        /**
         * A bias in v integers: the level v relaxes to (relax profiles), that level's share per
         * step (add profiles: v = decay(v) + I settles at I 2^12 / d_v), or IF's increment per step.
         */
        private int[] bias(Population p, QuantizedNetwork.Population q) {
            double perUnit = q.stateScale();
            if (q.model() instanceof IntModel.Lif lif && profile.membrane() == Profile.Membrane.ADD_INPUT) {
                perUnit *= (double) lif.dv() / profile.decayOne();
            }
            int[] out = new int[p.size()];
            double worst = 0;
            double worstValue = 0;
            Profile.Capacity cap = profile.capacity();
            long largestBias = cap.biasMantissaBits() == 0 ? Long.MAX_VALUE : ((1L << (cap.biasMantissaBits() - 1)) - 1) << cap.maxBiasExponent();
            boolean tooLarge = false;
            for (int n = 0; n < out.length; n++) {
                double b = p.bias().get(n);
                long x = Math.max(profile.vMin(q.model()), Math.min(profile.vMax(q.model()), Math.round(b * perUnit)));
                if (cap.biasMantissaBits() > 0) {
                    // A mantissa of biasMantissaBits shifted by the smallest exponent that holds it (Lava's bias_mant, bias_exp).
                    if (Math.abs(x) > largestBias) tooLarge = true;
                    int e = 0;
                    while (e < cap.maxBiasExponent() && Math.abs(Math.round(x / (double) (1L << e))) >= 1L << (cap.biasMantissaBits() - 1)) e++;
                    x = Math.round(x / (double) (1L << e)) << e;
                }
                out[n] = (int) x;
                if (Math.abs(b) > Math.abs(worstValue)) worstValue = b;
                worst = Math.max(worst, Math.abs(x / perUnit - b));
            }
            entry("population " + p.name(), "bias (largest)", worstValue * 1e3, "mV", Math.round(worstValue * perUnit),
                    Math.round(worstValue * perUnit) / perUnit * 1e3);
            if (tooLarge) {
                error(p, "population " + p.name() + ": a bias of " + mv(worstValue) + " needs more than the " + cap.biasMantissaBits() + "-bit mantissa shifted by up to "
                        + cap.maxBiasExponent() + " this profile holds (at most " + mv(largestBias / perUnit) + ")");
            } else if (worst > 0.5 / perUnit * 1.0001 && cap.biasMantissaBits() == 0) {
                warnings.add("population " + p.name() + ": bias values beyond the state width saturate");
            }
            return out;
        }

        private QuantizedNetwork.Population unbiased(Population p) {
            NeuronModel m = net.modelOf(p);
            String entity = "population " + p.name();
            return switch (m.kind()) {
                case LIF -> {
                    Lif lif = (Lif) m;
                    yield membrane(p, entity, lif.tauM(), lif.vRest(), lif.vReset(), lif.vThreshold(), lif.refractory(),
                            lif.reset() == myelin.ir.network.ResetMode.SUBTRACT, lif.synapses(), true, couplingFactor(lif.coupling()));
                }
                case LI -> {
                    LeakyIntegrator li = (LeakyIntegrator) m;
                    yield membrane(p, entity, li.tauM(), li.vRest(), li.vRest(), li.vRest(), 0, false, li.synapses(), false,
                            couplingFactor(li.coupling()));
                }
                case IF -> integrateAndFire(p, entity, (IntegrateAndFire) m);
                case THRESHOLD_GATE -> {
                    // Weights arrive shifted left by the profile's input shift; the threshold is scaled alike.
                    ThresholdGate g = (ThresholdGate) m;
                    long threshold = g.threshold() << profile.inputShift();
                    entry(entity, "threshold", g.threshold(), "", threshold, g.threshold());
                    yield new QuantizedNetwork.Population(p.name(), p.size(), new IntModel.Gate(threshold), 0, 0, new double[0]);
                }
                case POISSON -> poisson(p, entity, (PoissonSource) m);
                case SPIKE_ARRAY -> spikeArray(p, (SpikeArraySource) m);
            };
        }

        /** The LSB at which twice the largest state the calibration input reached fills a state of these bits (0 without one). */
        private double calibratedLsb(Population p, int bits) {
            Double seen = calibration.extremes().get(p.name());
            return seen == null ? 0 : seen * Calibration.MARGIN / (1L << (bits - 1));
        }

        private String calibrationBound(Population p) {
            return String.format(java.util.Locale.ROOT, "the calibration input %s (its states reached %.4g mV, kept within half the range)",
                    calibration.source(), calibration.extremes().get(p.name()) * 1e3);
        }

        /** The LSB of v: the largest voltage magnitude the model needs, with headroom, fills the state. */
        private double voltageLsb(double... magnitudes) {
            double span = 0;
            for (double m : magnitudes) span = Math.max(span, Math.abs(m));
            if (span == 0) span = 1e-3;
            return span / (1L << (profile.stateBits() - 1 - profile.headroomBits()));
        }

        private QuantizedNetwork.Population membrane(Population p, String entity, double tauM, double vRest, double vReset,
                                                     double vThreshold, double refractory, boolean subtract,
                                                     List<SynapseType> synapses, boolean spikes, double coupling) {
            if (spikes && profile.resetToRest() && vReset != vRest) {
                error(p, entity + ": this profile resets v to v_rest, but v_reset (" + mv(vReset) + ") differs from v_rest (" + mv(vRest) + ")");
            }
            if (spikes && profile.resetToRest() && subtract) error(p, entity + ": this profile has no subtractive reset");
            if (spikes && !profile.refractory() && refractory > 0) {
                error(p, entity + ": this profile has no refractory period, but the model has " + refractory * 1e3 + " ms");
            }
            if (spikes && profile.thresholdShift() > 0 && vThreshold <= vRest) {
                error(p, entity + ": this profile needs v_threshold above v_rest (its threshold is unsigned)");
            }
            double[] init = initialExtremes(p, "v", vRest);
            double lsb = voltageLsb(vThreshold - vRest, vReset - vRest, init[0] - vRest, init[1] - vRest);
            String scaleBound = "the threshold, reset and initial v";
            int dv = decay(entity, "tau_m", tauM, 0);
            Profile.Capacity cap = profile.capacity();
            if (cap.maxMembraneDecay() > 0 && dv > cap.maxMembraneDecay()) {
                error(p, entity + ": tau_m = " + tauM * 1e3 + " ms decays v by " + dv + "/" + profile.decayOne() + " a step, more than this profile's "
                        + cap.maxMembraneDecay() + " (a time constant below dt / 9; a smaller timestep fits)");
            }
            if (cap.synapseTypes() > 0 && synapses.size() > cap.synapseTypes()) {
                error(p, entity + ": the model has " + synapses.size() + " synapse types, but this profile's neurons have " + cap.synapseTypes()
                        + " current" + (cap.synapseTypes() == 1 ? "" : "s"));
            }
            int[] currents = new int[synapses.size()];
            for (int i = 0; i < synapses.size(); i++) {
                currents[i] = decay(entity, "tau of synapse " + synapses.get(i).name(), synapses.get(i).tau(), profile.currentDecayOffset());
            }
            // Joint scale: the largest weight into each channel must move its current (or v) by no more than the
            // state holds with the headroom, so that one input never saturates (docs/semantics.md, "Quantization").
            for (Projection in : net.projections()) {
                if (!in.post().equals(p.name())) continue;
                double perWeight = coupling * chargeFactor(synapses, channelOf(synapses, in), tauM, currents, dv);
                double needed = maxAbsWeight(in) * perWeight / (1L << (profile.stateBits() - 1 - WEIGHT_HEADROOM_BITS));
                if (needed > lsb) {
                    lsb = needed;
                    scaleBound = "the largest weight of projection " + in.name();
                }
            }
            if (bound == ScaleBound.SUMMED_INPUT) {
                double needed = summedInputLsb(p, entity, vRest, synapses, currents, dv, coupling, tauM, init);
                if (needed > lsb) {
                    lsb = needed;
                    scaleBound = "the summed input (every input every step)";
                }
            }
            double calibrated = calibratedLsb(p, profile.stateBits());
            if (calibrated > lsb) {
                lsb = calibrated;
                scaleBound = calibrationBound(p);
            }
            notes.add(entity + ": v's scale set by " + scaleBound);
            long threshold = 0;
            long reset = 0;
            if (spikes) {
                long unit = 1L << profile.thresholdShift();
                threshold = Math.round((vThreshold - vRest) / lsb / unit) * unit;
                reset = Math.round((vReset - vRest) / lsb);
                entry(entity, "v_threshold - v_rest", (vThreshold - vRest) * 1e3, "mV", threshold, threshold * lsb * 1e3);
                entry(entity, "v_reset - v_rest", (vReset - vRest) * 1e3, "mV", reset, reset * lsb * 1e3);
            }
            int refractorySteps = (int) Math.round(refractory / dt);
            if (spikes && refractory > 0) entry(entity, "refractory", refractory * 1e3, "ms", refractorySteps, refractorySteps * dt * 1e3);
            entry(entity, "v LSB", lsb * 1e3, "mV", 1, lsb * 1e3);
            var model = new IntModel.Lif(dv, currents, threshold, reset, subtract, refractorySteps, spikes);
            // Charge-preserving currents: a weight w into synapse type s moves v by w tau_s / tau_m in
            // total, as in the continuous model, whatever the discretisation (docs/semantics.md).
            double[] currentScales = new double[synapses.size()];
            for (int i = 0; i < currentScales.length; i++) currentScales[i] = coupling / lsb * chargeFactor(synapses, i, tauM, currents, dv);
            return new QuantizedNetwork.Population(p.name(), p.size(), model, vRest, 1 / lsb, currentScales);
        }

        private QuantizedNetwork.Population integrateAndFire(Population p, String entity, IntegrateAndFire f) {
            if (profile.resetToRest() && f.vReset() != 0) error(p, entity + ": this profile resets v to 0, but v_reset is " + mv(f.vReset()));
            if (!profile.refractory() && f.refractory() > 0) error(p, entity + ": this profile has no refractory period");
            double[] init = initialExtremes(p, "v", 0);
            double lsb = voltageLsb(f.vThreshold(), f.vReset(), init[0], init[1]);
            String scaleBound = "the threshold, reset and initial v";
            for (Projection in : net.projections()) {
                if (!in.post().equals(p.name())) continue;
                double needed = maxAbsWeight(in) / (1L << (profile.stateBits() - 1 - WEIGHT_HEADROOM_BITS));
                if (needed > lsb) {
                    lsb = needed;
                    scaleBound = "the largest weight of projection " + in.name();
                }
            }
            double calibrated = calibratedLsb(p, profile.integratorBits());
            if (calibrated > lsb) {
                lsb = calibrated;
                scaleBound = calibrationBound(p);
            }
            notes.add(entity + ": v's scale set by " + scaleBound);
            long unit = 1L << profile.thresholdShift();
            long threshold = Math.round(f.vThreshold() / lsb / unit) * unit;
            long reset = Math.round(f.vReset() / lsb);
            int refractorySteps = (int) Math.round(f.refractory() / dt);
            entry(entity, "v_threshold", f.vThreshold() * 1e3, "mV", threshold, threshold * lsb * 1e3);
            entry(entity, "v_reset", f.vReset() * 1e3, "mV", reset, reset * lsb * 1e3);
            entry(entity, "v LSB", lsb * 1e3, "mV", 1, lsb * 1e3);
            var model = new IntModel.IntegrateAndFire(threshold, reset,
                    f.reset() == myelin.ir.network.ResetMode.SUBTRACT, refractorySteps);
            return new QuantizedNetwork.Population(p.name(), p.size(), model, 0, 1 / lsb, new double[0]);
        }

        /**
         * The v LSB at which no state of a LIF or LI population can saturate (docs/semantics.md,
         * "Quantization", summed_input): every synapse delivering its largest weight, as many
         * times as its source can spike in one step, every step; each current at the level
         * that settles to (in / (d / 2^12)) plus its initial extreme; v at the drive the
         * currents, bias and direct input hold it to. 0 when a decay of 0 leaves it unbounded.
         */
        private double summedInputLsb(Population p, String entity, double vRest, List<SynapseType> synapses, int[] currents, int dv,
                                      double coupling, double tauM, double[] initV) {
            boolean add = profile.membrane() == Profile.Membrane.ADD_INPUT;
            double one = profile.decayOne();
            double[] perStep = new double[synapses.size()];
            double direct = 0;
            for (Projection in : net.projections()) {
                if (!in.post().equals(p.name())) continue;
                int c = channelOf(synapses, in);
                double perWeight = coupling * chargeFactor(synapses, c, tauM, currents, dv);
                // Rounding can add half a mantissa step to the largest weight: at most 1/128 of it.
                double x = strictFanIn(in) * maxAbsWeight(in) * perWeight * spikesPerStep(net.preOf(in)) * (1 + 1.0 / 128);
                if (c < 0) direct += x;
                else perStep[c] += x;
            }
            double room = profile.stateMax() - 2;
            double lsb = 0;
            double drive = Math.abs(p.hasBias() ? maxAbsBias(p) : 0);
            for (int c = 0; c < synapses.size(); c++) {
                if (perStep[c] > 0 && currents[c] == 0) {
                    warnings.add(entity + ": synapse " + synapses.get(c).name() + " never decays, so no scale bounds its summed input");
                    return 0;
                }
                double[] init = initialExtremes(p, NeuronModel.currentVariable(synapses.get(c).name()), 0);
                double initial = Math.max(Math.abs(init[0]), Math.abs(init[1])) * coupling * chargeFactor(synapses, c, tauM, currents, dv);
                double level = initial + (perStep[c] == 0 ? 0 : perStep[c] / (currents[c] / one));
                lsb = Math.max(lsb, level / room);
                drive += level;
            }
            if (direct > 0 && dv == 0) {
                warnings.add(entity + ": v never decays, so no scale bounds its summed direct input");
                return 0;
            }
            double v0 = Math.max(Math.abs(initV[0] - vRest), Math.abs(initV[1] - vRest));
            double directLevel = direct == 0 ? 0 : direct / (dv / one);
            double v = add ? v0 + (drive + direct) / (dv / one) : Math.max(v0, drive + directLevel);
            return Math.max(lsb, v / room);
        }

        /** The synapse type a projection feeds, or -1 for v itself. */
        private static int channelOf(List<SynapseType> synapses, Projection in) {
            return in.synapse().isEmpty() ? -1 : synapses.stream().map(SynapseType::name).toList().indexOf(in.synapse());
        }

        /**
         * What one unit of a weight into channel c (or of its initial current) moves v by, per
         * unit of coupling: 1 straight into v, the charge-preserving factor into a current.
         */
        private double chargeFactor(List<SynapseType> synapses, int c, double tauM, int[] currents, int dv) {
            return c < 0 ? 1 : ChargeScale.perWeight(synapses.get(c).tau(), tauM, (double) currents[c] / profile.decayOne(),
                    (double) dv / profile.decayOne(), profile.membrane() == Profile.Membrane.ADD_INPUT);
        }

        /** The most synapses of this projection into one post neuron, whatever the draw. */
        private long strictFanIn(Projection p) {
            return p.connector() instanceof Connector.FixedProbability ? net.preOf(p).size() : maxFanIn(p);
        }

        /** The most spikes one neuron of this population emits in a step (a spike array: what it lists, plus one input spike). */
        private long spikesPerStep(Population pre) {
            NeuronModel m = net.modelOf(pre);
            if (m instanceof PoissonSource s) return PoissonTable.fixedPoint(Math.min(PoissonTable.MAX_LAMBDA, s.rate() * dt)).length - 1;
            if (m instanceof SpikeArraySource a) {
                record StepNeuron(long step, long neuron) {}
                Map<StepNeuron, Long> counts = new java.util.HashMap<>();
                for (var spike : a.spikes()) counts.merge(new StepNeuron(Math.round(spike.time() / dt), spike.neuron()), 1L, Long::sum);
                return 1 + counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
            }
            return 1;
        }

        private double maxAbsBias(Population p) {
            double max = 0;
            for (int n = 0; n < p.size(); n++) max = Math.max(max, Math.abs(p.bias().get(n)));
            return max;
        }

        /** Smallest and largest initial value of a state variable; {@code otherwise} when it is not initialised. */
        private double[] initialExtremes(Population p, String variable, double otherwise) {
            Distribution d = p.initialValues().get(variable);
            if (d == null) return new double[] {otherwise, otherwise};
            if (d instanceof Distribution.Constant c) return new double[] {c.value(), c.value()};
            if (d instanceof Distribution.Uniform u) return new double[] {u.low(), u.high()};
            Distribution.Normal n = (Distribution.Normal) d;
            return new double[] {Math.max(n.low(), n.mean() - 4 * n.sd()), Math.min(n.high(), n.mean() + 4 * n.sd())};
        }

        /** Poisson counts per step by inversion of the CDF, tabulated in 32-bit fixed point. */
        private QuantizedNetwork.Population poisson(Population p, String entity, PoissonSource s) {
            double lambda = s.rate() * dt;
            if (lambda > PoissonTable.MAX_LAMBDA) {
                error(p, entity + ": rate x timestep = " + lambda + " spikes per step; at most " + (int) PoissonTable.MAX_LAMBDA
                        + " are supported");
                lambda = PoissonTable.MAX_LAMBDA;
            }
            entry(entity, "rate", s.rate(), "Hz", Math.round(lambda * 4294967296.0), lambda / dt);
            long[] table = PoissonTable.fixedPoint(lambda);
            if (profile.capacity().oneSpikePerStep() && table.length > 2) {
                double several = 1 - table[1] / 4294967296.0;
                error(p, String.format(java.util.Locale.ROOT, entity + ": at %s a neuron emits two or more spikes in one step with probability %.3g, "
                        + "but this profile delivers one spike a source a step",
                        myelin.ir.units.Units.format(s.rate(), myelin.ir.units.Dimension.FREQUENCY), several));
            }
            return new QuantizedNetwork.Population(p.name(), p.size(), new IntModel.Poisson(table), 0, 0, new double[0]);
        }

        private QuantizedNetwork.Population spikeArray(Population p, SpikeArraySource s) {
            List<int[]> spikes = new ArrayList<>();
            for (var spike : s.spikes()) spikes.add(new int[] {(int) Math.round(spike.time() / dt), spike.neuron()});
            spikes.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
            int[] steps = spikes.stream().mapToInt(x -> x[0]).toArray();
            int[] neurons = spikes.stream().mapToInt(x -> x[1]).toArray();
            if (profile.capacity().oneSpikePerStep()) {
                for (int i = 1; i < steps.length; i++) {
                    if (steps[i] == steps[i - 1] && neurons[i] == neurons[i - 1]) {
                        error(p, "population " + p.name() + ": neuron " + neurons[i] + " spikes twice in step " + steps[i] + ", but this profile delivers one spike a source a step");
                        break;
                    }
                }
            }
            return new QuantizedNetwork.Population(p.name(), p.size(), new IntModel.SpikeArray(steps, neurons), 0, 0, new double[0]);
        }

        private QuantizedNetwork.Projection projection(Projection p, QuantizedNetwork.Population post) {
            String entity = "projection " + p.name();
            NeuronModel postModel = net.modelOf(net.postOf(p));
            boolean leaky = postModel instanceof Lif || postModel instanceof LeakyIntegrator;
            if (leaky && postModel.synapses().isEmpty() && !profile.capacity().directInput()) {
                errors.add(Diagnostic.error(sources.at(Entity.PROJECTION, p.name()), "profile " + profile.name() + ": " + entity
                        + ": its weights act on v directly, but this profile's neurons take input through a current only: give the model of "
                        + "population " + p.post() + " a synapse type"));
            }
            int channel = p.synapse().isEmpty() ? 0
                    : postModel.synapses().stream().map(SynapseType::name).toList().indexOf(p.synapse());
            double scale = weightScale(postModel, post, channel, !p.synapse().isEmpty());
            double maxAbs = maxAbsWeight(p) * scale;
            long mantissaMax = (1L << (profile.weightBits() - 1)) - 1;
            int exponent = 0;
            while (exponent < profile.maxWeightExponent()
                    && Math.round(maxAbs / (double) (1L << (exponent + profile.inputShift()))) > mantissaMax) {
                exponent++;
            }
            int shift = exponent + profile.inputShift();
            int[] postExponents = postExponents(p, scale, exponent);
            if (Math.round(maxAbs / (double) (1L << shift)) > mantissaMax) {
                warnings.add(entity + ": the largest weight needs more than the " + profile.weightBits()
                        + "-bit mantissa and the largest exponent; larger weights saturate");
            }
            String unit = postModel.weightDimension().equals(myelin.ir.units.Dimension.CURRENT) ? "pA"
                    : postModel.weightDimension().equals(myelin.ir.units.Dimension.VOLTAGE) ? "mV" : "";
            double toUnit = unit.equals("pA") ? 1e12 : unit.equals("mV") ? 1e3 : 1;
            var constant = p.weight().constant();
            if (constant.isPresent() && !(p.connector() instanceof Connector.ExplicitList)
                    && !(p.connector() instanceof Connector.Conv2d)) {
                double w = constant.getAsDouble();
                long m = myelin.ir.integer.WeightCodec.mantissa(w, scale, shift, profile);
                entry(entity, "weight", w * toUnit, unit, m << shift, (m << shift) / scale * toUnit);
                if (m == 0 && w != 0) {
                    warnings.add(String.format(java.util.Locale.ROOT, "%s: weight %.6g %s rounds to zero (one integer step is %.6g %s)",
                            entity, w * toUnit, unit, (1L << shift) / scale * toUnit, unit));
                }
            } else {
                int smallest = java.util.Arrays.stream(postExponents).min().orElse(exponent) + profile.inputShift();
                entry(entity, postExponents.length == 0 ? "weight step" : "weight step (finest post neuron)",
                        (1L << smallest) / scale * toUnit, unit, 1L << smallest, (1L << smallest) / scale * toUnit);
            }
            long fanIn = maxFanIn(p);
            long worst = (long) Math.min(Long.MAX_VALUE / 4, fanIn * Math.min(maxAbs, (double) (mantissaMax << shift)));
            int bits = p.synapse().isEmpty() ? profile.vBits(post.model()) : profile.stateBits();
            if (worst > (1L << (bits - 1)) - 1 && !(postModel instanceof ThresholdGate)) {
                notes.add(entity + ": up to " + fanIn + " inputs per step into " + (p.synapse().isEmpty() ? "v" : NeuronModel.currentVariable(p.synapse()))
                        + " can reach " + worst + ", beyond its " + bits + " bits (it would saturate)");
            }
            return new QuantizedNetwork.Projection(p.name(), p.pre(), p.post(), channel, scale, exponent, postExponents);
        }

        /**
         * For a listed or convolution projection, where the profile allows it, each post
         * neuron's own exponent: the smallest that holds its largest incoming weight (empty when
         * every neuron would take the projection's).
         */
        private int[] postExponents(Projection p, double scale, int projectionExponent) {
            if (!profile.capacity().exponentPerNeuron()) return new int[0];
            double[] largest = largestPerPost(p);
            if (largest == null) return new int[0];
            long mantissaMax = (1L << (profile.weightBits() - 1)) - 1;
            int[] exponents = new int[largest.length];
            boolean differs = false;
            for (int n = 0; n < largest.length; n++) {
                int e = 0;
                while (e < projectionExponent && Math.round(largest[n] * scale / (double) (1L << (e + profile.inputShift()))) > mantissaMax) e++;
                exponents[n] = largest[n] == 0 ? projectionExponent : e;
                differs |= exponents[n] != projectionExponent;
            }
            return differs ? exponents : new int[0];
        }

        /** Each post neuron's largest |weight|, for listed and convolution projections; null for the others. */
        private double[] largestPerPost(Projection p) {
            int size = net.postOf(p).size();
            double[] largest = new double[size];
            double fallback = distributionMax(p.weight());
            if (p.connector() instanceof Connector.ExplicitList list) {
                for (var syn : list.synapses()) {
                    double w = Double.isNaN(syn.weight()) ? fallback : Math.abs(syn.weight());
                    largest[syn.post()] = Math.max(largest[syn.post()], w);
                }
                return largest;
            }
            if (p.connector() instanceof Connector.Conv2d conv) {
                var g = myelin.ir.network.ConvGeometry.of(conv, net.preOf(p).shape(), message -> { }).orElse(null);
                if (g == null) return null;
                int perChannel = g.outHeight() * g.outWidth();
                for (int co = 0; co < g.outChannels(); co++) {
                    double tap = 0;
                    for (int ci = 0; ci < conv.inChannels(); ci++) {
                        for (int ky = 0; ky < conv.kernelHeight(); ky++) {
                            for (int kx = 0; kx < conv.kernelWidth(); kx++) tap = Math.max(tap, Math.abs(conv.tap(co, ci, ky, kx)));
                        }
                    }
                    java.util.Arrays.fill(largest, co * perChannel, (co + 1) * perChannel, tap * fallback);
                }
                return largest;
            }
            return null;
        }

        /** Integers per physical weight unit: into a current, or straight into v (no synapse type). */
        private double weightScale(NeuronModel post, QuantizedNetwork.Population q, int channel, boolean throughCurrent) {
            if (post instanceof ThresholdGate) return 1L << profile.inputShift();
            if (throughCurrent) return q.currentScale(channel);
            double coupling = post instanceof Lif l ? couplingFactor(l.coupling())
                    : post instanceof LeakyIntegrator li ? couplingFactor(li.coupling()) : 1;
            return coupling * q.stateScale();
        }

        private double couplingFactor(Coupling c) {
            return c instanceof Coupling.Voltage v ? v.scale() : ((Coupling.Current) c).resistance();
        }

        private double maxAbsWeight(Projection p) {
            double max = distributionMax(p.weight());
            if (p.connector() instanceof Connector.ExplicitList list) {
                for (var s : list.synapses()) if (!Double.isNaN(s.weight())) max = Math.max(max, Math.abs(s.weight()));
            }
            if (p.connector() instanceof Connector.Conv2d conv) {
                double tap = 0;
                for (double k : conv.kernel()) tap = Math.max(tap, Math.abs(k));
                max *= tap;
            }
            return max;
        }

        private double distributionMax(Distribution d) {
            if (d instanceof Distribution.Constant c) return Math.abs(c.value());
            if (d instanceof Distribution.Uniform u) return Math.max(Math.abs(u.low()), Math.abs(u.high()));
            Distribution.Normal n = (Distribution.Normal) d;
            double lo = Math.max(n.low(), n.mean() - 6 * n.sd());
            double hi = Math.min(n.high(), n.mean() + 6 * n.sd());
            return Math.max(Math.abs(lo), Math.abs(hi));
        }

        /** The most inputs one post neuron can take from this projection in one step. */
        private long maxFanIn(Projection p) {
            Connector c = p.connector();
            int nPre = net.preOf(p).size();
            if (c instanceof Connector.AllToAll) return nPre;
            if (c instanceof Connector.OneToOne) return 1;
            if (c instanceof Connector.FixedInDegree f) return f.inDegree();
            if (c instanceof Connector.FixedProbability f) {
                double mean = f.probability() * nPre;
                return Math.min(nPre, (long) Math.ceil(mean + 5 * Math.sqrt(mean * (1 - f.probability()))));
            }
            if (c instanceof Connector.ExplicitList list) {
                Map<Integer, Long> counts = new java.util.HashMap<>();
                for (var s : list.synapses()) counts.merge(s.post(), 1L, Long::sum);
                return counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
            }
            Connector.Conv2d conv = (Connector.Conv2d) c;
            return (long) conv.inChannels() * conv.kernelHeight() * conv.kernelWidth();
        }

        private static String mv(double volts) {
            return myelin.ir.units.Units.format(volts, myelin.ir.units.Dimension.VOLTAGE);
        }
    }
}
