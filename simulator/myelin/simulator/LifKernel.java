package myelin.simulator;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import myelin.ir.integer.IntModel;

/**
 * The LIF update of the default profile with explicit SIMD (the JDK's Vector API): the
 * same integer operations as the general path of {@link PopulationState}, lane by lane; a
 * test checks that both paths give the same bits. Ring inputs are first clamped to
 * +-2^30, which cannot change a result that saturates at 16 bits, so no intermediate
 * overflows 32 bits.
 *
 * <p>Input is read from the ring in place (and the slot cleared as it is read). A
 * population of up to two currents makes one pass per step: both currents, the membrane,
 * threshold and reset (a separate pass per current read and wrote a scratch sum, and was
 * bound by that memory traffic, not by arithmetic). With more currents, every current but
 * the last is decayed in a pass of its own that sums into a scratch array. Every array is
 * indexed by the neuron, so the loop keeps one index.
 *
 * <p>Shaped by what C2 on JDK 17 compiles well: the preferred species (512 bits with
 * AVX-512); lane masks made by arithmetic as -1/0 vectors and bitwise selects (JDK 17
 * turns each AVX-512 compare mask back into a vector before a blend); a lane reduction
 * per vector to find the rare spikes (scanning the population costs more); no vector
 * crosses a method boundary or a nested loop (either boxes it), and no vector operation
 * sits in a rarely taken branch (C2 may compile it as a call, with the vector boxed). The
 * relax's rounding constant is a scalar operand ({@code add(half)}): as one more broadcast
 * vector held across the loop, C2 compiled this method's lane reductions and some lanewise
 * operations as Vector API fallbacks in the microcircuit (JFR: reduceLanesTemplate, bOp),
 * 5 -> 7.5 s a biological second, with the garbage 1 GB more heap.
 */
final class LifKernel {
    private static final VectorSpecies<Integer> LANES = IntVector.SPECIES_PREFERRED;
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

    private static int clampInput(int x) {
        return Math.max(-INPUT_LIMIT, Math.min(INPUT_LIMIT, x));
    }

    /** Lanes of b where the mask (-1 or 0 per lane) is set, of a elsewhere: one bitwise select. */
    private static IntVector select(IntVector a, IntVector b, IntVector mask) {
        return a.lanewise(VectorOperators.XOR, a.lanewise(VectorOperators.XOR, b).and(mask));
    }

    static void update(PopulationState p, IntModel.Lif m, int step, int from, int to, SpikeTrain out,
                       PopulationState.Scratch scratch) {
        int types = m.currentDecays().length;
        int[] sum = scratch.channel(0, to); // indexed by neuron, like every array here
        boolean saturated = false;
        // Two currents fuse into the membrane's pass; beyond that, the first ones sum in passes of their own.
        for (int c = 0; c + 1 < types && types > 2; c++) saturated |= decayCurrent(p, m, c, step, from, to, sum);
        saturated |= membrane(p, m, step, from, to, sum, out, scratch);
        if (saturated) scratch.saturations[p.index]++;
        scratch.vectorUpdates++;
    }

    /**
     * Decays current c of neurons [from, to), adds this step's input and bounds it; stores
     * it into sum (c == 0) or adds it. Returns whether a value was clipped.
     */
    private static boolean decayCurrent(PopulationState p, IntModel.Lif m, int c, int step, int from, int to, int[] sum) {
        int count = to - from;
        int bound = LANES.loopBound(count);
        int k = p.profile.decayBits();
        int round = (1 << k) - 1;
        int half = 1 << (k - 1);
        int min = (int) p.profile.stateMin();
        int max = (int) p.profile.stateMax();
        int keep = (1 << k) - m.currentDecays()[c];
        boolean first = c == 0;
        int[] input = p.slot(step, c);
        int[] current = p.current[c];
        IntVector zero = IntVector.zero(LANES);
        IntVector keeps = IntVector.broadcast(LANES, keep);
        IntVector rounding = IntVector.broadcast(LANES, round);
        IntVector low = IntVector.broadcast(LANES, min);
        IntVector high = IntVector.broadcast(LANES, max);
        IntVector inputLow = IntVector.broadcast(LANES, -INPUT_LIMIT);
        IntVector inputHigh = IntVector.broadcast(LANES, INPUT_LIMIT);
        IntVector clipped = zero;
        int n = from;
        for (; n < from + bound; n += LANES.length()) {
            IntVector in = IntVector.fromArray(LANES, input, n).max(inputLow).min(inputHigh);
            zero.intoArray(input, n);
            IntVector product = IntVector.fromArray(LANES, current, n).mul(keeps);
            IntVector x = product.add(product.lanewise(VectorOperators.ASHR, 31).and(rounding))
                    .lanewise(VectorOperators.ASHR, k).add(in);
            IntVector bounded = x.max(low).min(high);
            clipped = clipped.or(bounded.lanewise(VectorOperators.XOR, x));
            bounded.intoArray(current, n);
            (first ? bounded : bounded.add(IntVector.fromArray(LANES, sum, n))).intoArray(sum, n);
        }
        boolean saturated = clipped.reduceLanes(VectorOperators.OR) != 0;
        for (; n < to; n++) {
            int x = shiftTowardZero(current[n] * keep, k, round) + clampInput(input[n]);
            input[n] = 0;
            int bounded = Math.max(min, Math.min(max, x));
            saturated |= bounded != x;
            current[n] = bounded;
            sum[n] = first ? bounded : sum[n] + bounded;
        }
        return saturated;
    }

