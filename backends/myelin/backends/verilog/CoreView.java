package myelin.backends.verilog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import myelin.ir.hardware.Core;
import myelin.ir.hardware.HardwareNetwork;
import myelin.ir.integer.IntModel;
import myelin.ir.integer.Profile;
import myelin.ir.synapses.SplitMix64;

/**
 * What {@code core.vm} prints for one core: its kind, every width, every constant as a
 * Verilog literal, and the names of its memory files. The template holds no arithmetic;
 * docs/semantics.md defines what the constants mean.
 *
 * @param kind          lif (LIF and LI), if, gate, poisson or array
 * @param indexBits     bits of a neuron index within the core (its memories hold 2^indexBits neurons)
 * @param ringBits      log2 of the ring's slots (rings are addressed {slot, neuron})
 * @param listBits      log2 of the spike-list slots: one per step a delay extension holds, at least two
 * @param countBits     bits of a neuron's spike count in one step (its own spikes plus up to 255 inputs)
 * @param arithBits     width of the update's signed arithmetic: no intermediate value overflows it
 * @param currents      one entry per synapse type: its decay factor 2^12 - d
 * @param cdf           Poisson: the table entries a draw is compared with (the last, 2^32, never matches)
 */
public record CoreView(int id, String module, String kind, String population, int populationIndex, int first, int size,
                       int indexBits, int ringBits, int listBits, int countBits, int channelBits, int channels, int stateBits,
                       int arithBits, int decayBits, boolean hasBias, boolean relax, boolean wrap, boolean spikes, boolean subtractReset,
                       int refractoryBits, String threshold, String reset, String resetDelta, String refractorySteps, String dv,
                       String dvComplement, String stateMax, String stateMin, String vMin, String wrapHalf, String wrapSpan,
                       String roundMask, String nearest, String zero, List<String> currents, List<String> cdf, int arrayEntries, int arrayBits,
                       Map<String, List<String>> memories) {

    /** The most spikes a testbench may inject into one neuron in one step. */
    public static final int MAX_INPUT_SPIKES = 255;

    public boolean hasRing() {
        return !kind.equals("poisson") && !kind.equals("array");
    }

    public boolean hasV() {
        return kind.equals("lif") || kind.equals("if");
    }

    public boolean hasRefractory() {
        return hasV();
    }

    public int arrayAddressBits() {
        return Literals.addressBits(arrayEntries);
    }

    /** Bits of a spike list's length: 0 to 2^indexBits. */
    public int lengthBits() {
        return indexBits + 1;
    }

    public int indexMsb() {
        return indexBits - 1;
    }

    public int ringMsb() {
        return ringBits - 1;
    }

    public int listMsb() {
        return listBits - 1;
    }

    public int channelMsb() {
        return channelBits - 1;
    }

    /** The file a memory of this core is initialised from. */
    public String file(String memory) {
        return "core" + id + "_" + memory + ".hex";
    }

    static CoreView of(HardwareNetwork hw, Core core, int extensionStages) {
        Profile p = hw.profile();
        IntModel model = core.model();
        String kind = switch (model.kind()) {
            case LIF, LI -> "lif";
            case IF -> "if";
            case THRESHOLD_GATE -> "gate";
            case POISSON -> "poisson";
            case SPIKE_ARRAY -> "array";
        };
        int n = core.size();
        int indexBits = Literals.addressBits(n);
        int ringBits = Math.max(1, Integer.numberOfTrailingZeros(Math.max(1, core.ringSlots())));
        int listSlots = extensionStages * hw.delaySlots() + 1;
        int listBits = Literals.addressBits(listSlots);
        int channels = core.isSource() ? 1 : core.channels();
        int w = p.vBits(model); // the currents' width too: only an IF's v may be wider, and an IF has no currents
        int arith = Math.max(40, w + Literals.valueBits(channels + 2) + p.decayBits() + 4);
        int depth = 1 << indexBits;
        Map<String, List<String>> memories = new java.util.LinkedHashMap<>();
        String id = "core" + core.id() + "_";

        long threshold = 0, reset = 0;
        boolean subtract = false, spikes = false;
        int refractory = 0, dv = 0;
        int[] decays = new int[0];
        if (model instanceof IntModel.Lif l) {
            threshold = l.threshold(); reset = l.reset(); subtract = l.subtractReset(); refractory = l.refractorySteps();
            dv = l.dv(); decays = l.currentDecays(); spikes = l.spikes();
        } else if (model instanceof IntModel.IntegrateAndFire f) {
            threshold = f.threshold(); reset = f.reset(); subtract = f.subtractReset(); refractory = f.refractorySteps(); spikes = true;
        } else if (model instanceof IntModel.Gate g) {
            threshold = g.threshold();
        }
        List<String> currents = new ArrayList<>();
        for (int d : decays) currents.add(Literals.signed(p.decayOne() - d, arith));
        boolean hasBias = core.bias().length > 0;
        if (kind.equals("lif") || kind.equals("if")) {
            memories.put(id + "v.hex", Literals.memory(longs(core.initialV(), n), w, depth));
            for (int c = 0; c < decays.length; c++) {
                int[] init = c < core.initialCurrents().length ? core.initialCurrents()[c] : new int[0];
                memories.put(id + "i" + c + ".hex", Literals.memory(longs(init, n), w, depth));
            }
        }
        if (hasBias) memories.put(id + "bias.hex", Literals.memory(longs(core.bias(), n), w, depth));
        List<String> cdf = new ArrayList<>();
        int ownCount = 1;
        int arrayEntries = 0;
        int arrayBits = 0;
        if (model instanceof IntModel.Poisson poisson) {
            long[] table = poisson.cdf();
            for (int k = 0; k < table.length - 1; k++) cdf.add(Literals.unsigned(table[k], 33));
            ownCount = table.length - 1;
            long stream = SplitMix64.derive(hw.seed(), SplitMix64.hash("poisson/" + hw.populations().get(core.population())));
            long[] rng = new long[n];
            for (int k = 0; k < n; k++) rng[k] = SplitMix64.derive(stream, core.first() + k);
            memories.put(id + "rng.hex", Literals.memory(rng, 64, depth));
        }
        if (model instanceof IntModel.SpikeArray array) {
            List<long[]> entries = aggregate(array);
            for (long[] e : entries) ownCount = (int) Math.max(ownCount, e[2]);
            arrayBits = 32 + indexBits + Literals.valueBits(ownCount + MAX_INPUT_SPIKES);
            if (arrayBits > 64) throw new IllegalArgumentException("core " + core.name() + ": spike-array entries exceed 64 bits");
            long[] words = new long[entries.size() + 1];
            for (int k = 0; k < entries.size(); k++) {
                long[] e = entries.get(k);
                words[k] = (e[2] << (32 + indexBits)) | (e[1] << 32) | e[0];
            }
            words[entries.size()] = 0xFFFF_FFFFL; // sentinel: a step no run reaches
            arrayEntries = words.length;
            memories.put(id + "array.hex", Literals.memory(words, arrayBits, words.length));
        }
        int countBits = Literals.valueBits(ownCount + MAX_INPUT_SPIKES);
        boolean wrap = p.currentOverflow() == Profile.Overflow.WRAP;
        return new CoreView(core.id(), "core" + core.id(), kind, hw.populations().get(core.population()), core.population(), core.first(), n,
                indexBits, ringBits, listBits, countBits, Literals.addressBits(channels), channels, w, arith, p.decayBits(), hasBias,
                p.membrane() == Profile.Membrane.RELAX_TO_INPUT, wrap, spikes, subtract, Literals.valueBits(refractory),
                Literals.signed(threshold, arith), Literals.signed(reset, arith), Literals.signed(threshold - reset, arith),
                Literals.unsigned(refractory, Literals.valueBits(refractory)), Literals.signed(dv, arith),
                Literals.signed(p.decayOne() - dv, arith), Literals.signed(p.vMax(model), arith), Literals.signed(p.stateMin(), arith),
                Literals.signed(p.vMin(model), arith), Literals.signed(1L << (w - 1), arith), Literals.signed(1L << w, arith),
                Literals.signed(p.decayOne() - 1, arith), Literals.signed(p.decayOne() / 2, arith), Literals.signed(0, arith), currents, cdf, arrayEntries, arrayBits, memories);
    }

    /** A spike array's spikes as (step, neuron, count), sorted by step then neuron. */
    private static List<long[]> aggregate(IntModel.SpikeArray a) {
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < a.steps().length; i++) {
            long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last[0] == a.steps()[i] && last[1] == a.neurons()[i]) last[2]++;
            else out.add(new long[] {a.steps()[i], a.neurons()[i], 1});
        }
        return out;
    }

    private static long[] longs(int[] values, int n) {
        long[] out = new long[values.length == 0 ? n : values.length];
        for (int i = 0; i < values.length; i++) out[i] = values[i];
        return out;
    }
}
