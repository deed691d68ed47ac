package myelin.ir.machine.image;

import java.util.ArrayList;
import java.util.List;
import myelin.ir.hardware.Block;
import myelin.ir.hardware.Core;
import myelin.ir.hardware.Encoding;
import myelin.ir.hardware.Kernel;
import myelin.ir.hardware.Layout;
import myelin.ir.integer.IntModel;
import myelin.ir.network.ModelKind;

/** The regions of a core's image, field by field as docs/spinnaker-image.md gives them, written and read. */
final class CoreRegions {
    private CoreRegions() {}

    static ByteWriter neurons(Core c) {
        ByteWriter w = new ByteWriter();
        w.text(c.name()).i32(c.population()).i32(c.first()).i32(c.size()).i32(c.ringSlots());
        IntModel m = c.model();
        w.u8(m.kind().ordinal());
        switch (m.kind()) {
            case LIF, LI -> {
                IntModel.Lif l = (IntModel.Lif) m;
                w.i32(l.dv()).ints(l.currentDecays()).i64(l.threshold()).i64(l.reset()).u8(l.subtractReset() ? 1 : 0).i32(l.refractorySteps());
            }
            case IF -> {
                IntModel.IntegrateAndFire f = (IntModel.IntegrateAndFire) m;
                w.i64(f.threshold()).i64(f.reset()).u8(f.subtractReset() ? 1 : 0).i32(f.refractorySteps());
            }
            case THRESHOLD_GATE -> w.i64(((IntModel.Gate) m).threshold());
            case POISSON -> {
                long[] cdf = ((IntModel.Poisson) m).cdf();
                w.i32(cdf.length);
                for (long x : cdf) w.i64(x);
            }
            case SPIKE_ARRAY -> {
                IntModel.SpikeArray s = (IntModel.SpikeArray) m;
                w.ints(s.steps()).ints(s.neurons());
            }
        }
        w.u16(c.currents().size());
        for (String name : c.currents()) w.text(name);
        w.ints(c.bias()).ints(c.initialV());
        for (int[] initial : c.initialCurrents()) w.ints(initial);
        return w;
    }

    static Core neurons(ByteReader r, int id) {
        String name = r.text();
        int population = r.i32();
        int first = r.i32();
        int size = r.i32();
        int ring = r.i32();
        int kind = r.u8();
        if (kind >= ModelKind.values().length) throw r.error("unknown model kind " + kind);
        IntModel model = switch (ModelKind.values()[kind]) {
            case LIF, LI -> new IntModel.Lif(r.i32(), r.ints(), r.i64(), r.i64(), r.u8() == 1, r.i32(), ModelKind.values()[kind] == ModelKind.LIF);
            case IF -> new IntModel.IntegrateAndFire(r.i64(), r.i64(), r.u8() == 1, r.i32());
            case THRESHOLD_GATE -> new IntModel.Gate(r.i64());
            case POISSON -> {
                long[] cdf = new long[r.count(8)];
                for (int i = 0; i < cdf.length; i++) cdf[i] = r.i64();
                yield new IntModel.Poisson(cdf);
            }
            case SPIKE_ARRAY -> new IntModel.SpikeArray(r.ints(), r.ints());
        };
        int channels = r.u16();
        List<String> currents = new ArrayList<>();
        for (int i = 0; i < channels; i++) currents.add(r.text());
        int[] bias = r.ints();
        int[] v = r.ints();
        int[][] initial = new int[channels][];
        for (int i = 0; i < channels; i++) initial[i] = r.ints();
        r.expectEnd();
        return new Core(id, name, population, first, size, model, currents, bias, v, initial, ring);
    }

    /** The lookup (source key, mask, first block, count), then the kernels, then the blocks. */
    static ByteWriter synapses(List<PopulationTableEntry> lookup, List<Kernel> kernels, List<Block> blocks) {
        ByteWriter w = new ByteWriter();
        w.i32(lookup.size());
        for (PopulationTableEntry e : lookup) w.i32(e.key()).i32(e.mask()).i32(e.firstBlock()).i32(e.count());
        w.i32(kernels.size());
        for (Kernel k : kernels) {
            w.text(k.projection()).i32(k.inChannels()).i32(k.inHeight()).i32(k.inWidth()).i32(k.outChannels()).i32(k.outHeight())
                    .i32(k.outWidth()).i32(k.kernelHeight()).i32(k.kernelWidth()).i32(k.stride()).i32(k.padding()).ints(k.weights());
        }
        w.i32(blocks.size());
        for (Block b : blocks) {
            Layout l = b.layout();
            w.i32(b.source()).u16(b.stage()).u16(b.channel()).u8(b.encoding().ordinal()).text(b.projection())
                    .i32(l.rows()).u8(l.shift()).u8(l.weightBits()).u8(l.weightSign() & 0xFF).u8(l.delayBits()).u8(l.typeBits())
                    .u8(l.indexBits()).u8(l.offsetBits()).u8(l.wordBits()).i32(l.constantDelay()).i32(b.synapses()).i64(b.bits())
                    .i32(b.data().length).words(b.data());
        }
        return w;
    }

    record Synapses(List<PopulationTableEntry> lookup, List<Kernel> kernels, List<Block> blocks) {}

    static Synapses synapses(ByteReader r, int core) {
        List<PopulationTableEntry> lookup = new ArrayList<>();
        int entries = r.count(16);
        for (int i = 0; i < entries; i++) lookup.add(new PopulationTableEntry(r.i32(), r.i32(), r.i32(), r.i32()));
        List<Kernel> kernels = new ArrayList<>();
        int k = r.count(4);
        for (int i = 0; i < k; i++) {
            String projection = r.text();
            int[] g = new int[10];
            for (int j = 0; j < 10; j++) g[j] = r.i32();
            kernels.add(new Kernel(projection, g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], g[8], g[9], r.ints()));
        }
        List<Block> blocks = new ArrayList<>();
        int n = r.count(4);
        for (int i = 0; i < n; i++) {
            int source = r.i32();
            int stage = r.u16();
            int channel = r.u16();
            int encoding = r.u8();
            if (encoding >= Encoding.values().length) throw r.error("block " + i + ": unknown encoding " + encoding);
            String projection = r.text();
            Layout l = new Layout(r.i32(), r.u8(), r.u8(), (byte) r.u8(), r.u8(), r.u8(), r.u8(), r.u8(), r.u8(), r.i32());
            int synapses = r.i32();
            long bits = r.i64();
            long[] data = new long[r.count(8)];
            for (int j = 0; j < data.length; j++) data[j] = r.i64();
            if (bits > 64L * data.length) throw r.error("block " + i + " claims " + bits + " bits in " + data.length + " words");
            blocks.add(new Block(core, source, stage, projection, channel, Encoding.values()[encoding], l, synapses, bits, data));
        }
        r.expectEnd();
        return new Synapses(lookup, kernels, blocks);
    }

    /** A delay extension: the core it serves, its stages, the slots of each, and the source each stage sends. */
    static ByteWriter delays(int sourceCore, int stages, int slots, int firstStageSource) {
        return new ByteWriter().i32(sourceCore).u16(stages).u16(slots).i32(firstStageSource);
    }

    record Delays(int sourceCore, int stages, int slots, int firstStageSource) {}

    static Delays delays(ByteReader r) {
        Delays d = new Delays(r.i32(), r.u16(), r.u16(), r.i32());
        r.expectEnd();
        return d;
    }

    /** What the core records: 1 = its spikes. */
    static ByteWriter recording() {
        return new ByteWriter().u8(1);
    }
}
