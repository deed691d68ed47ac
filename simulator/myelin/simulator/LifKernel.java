package myelin.simulator;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import myelin.ir.integer.IntModel;

/**
 * The LIF update of the default profile with explicit SIMD (the JDK's Vector API): the
 * same integer operations as the general path of {@link PopulationState}, lane by lane,
 * with masks for the refractory and threshold branches; a test checks that both paths
 * give the same bits. Ring inputs are first clamped to +-2^30, which cannot change a
 * result that saturates at 16 bits, so no intermediate overflows 32 bits.
 *
 * <p>Written as one method on purpose: vectors passed to a method the JIT does not inline
 * are boxed, and JDK 17 does not intrinsify mask tests and lane reductions, so lanes are
 * inspected through an array.
 */
final class LifKernel {
    private static final VectorSpecies<Integer> LANES = IntVector.SPECIES_256;
    private static final int INPUT_LIMIT = 1 << 30;

    private LifKernel() {}

    /** Whether the kernel's 32-bit intermediates are wide enough for this model and profile. */
    static boolean applies(IntModel.Lif m, int stateBits, int decayBits, boolean biased) {
        // drive - v is within (types + bias + 1) * 2^(stateBits-1) and is multiplied by dv <= 2^decayBits.
        int terms = m.synapseTypes() + (biased ? 1 : 0) + 1;
        return stateBits <= 16 && (long) terms << (stateBits - 1 + decayBits) < (1L << 31);
    }

    private static int shiftTowardZero(int x, int k, int round) {
        return (x + ((x >> 31) & round)) >> k;
    }

    private static boolean anySet(IntVector x, int[] lanes) {
        x.intoArray(lanes, 0);
        int any = 0;
        for (int lane : lanes) any |= lane;
        return any != 0;
    }