    /**
     * The last current (as decayCurrent), then v: relax toward the currents' sum plus the
     * bias, add direct input (a model without currents), bound, threshold, reset and
     * refractory count. Appends the spikes to out; returns whether a value was clipped.
     */
    private static boolean membrane(PopulationState p, IntModel.Lif m, int step, int from, int to, int[] sum,
                                    SpikeTrain out, PopulationState.Scratch scratch) {
        int count = to - from;
        int bound = LANES.loopBound(count);
        int k = p.profile.decayBits();
        int round = (1 << k) - 1;
        int half = 1 << (k - 1);
        int min = (int) p.profile.stateMin();
        int max = (int) p.profile.stateMax();
        int types = m.currentDecays().length;
        // The last current, or (without currents) the direct input to v.
        int last = Math.max(0, types - 1);
        boolean direct = types == 0;
        boolean fused = types == 2; // current 0 decays in this pass too
        boolean summed = types > 2; // currents 0 .. types-2 are in sum already
        int keep = direct ? 0 : (1 << k) - m.currentDecays()[last];
        int[] current = direct ? null : p.current[last];
        int[] input = p.slot(step, last);
        int keep0 = fused ? (1 << k) - m.currentDecays()[0] : 0;
        int[] current0 = fused ? p.current[0] : null;
        int[] input0 = fused ? p.slot(step, 0) : null;
        int[] bias = p.bias;
        int[] v = p.v;
        int[] refractory = p.refractory;
        int dv = m.dv();
        boolean spikes = m.spikes();
        boolean subtract = m.subtractReset();
        int threshold = (int) m.threshold();
        int reset = (int) m.reset();
        int onSpike = (int) (m.threshold() - m.reset());
        int refractorySteps = m.refractorySteps();
        int[] lanes = new int[LANES.length()];
        IntVector zero = IntVector.zero(LANES);
        IntVector one = IntVector.broadcast(LANES, 1);
        IntVector low = IntVector.broadcast(LANES, min);
        IntVector high = IntVector.broadcast(LANES, max);
        IntVector rounding = IntVector.broadcast(LANES, round);
        IntVector inputLow = IntVector.broadcast(LANES, -INPUT_LIMIT);
        IntVector inputHigh = IntVector.broadcast(LANES, INPUT_LIMIT);
        IntVector keeps = IntVector.broadcast(LANES, keep);
        IntVector keeps0 = IntVector.broadcast(LANES, keep0);
        IntVector dvs = IntVector.broadcast(LANES, dv);
        // v > max never holds, so a model that does not spike gets max as its threshold.
        IntVector thresholds = IntVector.broadcast(LANES, spikes ? threshold : max);
        IntVector onSpikes = IntVector.broadcast(LANES, onSpike);
        IntVector resets = IntVector.broadcast(LANES, reset);
        IntVector refractories = IntVector.broadcast(LANES, refractorySteps);
        IntVector clipped = zero;
        int n = from;
        for (; n < from + bound; n += LANES.length()) {
            IntVector in = IntVector.fromArray(LANES, input, n).max(inputLow).min(inputHigh);
            zero.intoArray(input, n);
            IntVector drive;
            IntVector directInput;
            IntVector currentClipped;
            if (direct) {
                drive = zero;
                directInput = in;
                currentClipped = zero;
            } else {
                IntVector product = IntVector.fromArray(LANES, current, n).mul(keeps);
                IntVector x = product.add(product.lanewise(VectorOperators.ASHR, 31).and(rounding))
                        .lanewise(VectorOperators.ASHR, k).add(in);
                drive = x.max(low).min(high);
                currentClipped = drive.lanewise(VectorOperators.XOR, x);
                drive.intoArray(current, n);
                if (fused) {
                    // decayCurrent's lane arithmetic, written out: a vector passed to a helper would be boxed (see above).
                    IntVector in0 = IntVector.fromArray(LANES, input0, n).max(inputLow).min(inputHigh);
                    zero.intoArray(input0, n);
                    IntVector product0 = IntVector.fromArray(LANES, current0, n).mul(keeps0);
                    IntVector x0 = product0.add(product0.lanewise(VectorOperators.ASHR, 31).and(rounding))
                            .lanewise(VectorOperators.ASHR, k).add(in0);
                    IntVector i0 = x0.max(low).min(high);
                    currentClipped = currentClipped.or(i0.lanewise(VectorOperators.XOR, x0));
                    i0.intoArray(current0, n);
                    drive = drive.add(i0);
                }
                if (summed) drive = drive.add(IntVector.fromArray(LANES, sum, n));
                directInput = zero;
            }
            if (bias != null) drive = drive.add(IntVector.fromArray(LANES, bias, n));

            // Lane masks are -1/0 vectors made by arithmetic: no mask registers, and selects are bitwise.
            IntVector old = IntVector.fromArray(LANES, v, n);
            IntVector ref = IntVector.fromArray(LANES, refractory, n);
            IntVector counted = ref.sub(one); // refractory >= 0, so this is negative exactly when it was 0
            IntVector active = counted.lanewise(VectorOperators.ASHR, 31);
            IntVector product = drive.sub(old).mul(dvs);
            IntVector x = old.add(product.add(half).lanewise(VectorOperators.ASHR, k));
            if (direct) x = x.add(directInput);
            IntVector bounded = x.max(low).min(high);
            clipped = clipped.or(currentClipped.or(bounded.lanewise(VectorOperators.XOR, x).and(active)));
            // bounded > threshold exactly when threshold - bounded is negative (both within 16 bits).
            IntVector spike = thresholds.sub(bounded).lanewise(VectorOperators.ASHR, 31).and(active);
            IntVector afterSpike = subtract ? bounded.sub(onSpikes.and(spike))
                    : bounded.lanewise(VectorOperators.XOR, bounded.lanewise(VectorOperators.XOR, resets).and(spike));
            old.lanewise(VectorOperators.XOR, old.lanewise(VectorOperators.XOR, afterSpike).and(active)).intoArray(v, n);
            IntVector counting = counted.lanewise(VectorOperators.AND_NOT, active);
            counting.lanewise(VectorOperators.XOR, counting.lanewise(VectorOperators.XOR, refractories).and(spike)).intoArray(refractory, n);
            // Stored on every iteration: inside the rare branch below, C2 at times compiled the
            // store as a call with the vector boxed (launches in a slow mode, CUBA 1.3x slower).
            spike.intoArray(lanes, 0);
            if (spike.reduceLanes(VectorOperators.OR) != 0) {
                for (int lane = 0; lane < lanes.length; lane++) if (lanes[lane] != 0) out.add(step, p.index, n + lane, 1);
            }
        }
        boolean saturated = clipped.reduceLanes(VectorOperators.OR) != 0;
        for (; n < to; n++) {
            int in = clampInput(input[n]);
            input[n] = 0;
            int drive = 0;
            if (!direct) {
                int x = shiftTowardZero(current[n] * keep, k, round) + in;
                drive = Math.max(min, Math.min(max, x));
                saturated |= drive != x;
                current[n] = drive;
                if (fused) {
                    int x0 = shiftTowardZero(current0[n] * keep0, k, round) + clampInput(input0[n]);
                    input0[n] = 0;
                    int i0 = Math.max(min, Math.min(max, x0));
                    saturated |= i0 != x0;
                    current0[n] = i0;
                    drive += i0;
                }
                if (summed) drive += sum[n];
            }
            if (bias != null) drive += bias[n];
            if (refractory[n] > 0) {
                refractory[n]--;
                continue;
            }
            int x = v[n] + ((drive - v[n]) * dv + half >> k) + (direct ? in : 0);
            int bounded = Math.max(min, Math.min(max, x));
            saturated |= bounded != x;
            if (spikes && bounded > threshold) {
                out.add(step, p.index, n, 1);
                bounded = subtract ? bounded - onSpike : reset;
                refractory[n] = refractorySteps;
            }
            v[n] = bounded;
        }
        return saturated;
    }
}
