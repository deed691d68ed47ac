package myelin.backends.verilog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import myelin.ir.encoded.EncodedNetwork;
import myelin.ir.integer.IntModel;
import myelin.ir.logic.CellLibrary;
import myelin.ir.logic.GateNetlist;
import myelin.ir.network.ModelKind;

/**
 * What {@code netlist.vm} prints for a gate netlist: one group per population (the
 * testbenches' "cores"), a shift register per source neuron that a gate reads (as long as
 * its longest delay), the cells as instances of {@code myelin_cell}, the spike arrays' table.
 * The methods the testbench templates read have {@link DesignView}'s names.
 */
public record NetlistView(String network, String target, String profile, String library, int fanIn, List<Group> cores, List<String> populations,
                          int coreBits, int indexBits, int countBits, int weightBits, List<History> histories, List<Signal> inputs,
                          List<CellInstance> cells, int arrayEntries, int arrayBits, Map<String, List<String>> memories) {

    public static final String ARRAY = "spike_array.hex";

    /** A population: its gate neurons' signals, or a spike array's register. */
    public record Group(int id, String population, int populationIndex, int first, int size, boolean gate, List<String> outputs,
                        int indexMsb) {
        /** The gate neurons' spikes, highest neuron first, as one concatenation. */
        public String spikes() {
            List<String> reversed = new ArrayList<>(outputs);
            java.util.Collections.reverse(reversed);
            return "{" + String.join(", ", reversed) + "}";
        }
    }

    /** The spikes of one neuron in the last {@code length} steps: bit d - 1 is d steps ago. */
    public record History(String name, int population, int neuron, int length, int msb) {}

    /** A netlist input: a history register's bit. */
    public record Signal(String name, String source) {}

    /** One cell: its output wire, inputs (bit i = input i), packed weights and threshold. */
    public record CellInstance(String name, int fanIn, String inputs, String weights, String threshold, boolean constant, String value) {}

    public String arrayFile() {
        return ARRAY;
    }

    public String sources() {
        return "myelin_cell.v myelin_top.v";
    }

    public int maxCoreSize() {
        return cores.stream().mapToInt(Group::size).max().orElse(1);
    }

    public int lastCore() {
        return cores.size() - 1;
    }

    public int arrayAddressMsb() {
        return Literals.addressBits(arrayEntries) - 1;
    }

    /** A population's size as a literal as wide as the output walk's counter. */
    public String lengthLiteral(int size) {
        return (indexBits + 1) + "'d" + size;
    }

    public static NetlistView of(GateNetlist n, EncodedNetwork net, CellLibrary library) {
        int coreBits = Literals.addressBits(net.populations().size());
        int indexBits = net.populations().stream().mapToInt(p -> Literals.addressBits(p.size())).max().orElse(1);
        // Histories: per (population, neuron) read by a gate, its longest delay.
        Map<Long, Integer> longest = new LinkedHashMap<>();
        for (GateNetlist.Input in : n.inputs()) longest.merge((long) in.population() << 32 | in.neuron(), in.delay(), Math::max);
        List<History> histories = new ArrayList<>();
        longest.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            int p = (int) (e.getKey() >>> 32), neuron = (int) (long) e.getKey();
            histories.add(new History("h" + p + "_" + neuron, p, neuron, e.getValue(), e.getValue() - 1));
        });
        List<Signal> inputs = new ArrayList<>();
        for (int i = 0; i < n.inputs().size(); i++) {
            GateNetlist.Input in = n.inputs().get(i);
            inputs.add(new Signal("s" + i, "h" + in.population() + "_" + in.neuron() + "[" + (in.delay() - 1) + "]"));
        }
        int weightBits = Math.max(Literals.valueBits(Math.max(library.weightMax(), -library.weightMin() - 1)) + 1, 2);
        List<CellInstance> cells = new ArrayList<>();
        for (int k = 0; k < n.cells().size(); k++) {
            GateNetlist.Cell c = n.cells().get(k);
            String name = "s" + n.cellSignal(k);
            if (c.fanIn() == 0) {
                cells.add(new CellInstance(name, 0, "", "", "", true, c.threshold() <= 0 ? "1'b1" : "1'b0"));
                continue;
            }
            // Every cell has the library's fan-in: unused inputs are 0 with weight 0.
            StringBuilder in = new StringBuilder("{");
            StringBuilder w = new StringBuilder("{");
            for (int i = library.fanIn() - 1; i >= 0; i--) {
                boolean used = i < c.fanIn();
                in.append(used ? "s" + c.inputs()[i] : "1'b0").append(i > 0 ? ", " : "}");
                w.append(Literals.unsigned(used ? c.weights()[i] & ((1L << weightBits) - 1) : 0, weightBits)).append(i > 0 ? ", " : "}");
            }
            cells.add(new CellInstance(name, c.fanIn(), in.toString(), w.toString(), Literals.signed(c.threshold(), 16), false, ""));
        }
        // Groups: gate populations read their outputs; spike arrays their registers.
        List<List<String>> outputs = new ArrayList<>();
        for (EncodedNetwork.Population p : net.populations()) outputs.add(new ArrayList<>(java.util.Collections.nCopies(p.size(), "1'b0")));
        for (GateNetlist.Output o : n.outputs()) outputs.get(o.population()).set(o.neuron(), "s" + o.signal());
        List<Group> groups = new ArrayList<>();
        List<long[]> entries = new ArrayList<>();
        for (int p = 0; p < net.populations().size(); p++) {
            EncodedNetwork.Population pop = net.populations().get(p);
            boolean gate = pop.model().kind() == ModelKind.THRESHOLD_GATE;
            groups.add(new Group(p, pop.name(), p, 0, pop.size(), gate, outputs.get(p), Literals.addressBits(pop.size()) - 1));
            if (pop.model() instanceof IntModel.SpikeArray a) {
                for (int i = 0; i < a.steps().length; i++) entries.add(new long[] {a.steps()[i], p, a.neurons()[i]});
            }
        }
        entries.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]).thenComparingLong(e -> e[2]));
        int arrayBits = 32 + coreBits + indexBits;
        long[] words = new long[entries.size() + 1];
        for (int i = 0; i < entries.size(); i++) {
            long[] e = entries.get(i);
            words[i] = (e[2] << (32 + coreBits)) | (e[1] << 32) | e[0];
        }
        words[entries.size()] = 0xFFFF_FFFFL; // sentinel: a step no run reaches
        Map<String, List<String>> memories = new LinkedHashMap<>();
        memories.put(ARRAY, Literals.memory(words, arrayBits, words.length));
        return new NetlistView(n.name(), "fpga", net.profile().name(), library.name(), library.fanIn(), groups,
                net.populations().stream().map(EncodedNetwork.Population::name).toList(), coreBits, indexBits, 2, weightBits, histories,
                inputs, cells, words.length, arrayBits, memories);
    }
}