    static void update(PopulationState p, IntModel.Lif m, int step, int from, int to, SpikeBuffer out,
                       PopulationState.Scratch scratch) {
        int count = to - from;
        int k = p.profile.decayBits();
        int round = (1 << k) - 1;
        int min = (int) p.profile.stateMin();
        int max = (int) p.profile.stateMax();
        int[] decays = m.currentDecays();
        int types = decays.length;
        int bound = LANES.loopBound(count);
        int[] lanes = new int[LANES.length()];
        IntVector zero = IntVector.zero(LANES);
        IntVector one = IntVector.broadcast(LANES, 1);
        IntVector low = IntVector.broadcast(LANES, min);
        IntVector high = IntVector.broadcast(LANES, max);
        IntVector rounding = IntVector.broadcast(LANES, round);
        IntVector inputLow = IntVector.broadcast(LANES, -INPUT_LIMIT);
        IntVector inputHigh = IntVector.broadcast(LANES, INPUT_LIMIT);
        boolean saturated = false;

        // The drive of v is the sum of the currents; without synapse types, input goes to v directly.
        int[] drive = scratch.channel(types, count);
        int[] direct = scratch.channel(types + 1, count);
        java.util.Arrays.fill(drive, 0, count, 0);
        if (types == 0) {
            p.take(step, 0, from, to, direct);
            for (int j = 0; j < count; j++) direct[j] = Math.max(-INPUT_LIMIT, Math.min(INPUT_LIMIT, direct[j]));
        } else {
            java.util.Arrays.fill(direct, 0, count, 0);
        }
        for (int c = 0; c < types; c++) {
            int[] in = scratch.channel(c, count);
            p.take(step, c, from, to, in);
            int[] current = p.current[c];
            int keep = (1 << k) - decays[c];
            IntVector keeps = IntVector.broadcast(LANES, keep);
            IntVector clipped = zero;
            int j = 0;
            for (; j < bound; j += LANES.length()) {
                IntVector input = IntVector.fromArray(LANES, in, j).max(inputLow).min(inputHigh);
                IntVector product = IntVector.fromArray(LANES, current, from + j).mul(keeps);
                IntVector x = product.add(product.lanewise(VectorOperators.ASHR, 31).and(rounding))
                        .lanewise(VectorOperators.ASHR, k).add(input);
                IntVector bounded = x.max(low).min(high);
                clipped = clipped.or(bounded.lanewise(VectorOperators.XOR, x));
                bounded.intoArray(current, from + j);
                IntVector.fromArray(LANES, drive, j).add(bounded).intoArray(drive, j);
            }
            saturated |= anySet(clipped, lanes);
            for (; j < count; j++) {
                int input = Math.max(-INPUT_LIMIT, Math.min(INPUT_LIMIT, in[j]));
                int x = shiftTowardZero(current[from + j] * keep, k, round) + input;
                int bounded = Math.max(min, Math.min(max, x));
                saturated |= bounded != x;
                current[from + j] = bounded;
                drive[j] += bounded;
            }
        }

        if (p.bias != null) for (int j = 0; j < count; j++) drive[j] += p.bias[from + j];
        int[] v = p.v;
        int[] refractory = p.refractory;
        int dv = m.dv();
        boolean spikes = m.spikes();
        boolean subtract = m.subtractReset();
        int threshold = (int) m.threshold();
        int reset = (int) m.reset();
        int onSpike = (int) (m.threshold() - m.reset());
        int refractorySteps = m.refractorySteps();
        int[] spiked = scratch.spiked.length >= count ? scratch.spiked : (scratch.spiked = new int[count]);
        IntVector dvs = IntVector.broadcast(LANES, dv);
        // v > max never holds, so a model that does not spike gets max as its threshold.
        IntVector thresholds = IntVector.broadcast(LANES, spikes ? threshold : max);
        IntVector subtractMask = IntVector.broadcast(LANES, subtract ? -1 : 0);
        IntVector onSpikes = IntVector.broadcast(LANES, onSpike);
        IntVector resets = IntVector.broadcast(LANES, reset);
        IntVector refractories = IntVector.broadcast(LANES, refractorySteps);
        IntVector clipped = zero;
        IntVector anySpike = zero;
        int j = 0;
        for (; j < bound; j += LANES.length()) {
            int n = from + j;
            IntVector old = IntVector.fromArray(LANES, v, n);
            IntVector ref = IntVector.fromArray(LANES, refractory, n);
            VectorMask<Integer> active = ref.compare(VectorOperators.EQ, zero);
            IntVector product = IntVector.fromArray(LANES, drive, j).sub(old).mul(dvs);
            IntVector x = old.add(product.add(product.lanewise(VectorOperators.ASHR, 31).and(rounding))
                    .lanewise(VectorOperators.ASHR, k)).add(IntVector.fromArray(LANES, direct, j));
            IntVector bounded = x.max(low).min(high);
            clipped = clipped.or(bounded.lanewise(VectorOperators.XOR, x).blend(zero, active.not()));
            VectorMask<Integer> spike = bounded.compare(VectorOperators.GT, thresholds).and(active);
            IntVector afterSpike = bounded.sub(onSpikes).and(subtractMask).or(resets.and(subtractMask.not()));
            old.blend(bounded.blend(afterSpike, spike), active).intoArray(v, n);
            ref.sub(one).blend(zero, active).blend(refractories, spike).intoArray(refractory, n);
            IntVector spikeLanes = zero.blend(one, spike);
            spikeLanes.intoArray(spiked, j);
            anySpike = anySpike.or(spikeLanes);
        }
        saturated |= anySet(clipped, lanes);
        if (anySet(anySpike, lanes)) {
            for (int s = 0; s < j; s++) if (spiked[s] != 0) out.add(p.index, from + s, 1);
        }
        for (; j < count; j++) {
            int n = from + j;
            if (refractory[n] > 0) {
                refractory[n]--;
                continue;
            }
            int x = v[n] + shiftTowardZero((drive[j] - v[n]) * dv, k, round) + direct[j];
            int bounded = Math.max(min, Math.min(max, x));
            saturated |= bounded != x;
            if (spikes && bounded > threshold) {
                out.add(p.index, n, 1);
                bounded = subtract ? bounded - onSpike : reset;
                refractory[n] = refractorySteps;
            }
            v[n] = bounded;
        }
        if (saturated) scratch.saturations++;
    }
}
