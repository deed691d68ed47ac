package myelin.simulator.reference;

import java.util.Arrays;
import java.util.List;
import myelin.ir.integer.ChargeScale;
import myelin.ir.integer.PoissonTable;
import myelin.ir.integer.RingBuffer;
import myelin.ir.network.Coupling;
import myelin.ir.network.IntegrateAndFire;
import myelin.ir.network.LeakyIntegrator;
import myelin.ir.network.Lif;
import myelin.ir.network.NeuronModel;
import myelin.ir.network.PoissonSource;
import myelin.ir.network.Population;
import myelin.ir.network.ResetMode;
import myelin.ir.network.SpikeArraySource;
import myelin.ir.network.SynapseType;
import myelin.ir.network.ThresholdGate;
import myelin.ir.synapses.SplitMix64;
import myelin.ir.network.ModelKind;
import myelin.simulator.SpikeTrain;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The state of one population in the reference engine. Each step's input is held over the
 * step; v (relative to v_rest) follows its exact solution {@code v(s) = u + (v0 - u) e^(-s/tau)}
 * towards the level u the step's drive sets (IF: a straight line), and a threshold crossing
 * inside the step resets v at the crossing time, after which the step goes on.
 */
final class ReferenceLayer {
    final String name;
    final int index;
    final int size;
    final ModelKind kind;
    private final DataType type;
    private final double dt;
    /** v relative to v_rest, currents, refractory steps left: ND4J vectors. */
    INDArray v;
    private INDArray[] currents = new INDArray[0];
    private INDArray refractory;
    private INDArray bias;
    private double[] gateBias;
    /** Work vectors, allocated once: ND4J's cost is per operation and per allocation, not per element. */
    private INDArray[] input = new INDArray[0];
    private INDArray drive;
    private INDArray active;
    private INDArray start;
    private INDArray end;
    /** Per channel, e^(-dt/tau) of each current; and each channel's factor from a physical weight to v units. */
    private double[] keep = new double[0];
    final double[] weightScale;
    private double a;
    private double dv;
    private double tau;
    private boolean spikes;
    private double threshold;
    private double reset;
    private boolean subtract;
    private int refractorySteps;
    final double vRest;
    /** Input per channel: ring slots [channel][slot][neuron], summed in double. */
    double[][][] ring;
    int mask;
    private long[] rng;
    private double[] cdf;
    private int[] arraySteps = new int[0];
    private int[] arrayNeurons = new int[0];

    ReferenceLayer(Population p, int index, NeuronModel model, double dt, DataType type, long seed) {
        this.name = p.name();
        this.index = index;
        this.size = p.size();
        this.type = type;
        this.dt = dt;
        double rest = 0;
        kind = model.kind();
        switch (kind) {
            case LIF -> {
                Lif lif = (Lif) model;
                rest = lif.vRest();
                leaky(lif.tauM(), lif.synapses(), coupling(lif.coupling()));
                spikes = true;
                threshold = lif.vThreshold() - rest;
                reset = lif.vReset() - rest;
                subtract = lif.reset() == ResetMode.SUBTRACT;
                refractorySteps = (int) Math.round(lif.refractory() / dt);
                weightScale = channelScales(lif.tauM(), lif.synapses(), coupling(lif.coupling()));
            }
            case LI -> {
                LeakyIntegrator li = (LeakyIntegrator) model;
                rest = li.vRest();
                leaky(li.tauM(), li.synapses(), coupling(li.coupling()));
                weightScale = channelScales(li.tauM(), li.synapses(), coupling(li.coupling()));
            }
            case IF -> {
                IntegrateAndFire f = (IntegrateAndFire) model;
                spikes = true;
                threshold = f.vThreshold();
                reset = f.vReset();
                subtract = f.reset() == ResetMode.SUBTRACT;
                refractorySteps = (int) Math.round(f.refractory() / dt);
                weightScale = new double[] {1};
            }
            case THRESHOLD_GATE -> {
                threshold = ((ThresholdGate) model).threshold();
                if (p.hasBias()) gateBias = p.bias().stream().mapToDouble(Double::doubleValue).toArray();
                weightScale = new double[] {1};
            }
            case POISSON -> {
                poisson(((PoissonSource) model).rate() * dt, seed);
                weightScale = new double[] {1};
            }
            case SPIKE_ARRAY -> {
                spikeArray((SpikeArraySource) model);
                weightScale = new double[] {1};
            }
            default -> throw new AssertionError(kind);
        }
        vRest = rest;
        if (hasMembrane()) {
            v = Nd4j.zeros(type, size);
            refractory = Nd4j.zeros(type, size);
            input = new INDArray[channels()];
            for (int c = 0; c < input.length; c++) input[c] = Nd4j.zeros(type, size);
            drive = Nd4j.zeros(type, size);
            active = Nd4j.zeros(type, size);
            start = Nd4j.zeros(type, size);
            end = Nd4j.zeros(type, size);
            if (p.hasBias()) bias = Nd4j.createFromArray(p.bias().stream().mapToDouble(Double::doubleValue).toArray()).castTo(type);
        }
    }

