package myelin.passes.partition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import myelin.ir.diag.Diagnostic;
import myelin.ir.diag.InputException;
import myelin.ir.encoded.EncodedNetwork;
import myelin.ir.hardware.Core;
import myelin.ir.hardware.HardwareNetwork;
import myelin.ir.integer.IntModel;
import myelin.ir.network.VerifierProblem.Entity;
import myelin.ir.target.TargetSpec;
import myelin.passes.CompilationUnit;
import myelin.passes.Pass;
import myelin.passes.PassInfo;
import myelin.passes.Stages;

/**
 * Cuts each population into equal slices, one per core, as large as the target's limits
 * allow: neurons per core, the core's local memory (neuron state and rings) and the memory
 * for its incoming synapses (docs/hardware-ir.md, "Memory"). A population whose fan-in does
 * not fit is cut finer; one whose single neuron cannot fit is an error naming the limit.
 */
public final class Partition implements Pass<HardwareNetwork> {
    private static final PassInfo<HardwareNetwork> INFO = PassInfo.of("partition", "populations into core slices under the target's limits",
            Set.of(Stages.ENCODED), Stages.PARTITIONED);

    private final TargetSpec target;

    public Partition(TargetSpec target) {
        this.target = target;
    }

    @Override
    public PassInfo<HardwareNetwork> info() {
        return INFO;
    }

    @Override
    public HardwareNetwork run(CompilationUnit unit) {
        EncodedNetwork net = unit.require(Stages.ENCODED);
        long[][] inDegree = inDegrees(net);
        List<Core> cores = new ArrayList<>();
        List<Diagnostic> errors = new ArrayList<>();
        int slots = ringSlotsAssumed(net);
        for (int p = 0; p < net.populations().size(); p++) {
            EncodedNetwork.Population pop = net.populations().get(p);
            long[] prefix = prefix(inDegree[p]);
            int n = target.limits().neuronsPerCore() > 0 ? (int) Math.min(pop.size(), target.limits().neuronsPerCore()) : pop.size();
            String misfit = null;
            while (n >= 1 && (misfit = CoreMemory.misfit(target, pop, n, slots, prefix)) != null) {
                if (n == 1) break;
                n = n <= 8 ? n - 1 : Math.max(1, n * 7 / 8);
            }
            if (misfit != null) {
                errors.add(Diagnostic.error(unit.sources().at(Entity.POPULATION, pop.name()), "target " + target.name() + ": population "
                        + pop.name() + " does not fit one neuron per core: " + misfit));
                continue;
            }
            for (int first = 0; first < pop.size(); first += n) cores.add(slice(cores.size(), p, pop, first, Math.min(n, pop.size() - first)));
        }
        if (!errors.isEmpty()) throw new InputException(errors);
        List<String> names = net.populations().stream().map(EncodedNetwork.Population::name).toList();
        int delaySlots = (int) (target.limits().delaySlots() > 0 ? target.limits().delaySlots() : maxDelay(net));
        return new HardwareNetwork(net.name(), target.name(), net.profile(), net.seed(), delaySlots, names, cores, List.of(), List.of(),
                List.of());
    }

    /** The ring a core will need at most, before delay scheduling sizes it: the target's slots, or the longest delay. */
    private int ringSlotsAssumed(EncodedNetwork net) {
        long slots = target.limits().delaySlots() > 0 ? target.limits().delaySlots() : maxDelay(net);
        return Integer.highestOneBit((int) Math.max(1, slots - 1)) << 1;
    }

    private static long maxDelay(EncodedNetwork net) {
        long max = 1;
        for (EncodedNetwork.Projection p : net.projections()) max = Math.max(max, p.synapses().maxDelay());
        return max;
    }

    /** Synapses arriving at each neuron, per population. */
    static long[][] inDegrees(EncodedNetwork net) {
        long[][] degree = new long[net.populations().size()][];
        for (int p = 0; p < degree.length; p++) degree[p] = new long[net.populations().get(p).size()];
        for (EncodedNetwork.Projection proj : net.projections()) {
            long[] d = degree[proj.post()];
            int[] post = proj.synapses().connectivity().posts();
            for (int target : post) d[target]++;
        }
        return degree;
    }

    private static long[] prefix(long[] values) {
        long[] sum = new long[values.length + 1];
        for (int i = 0; i < values.length; i++) sum[i + 1] = sum[i] + values[i];
        return sum;
    }

    /** The core of neurons [first, first + size) of a population: its model and state sliced. */
    private static Core slice(int id, int population, EncodedNetwork.Population pop, int first, int size) {
        IntModel model = pop.model();
        if (model instanceof IntModel.SpikeArray s) {
            List<int[]> kept = new ArrayList<>();
            for (int i = 0; i < s.steps().length; i++) {
                int n = s.neurons()[i];
                if (n >= first && n < first + size) kept.add(new int[] {s.steps()[i], n - first});
            }
            model = new IntModel.SpikeArray(kept.stream().mapToInt(x -> x[0]).toArray(), kept.stream().mapToInt(x -> x[1]).toArray());
        }
        int[][] currents = new int[pop.initialCurrents().length][];
        for (int c = 0; c < currents.length; c++) currents[c] = cut(pop.initialCurrents()[c], first, size);
        return new Core(id, pop.name(), population, first, size, model, pop.currents(), cut(pop.bias(), first, size),
                cut(pop.initialV(), first, size), currents, 1);
    }

    private static int[] cut(int[] values, int first, int size) {
        return values.length == 0 ? values : Arrays.copyOfRange(values, first, first + size);
    }
}
