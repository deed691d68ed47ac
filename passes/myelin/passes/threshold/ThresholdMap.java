package myelin.passes.threshold;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import myelin.ir.diag.Diagnostic;
import myelin.ir.diag.InputException;
import myelin.ir.encoded.EncodedNetwork;
import myelin.ir.encoded.EncodedSynapses;
import myelin.ir.integer.IntModel;
import myelin.ir.logic.CellLibrary;
import myelin.ir.logic.GateNetlist;
import myelin.ir.network.ModelKind;
import myelin.ir.network.VerifierProblem.Entity;
import myelin.passes.CompilationUnit;
import myelin.passes.Pass;
import myelin.passes.PassInfo;
import myelin.passes.Stages;

/**
 * Maps a network of threshold gates onto a library of bounded threshold-logic cells
 * (docs/threshold-logic.md): each gate neuron's function over the spikes it reads (a
 * source neuron's spike {@code d} steps earlier, for a synapse of delay d) is normalised
 * to its smallest integer weights, then built from cells ({@link Decomposer}), and the
 * cells are checked against the gate: on every input assignment up to
 * {@link #EXHAUSTIVE_INPUTS} inputs, on {@link #RANDOM_VECTORS} seeded random ones beyond.
 *
 * <p>Only threshold gates and spike arrays map: a neuron with state, or a Poisson source
 * (which can fire twice in a step), is an error at its declaration.
 */
public final class ThresholdMap implements Pass<GateNetlist> {
    public static final int EXHAUSTIVE_INPUTS = 16;
    public static final int RANDOM_VECTORS = 4096;
    private static final PassInfo<GateNetlist> INFO = PassInfo.of("threshold-map", "threshold gates onto bounded threshold-logic cells",
            java.util.Set.of(Stages.ENCODED), Stages.GATES);

    /** The netlist, each gate's function over the netlist's inputs, and how its equivalence was checked. */
    /**
     * The netlist, its gates' functions, how they were checked, and the least cells (summed)
     * and depth (the deepest gate's) that any construction from this library needs.
     */
    public record Result(GateNetlist netlist, List<Gate> gates, int exhaustive, int sampled, long vectors, long cellBound, int depthBound) {}

    /** A gate neuron's function as the network gives it: {@code [sum weights[i] x input(inputs[i]) >= threshold]}. */
    public record Gate(int population, int neuron, int[] inputs, long[] weights, long threshold) {}

    private final CellLibrary library;

    public ThresholdMap(CellLibrary library) {
        this.library = library;
    }

    @Override
    public PassInfo<GateNetlist> info() {
        return INFO;
    }

    @Override
    public GateNetlist run(CompilationUnit unit) {
        return map(unit, unit.require(Stages.ENCODED)).netlist();
    }