    private boolean hasMembrane() {
        return kind == ModelKind.LIF || kind == ModelKind.LI || kind == ModelKind.IF;
    }

    private static double coupling(Coupling c) {
        return c instanceof Coupling.Voltage v ? v.scale() : ((Coupling.Current) c).resistance();
    }

    private void leaky(double tauM, List<SynapseType> synapses, double coupling) {
        tau = tauM;
        a = Math.exp(-dt / tauM);
        dv = -Math.expm1(-dt / tauM);
        keep = new double[synapses.size()];
        currents = new INDArray[synapses.size()];
        for (int c = 0; c < keep.length; c++) {
            keep[c] = Math.exp(-dt / synapses.get(c).tau());
            currents[c] = Nd4j.zeros(type, size);
        }
    }

    /** Charge-preserving currents, exactly as the integer model (docs/semantics.md) but with exact decays. */
    private double[] channelScales(double tauM, List<SynapseType> synapses, double coupling) {
        if (synapses.isEmpty()) return new double[] {coupling};
        double[] scale = new double[synapses.size()];
        for (int c = 0; c < scale.length; c++) {
            double ds = -Math.expm1(-dt / synapses.get(c).tau());
            scale[c] = coupling * ChargeScale.perWeight(synapses.get(c).tau(), tauM, ds, dv, false);
        }
        return scale;
    }

    private void poisson(double lambda, long seed) {
        rng = new long[size];
        long stream = SplitMix64.derive(seed, SplitMix64.hash("poisson/" + name));
        for (int n = 0; n < size; n++) rng[n] = SplitMix64.derive(stream, n);
        cdf = PoissonTable.exact(lambda);
    }

    private void spikeArray(SpikeArraySource s) {
        var sorted = s.spikes().stream()
                .sorted(java.util.Comparator.comparingLong((SpikeArraySource.Spike x) -> Math.round(x.time() / dt)).thenComparingInt(SpikeArraySource.Spike::neuron))
                .toList();
        arraySteps = sorted.stream().mapToInt(x -> (int) Math.round(x.time() / dt)).toArray();
        arrayNeurons = sorted.stream().mapToInt(SpikeArraySource.Spike::neuron).toArray();
    }

    int channels() {
        return Math.max(1, currents.length);
    }

    void allocateRing(int maxDelay) {
        int slots = RingBuffer.slots(maxDelay);
        mask = slots - 1;
        ring = new double[channels()][slots][size];
    }

    /** Sets v's initial values (volts). */
    void initialiseV(double[] values) {
        for (int n = 0; n < size; n++) values[n] -= vRest;
        v = Nd4j.createFromArray(values).castTo(type);
    }

    /** Sets a current's initial values (the weight unit). */
    void initialiseCurrent(int channel, double[] values) {
        for (int n = 0; n < size; n++) values[n] *= weightScale[channel];
        currents[channel] = Nd4j.createFromArray(values).castTo(type);
    }

    /** This step's input on a channel, moved from the ring into its work vector (the slot is cleared). */
    private INDArray take(int channel, int step) {
        double[] slot = ring[channel][step & mask];
        input[channel].data().setData(slot);
        Arrays.fill(slot, 0);
        return input[channel];
    }

    /** active = 1 where the refractory counter is 0, else 0; then the counters count down. */
    private void refractoryStep() {
        Transforms.min(active.assign(refractory), 1.0, false).rsubi(1.0);
        Transforms.max(refractory.subi(1.0), 0.0, false);
    }

    /** One step: this population's spikes (with forced ones, in neuron order) go to {@code out}. */
    void update(int step, int[] forced, SpikeTrain out) {
        int[] counts = switch (kind) {
            case LIF, LI -> leakyStep(step);
            case IF -> integrateStep(step);
            case THRESHOLD_GATE -> gateStep(step);
            case POISSON -> poissonStep();
            case SPIKE_ARRAY -> arrayStep(step);
        };
        if (forced != null) for (int n : forced) counts = add(counts, n);
        if (counts == null) return;
        for (int n = 0; n < size; n++) if (counts[n] > 0) out.add(step, index, n, counts[n]);
    }

    private int[] add(int[] counts, int n) {
        int[] c = counts == null ? new int[size] : counts;
        c[n]++;
        return c;
    }

