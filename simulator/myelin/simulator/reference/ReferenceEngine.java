package myelin.simulator.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import myelin.ir.network.Network;
import myelin.ir.network.NeuronModel;
import myelin.ir.network.Population;
import myelin.ir.network.Projection;
import myelin.ir.synapses.ExpandedNetwork;
import myelin.ir.synapses.Sampler;
import myelin.ir.synapses.SplitMix64;
import myelin.ir.synapses.SynapseTable;
import myelin.simulator.Engine;
import myelin.simulator.SpikeTrain;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The floating-point reference: the network's physical model, with no quantization, on
 * ND4J vectors in float64 or float32. It follows the integer model's step structure
 * (docs/semantics.md) with exact decays and charge-preserving currents, and integrates v
 * exactly within each step (input held over the step), so thresholds are crossed and
 * reset at their true time. Sources and initial values draw the same streams as the
 * integer engine. One thread; the same input gives the same spikes on every run.
 */
public final class ReferenceEngine implements Engine {
    public enum Precision {
        FLOAT64(DataType.DOUBLE), FLOAT32(DataType.FLOAT);

        final DataType type;

        Precision(DataType type) {
            this.type = type;
        }
    }

    /** One projection's synapses as the engine delivers them. */
    private record Outgoing(SynapseTable table, ReferenceLayer post, int channel, double scale, double dt) {
        int delaySteps(int synapse) {
            return (int) Math.max(1, Math.round(table.delay(synapse) / dt));
        }
    }

    private final Network network;
    private final ReferenceLayer[] layers;
    private final List<List<Outgoing>> outgoing = new ArrayList<>();
    private final TreeMap<Integer, Map<Integer, List<Integer>>> forced = new TreeMap<>();
    private final SpikeTrain spikes = new SpikeTrain();
    private int step;

    public ReferenceEngine(ExpandedNetwork expanded, Precision precision) {
        // Per-population vectors are small: ND4J's OpenMP threads cost more per operation than they save.
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        this.network = expanded.network();
        double dt = network.timestep();
        List<Population> pops = network.populations();
        layers = new ReferenceLayer[pops.size()];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = new ReferenceLayer(pops.get(i), i, network.modelOf(pops.get(i)), dt, precision.type, network.seed());
            outgoing.add(new ArrayList<>());
        }
        int[] maxDelay = new int[layers.length];
        for (Projection p : network.projections()) {
            ReferenceLayer post = layer(p.post());
            int channel = p.synapse().isEmpty() ? 0 : network.modelOf(network.postOf(p)).channelOf(NeuronModel.currentVariable(p.synapse()));
            Outgoing out = new Outgoing(expanded.table(p.name()), post, channel, post.weightScale[channel], dt);
            outgoing.get(layer(p.pre()).index).add(out);
            for (int s = 0; s < out.table().size(); s++) {
                maxDelay[post.index] = Math.max(maxDelay[post.index], out.delaySteps(s));
                if (!out.table().hasPerSynapseDelays()) break;
            }
        }
        for (ReferenceLayer l : layers) l.allocateRing(maxDelay[l.index]);
        initialise();
    }

    private ReferenceLayer layer(String name) {
        for (ReferenceLayer l : layers) if (l.name.equals(name)) return l;
        throw new IllegalArgumentException("no population " + name);
    }

    /** The same initial values as the integer engine draws (docs/semantics.md), unquantized. */
    private void initialise() {
        for (ReferenceLayer l : layers) {
            Population pop = network.populations().get(l.index);
            for (var init : pop.initialValues().entrySet()) {
                String var = init.getKey();
                long stream = SplitMix64.derive(network.seed(), SplitMix64.hash("init/" + l.name + "/" + var));
                double[] values = new double[l.size];
                for (int n = 0; n < l.size; n++) values[n] = Sampler.sample(init.getValue(), new SplitMix64(SplitMix64.derive(stream, n)));
                if (var.equals("v")) l.initialiseV(values);
                else l.initialiseCurrent(network.modelOf(pop).channelOf(var), values);
            }
        }
    }

    @Override
    public void inject(String population, int neuron, int atStep) {
        forced.computeIfAbsent(atStep, s -> new TreeMap<>()).computeIfAbsent(layer(population).index, p -> new ArrayList<>()).add(neuron);
    }

    /** One thread: the observer always sees a quiet state. */
    @Override
    public void run(int steps, Observer observer, boolean readsState) {
        for (int s = 0; s < steps; s++) {
            spikes.clear();
            Map<Integer, List<Integer>> now = forced.remove(step);
            for (ReferenceLayer l : layers) {
                List<Integer> f = now == null ? null : now.get(l.index);
                l.update(step, f == null ? null : f.stream().mapToInt(Integer::intValue).toArray(), spikes);
            }
            deliver();
            observer.afterStep(step, spikes);
            step++;
        }
    }

    private void deliver() {
        for (int i = 0; i < spikes.size(); i++) {
            int pre = spikes.neuron(i);
            int count = spikes.count(i);
            for (Outgoing out : outgoing.get(spikes.population(i))) {
                SynapseTable t = out.table();
                double[][] slots = out.post().ring[out.channel()];
                int mask = out.post().mask;
                for (int s = t.rowStart(pre); s < t.rowEnd(pre); s++) {
                    slots[(step + out.delaySteps(s)) & mask][t.post(s)] += count * t.weight(s) * out.scale();
                }
            }
        }
    }

    @Override
    public int step() {
        return step;
    }

    @Override
    public int populationCount() {
        return layers.length;
    }

    @Override
    public String populationName(int index) {
        return layers[index].name;
    }

    @Override
    public int populationSize(int index) {
        return layers[index].size;
    }

    @Override
    public int outDegree(int population, int neuron) {
        int degree = 0;
        for (Outgoing out : outgoing.get(population)) degree += out.table().rowEnd(neuron) - out.table().rowStart(neuron);
        return degree;
    }

    /** A state variable in physical units ("v" in volts, "i_NAME" in the model's weight unit), or empty. */
    @Override
    public java.util.OptionalDouble state(int population, String variable, int neuron) {
        Population pop = network.populations().get(population);
        return layers[population].value(variable, neuron, network.modelOf(pop));
    }
}