    /** The netlist with what the report needs: the gates' functions and how they were checked. */
    public Result map(CompilationUnit unit, EncodedNetwork net) {
        List<Diagnostic> errors = new ArrayList<>();
        for (EncodedNetwork.Population p : net.populations()) {
            ModelKind kind = p.model().kind();
            if (p.model() instanceof IntModel.SpikeArray a) {
                for (int i = 1; i < a.steps().length; i++) {
                    if (a.steps()[i] == a.steps()[i - 1] && a.neurons()[i] == a.neurons()[i - 1]) {
                        errors.add(Diagnostic.error(unit.sources().at(Entity.POPULATION, p.name()), "population " + p.name() + ": neuron "
                                + a.neurons()[i] + " spikes twice at step " + a.steps()[i] + "; a threshold-logic netlist carries one spike a step"));
                        break;
                    }
                }
            }
            if (kind != ModelKind.THRESHOLD_GATE && kind != ModelKind.SPIKE_ARRAY) {
                errors.add(Diagnostic.error(unit.sources().at(Entity.POPULATION, p.name()), "cell library " + library.name() + ": population "
                        + p.name() + " is " + kind.keyword() + "; only threshold gates and spike arrays map onto threshold-logic cells"));
            }
        }
        if (!errors.isEmpty()) throw new InputException(errors);

        // Each gate neuron's synapses: (source population, neuron, delay) -> weight.
        List<List<Map<Long, Long>>> fanIn = new ArrayList<>();
        for (EncodedNetwork.Population p : net.populations()) {
            List<Map<Long, Long>> perNeuron = new ArrayList<>();
            for (int n = 0; n < (p.model().kind() == ModelKind.THRESHOLD_GATE ? p.size() : 0); n++) perNeuron.add(new HashMap<>());
            fanIn.add(perNeuron);
        }
        for (EncodedNetwork.Projection proj : net.projections()) {
            EncodedSynapses s = proj.synapses();
            for (int pre = 0; pre < s.preSize(); pre++) {
                for (int k = s.rowStart(pre); k < s.rowEnd(pre); k++) {
                    long key = key(proj.pre(), pre, s.delay(k));
                    fanIn.get(proj.post()).get(s.post(k)).merge(key, (long) s.weight(k), Long::sum);
                }
            }
        }
        List<GateNetlist.Input> inputs = new ArrayList<>();
        Map<Long, Integer> inputIndex = new HashMap<>();
        for (List<Map<Long, Long>> perNeuron : fanIn) {
            for (Map<Long, Long> m : perNeuron) {
                for (long key : m.keySet().stream().sorted().toList()) {
                    inputIndex.computeIfAbsent(key, k -> {
                        inputs.add(new GateNetlist.Input((int) (k >>> 40), (int) (k >>> 16 & 0xFFFFFF), (int) (k & 0xFFFF)));
                        return inputs.size() - 1;
                    });
                }
            }
        }
        Decomposer decomposer = new Decomposer(library);
        List<GateNetlist.Cell> cells = new ArrayList<>();
        List<GateNetlist.Output> outputs = new ArrayList<>();
        List<Gate> gates = new ArrayList<>();
        int exhaustive = 0, sampled = 0, depthBound = 0;
        long cellBound = 0;
        long vectors = 0;
        for (int p = 0; p < net.populations().size(); p++) {
            EncodedNetwork.Population pop = net.populations().get(p);
            if (!(pop.model() instanceof IntModel.Gate gate)) continue;
            for (int n = 0; n < pop.size(); n++) {
                Map<Long, Long> m = fanIn.get(p).get(n);
                List<Long> keys = m.keySet().stream().sorted().toList();
                int[] local = new int[keys.size()];
                long[] weights = new long[keys.size()];
                for (int i = 0; i < keys.size(); i++) {
                    local[i] = i;
                    weights[i] = m.get(keys.get(i));
                }
                // in + b >= T is the threshold function with threshold T - b.
                long threshold = gate.threshold() - (pop.bias().length > 0 ? pop.bias()[n] : 0);
                ThresholdFunction f = new ThresholdFunction(local, weights, threshold);
                gates.add(new Gate(p, n, keys.stream().mapToInt(inputIndex::get).toArray(), weights, threshold));
                Decomposer.Built built;
                ThresholdFunction normal = Normalizer.normalize(f);
                Decomposer.Bound bound = decomposer.bound(normal);
                cellBound += bound.cells();
                depthBound = Math.max(depthBound, bound.depth());
                try {
                    built = decomposer.best(normal, keys.size());
                } catch (IllegalArgumentException impossible) {
                    throw InputException.of(unit.sources().at(Entity.POPULATION, pop.name()), "cell library " + library.name() + ": gate "
                            + pop.name() + "[" + n + "] " + impossible.getMessage());
                }
                CellBuilder b = built.cells();
                int out = built.out();
                long checked = Equivalence.check(f, b, out, pop.name() + "[" + n + "]");
                if (keys.size() <= EXHAUSTIVE_INPUTS) exhaustive++;
                else sampled++;
                vectors += checked;
                // Append the gate's cells to the netlist: its inputs become the netlist's signals.
                int base = inputs.size() + cells.size(); // cell signals follow the inputs
                for (GateNetlist.Cell c : b.cells()) {
                    int[] in = new int[c.inputs().length];
                    for (int i = 0; i < in.length; i++) {
                        int s = c.inputs()[i];
                        in[i] = s < keys.size() ? inputIndex.get(keys.get(s)) : base + (s - keys.size());
                    }
                    cells.add(new GateNetlist.Cell(in, c.weights(), c.threshold()));
                }
                int signal = out < keys.size() ? inputIndex.get(keys.get(out)) : base + (out - keys.size());
                outputs.add(new GateNetlist.Output(p, n, signal));
            }
        }
        List<String> names = net.populations().stream().map(EncodedNetwork.Population::name).toList();
        return new Result(new GateNetlist(net.name(), library.name(), names, inputs, cells, outputs), gates, exhaustive, sampled, vectors, cellBound, depthBound);
    }

    private static long key(int population, int neuron, int delay) {
        return (long) population << 40 | (long) neuron << 16 | delay;
    }

    /** Checks a gate's cells against its function; the number of assignments tried. */
    static final class Equivalence {
        private Equivalence() {}

        static long check(ThresholdFunction f, CellBuilder b, int out, String gate) {
            int n = b.inputs();
            GateNetlist local = new GateNetlist(gate, "", List.of(), java.util.Collections.nCopies(n, new GateNetlist.Input(0, 0, 1)),
                    b.cells(), List.of());
            boolean[] x = new boolean[n];
            if (n <= EXHAUSTIVE_INPUTS) {
                for (long v = 0; v < 1L << n; v++) {
                    for (int i = 0; i < n; i++) x[i] = (v >> i & 1) != 0;
                    compare(f, local, x, out, gate);
                }
                return 1L << n;
            }
            Random r = new Random(gate.hashCode());
            for (int k = 0; k < RANDOM_VECTORS; k++) {
                // Sums near the threshold are where a wrong netlist shows: bias the density per vector.
                double density = r.nextDouble();
                for (int i = 0; i < n; i++) x[i] = r.nextDouble() < density;
                compare(f, local, x, out, gate);
            }
            return RANDOM_VECTORS;
        }

        private static void compare(ThresholdFunction f, GateNetlist local, boolean[] x, int out, String gate) {
            if (local.evaluate(x)[out] != f.value(x)) {
                throw new IllegalStateException("threshold-map: the cells of " + gate + " differ from " + f + " on " + java.util.Arrays.toString(x));
            }
        }
    }
}