    private int[] leakyStep(int step) {
        if (bias != null) drive.assign(bias);
        else drive.assign(0);
        for (int c = 0; c < currents.length; c++) drive.addi(currents[c].muli(keep[c]).addi(take(c, step)));
        // The level v relaxes to over this step: the drive, plus direct input spread over the step.
        if (currents.length == 0) drive.addi(take(0, step).divi(dv));
        refractoryStep();
        start.assign(v);
        end.assign(v).subi(drive).muli(a).addi(drive);
        v.addi(end.subi(v).muli(active));
        return spikes ? crossings(start, active, drive, false) : null;
    }

    private int[] integrateStep(int step) {
        INDArray rate = take(0, step);
        if (bias != null) rate.addi(bias);
        refractoryStep();
        start.assign(v);
        v.addi(end.assign(rate).muli(active));
        return crossings(start, active, rate, true);
    }

    /**
     * Neurons past threshold at the end of the step: the crossing time is found on v's exact
     * path, v resets there (to v_reset, or by threshold - v_reset) and follows the path for
     * the time left. A neuron spikes at most once per step, as in the integer model and NIR's
     * discrete-time runtimes; if v ends the step above threshold again, the next step begins
     * with a crossing.
     */
    private int[] crossings(INDArray start, INDArray active, INDArray level, boolean linear) {
        double[] end = values(v);
        int[] counts = null;
        double[] v0 = null;
        double[] u = null;
        double[] on = null;
        for (int n = 0; n < size; n++) {
            if (!(end[n] > threshold)) continue;
            if (v0 == null) {
                v0 = values(start);
                u = values(level);
                on = values(active);
            }
            if (on[n] == 0) continue;
            double left = v0[n] > threshold ? 1 : 1 - timeTo(v0[n], threshold, u[n], linear);
            double after = subtract ? Math.max(v0[n], threshold) - (threshold - reset) : reset;
            counts = counts == null ? new int[size] : counts;
            counts[n] = 1;
            v.putScalar(n, follow(after, left, u[n], linear));
            if (refractorySteps > 0) refractory.putScalar(n, refractorySteps);
        }
        return counts;
    }

    /** A vector's values, read in bulk through its NIO view (INDArray.toDoubleVector reads element by element). */
    private double[] values(INDArray a) {
        double[] out = new double[size];
        if (type == DataType.DOUBLE) {
            a.data().asNioDouble().get(out);
        } else {
            float[] f = new float[size];
            a.data().asNioFloat().get(f);
            for (int i = 0; i < size; i++) out[i] = f[i];
        }
        return out;
    }

    /** v after a fraction t of the step from x: towards level u (leaky), or by rate u per step (IF). */
    private double follow(double x, double t, double u, boolean linear) {
        return linear ? x + u * t : u + (x - u) * Math.exp(-t * dt / tau);
    }

    /** The fraction of a step v needs from x to reach target (x below target, moving up). */
    private double timeTo(double x, double target, double u, boolean linear) {
        if (linear) return u > 0 ? (target - x) / u : 1;
        return u > target ? Math.log((u - x) / (u - target)) * tau / dt : 1;
    }

    private int[] gateStep(int step) {
        double[] in = ring[0][step & mask];
        int[] counts = null;
        for (int n = 0; n < size; n++) {
            if (in[n] + (gateBias == null ? 0 : gateBias[n]) >= threshold) counts = add(counts, n);
            in[n] = 0;
        }
        return counts;
    }

    private int[] poissonStep() {
        int[] counts = null;
        for (int n = 0; n < size; n++) {
            rng[n] += 0x9E3779B97F4A7C15L;
            double u = SplitMix64.mix(rng[n]) >>> 32;
            int k = 0;
            while (u >= cdf[k]) k++;
            if (k > 0) {
                counts = counts == null ? new int[size] : counts;
                counts[n] = k;
            }
        }
        return counts;
    }

    private int[] arrayStep(int step) {
        int[] counts = null;
        int from = Arrays.binarySearch(arraySteps, step);
        if (from < 0) return null;
        while (from > 0 && arraySteps[from - 1] == step) from--;
        for (int i = from; i < arraySteps.length && arraySteps[i] == step; i++) counts = add(counts, arrayNeurons[i]);
        return counts;
    }

    /** A state variable in physical units: "v" (volts) or "i_NAME" (the model's weight unit, as the integer trace). */
    java.util.OptionalDouble value(String variable, int neuron, NeuronModel model) {
        if (variable.equals("v") && v != null) return java.util.OptionalDouble.of(v.getDouble(neuron) + vRest);
        int c = model.channelOf(variable);
        if (c >= 0 && c < currents.length) return java.util.OptionalDouble.of(currents[c].getDouble(neuron) / weightScale[c]);
        return java.util.OptionalDouble.empty();
    }
}
