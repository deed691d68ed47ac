package myelin.frontend.nir;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import myelin.ir.diag.InputException;
import myelin.ir.network.Connector;
import myelin.ir.network.Coupling;
import myelin.ir.network.IntegrateAndFire;
import myelin.ir.network.LeakyIntegrator;
import myelin.ir.network.Lif;
import myelin.ir.network.NeuronModel;
import myelin.ir.network.ResetMode;
import myelin.ir.network.SpikeArraySource;
import myelin.ir.network.SynapseType;
import myelin.ir.network.ThresholdGate;

/**
 * The IR model of each NIR layer, and the gains that turn NIR's weights (an input held for
 * one step, in NIR's units) into IR weights (docs/nir.md derives them):
 * LIF/LI {@code r (1 - e^(-dt/tau))}, exact for an input held over the step; IF {@code r dt};
 * CubaLIF/CubaLI {@code r w_in (1 - e^(-dt/tau_mem)) tau_mem / tau_syn}, which makes the
 * IR's charge-preserving synaptic current jump by {@code r w_in (1 - e^(-dt/tau_syn))}.
 */
final class PopulationModels {
    private PopulationModels() {}

    /** The synapse type of Cuba layers. */
    static final String SYNAPSE = "syn";

    static final class Layer {
        private final String name;
        private final NirNode node;
        private final int[] shape;
        private final double dt;
        private final List<SynapseType> filters = new ArrayList<>();

        Layer(String name, NirNode node, int[] shape, double dt) {
            this.name = name;
            this.node = node;
            this.shape = shape;
            this.dt = dt;
        }

        String name() {
            return name;
        }

        int[] shape() {
            return shape;
        }

        private NirNode.Neuron neuron() {
            return (NirNode.Neuron) node;
        }

        private double param(String p) {
            return neuron().parameter(p).get(0);
        }

        private NeuronKind kind() {
            return node instanceof NirNode.Neuron n ? n.kind() : null;
        }

        private double tauMem() {
            return kind() == NeuronKind.LIF || kind() == NeuronKind.LI ? param("tau") : param("tau_mem");
        }

        private double leak(double tau) {
            return -Math.expm1(-dt / tau);
        }

        NeuronModel model() {
            if (node instanceof NirNode.Input) return new SpikeArraySource(name, List.of());
            if (node instanceof NirNode.Output) return new ThresholdGate(name, 1);
            List<SynapseType> synapses = new ArrayList<>();
            if (kind() == NeuronKind.CUBA_LIF || kind() == NeuronKind.CUBA_LI) synapses.add(new SynapseType(SYNAPSE, param("tau_syn")));
            synapses.addAll(filters);
            Coupling unit = new Coupling.Voltage(1);
            return switch (kind()) {
                case LIF, CUBA_LIF -> new Lif(name, tauMem(), param("v_leak"), param("v_reset"), param("v_threshold"), 0,
                        ResetMode.VALUE, unit, synapses);
                case LI, CUBA_LI -> new LeakyIntegrator(name, tauMem(), param("v_leak"), unit, synapses);
                case IF -> new IntegrateAndFire(name, param("v_threshold"), param("v_reset"), 0, ResetMode.VALUE);
                case THRESHOLD -> new ThresholdGate(name, integralThreshold() ? (long) param("threshold") : 0);
                case INTEGRATOR -> throw new IllegalStateException("checked in layer()");
            };
        }

        /** One integer threshold for the whole layer: what a gate's threshold holds as it is. */
        private boolean integralThreshold() {
            var t = neuron().parameter("threshold").uniform();
            return t.isPresent() && t.getAsDouble() == Math.rint(t.getAsDouble());
        }

        /**
         * What a Threshold layer adds to its bias, or null: real or per-neuron thresholds t_n
         * become the gate threshold 0 and a bias of -t_n (sum w x + b >= t_n exactly when
         * sum w x + b - t_n >= 0).
         */
        double[] thresholdBias() {
            if (kind() != NeuronKind.THRESHOLD || integralThreshold()) return null;
            var t = neuron().parameter("threshold");
            double[] bias = new double[LinearOp.size(shape)];
            for (int n = 0; n < bias.length; n++) bias[n] = -t.get(t.size() == 1 ? 0 : n);
            return bias;
        }

        /** The synapse type a projection without a folded LI targets ("" for v directly). */
        String ownSynapse() {
            return kind() == NeuronKind.CUBA_LIF || kind() == NeuronKind.CUBA_LI ? SYNAPSE : "";
        }

        double weightGain() {
            if (kind() == null || kind() == NeuronKind.THRESHOLD) return 1;
            return switch (kind()) {
                case LIF, LI -> param("r") * leak(tauMem());
                case CUBA_LIF, CUBA_LI -> param("r") * param("w_in") * leak(tauMem()) * tauMem() / param("tau_syn");
                default -> param("r") * dt;
            };
        }

        /** The factor from a NIR bias to the IR's bias: the level v settles at, IF's increment per step, a gate's added input. */
        double biasGain(Function<String, InputException> error) {
            if (kind() == null) throw error.apply("node '" + name + "' (Output): a bias into an output is not supported");
            return switch (kind()) {
                case THRESHOLD -> 1;
                case LIF, LI -> param("r");
                case CUBA_LIF, CUBA_LI -> param("r") * param("w_in");
                default -> param("r") * dt;
            };
        }

        /** A folded LI (time constant tau, its r applied on the path) feeding this layer's v. */
        void addFilter(String filter, double tau, Function<String, InputException> error) {
            if (kind() != NeuronKind.LIF && kind() != NeuronKind.LI) {
                throw error.apply("LI node '" + filter + "' feeds '" + name + "', which is not a LIF or LI layer; "
                        + "Myelin folds an LI only into the input of a LIF or LI layer");
            }
            if (filters.stream().noneMatch(s -> s.name().equals(filter))) filters.add(new SynapseType(filter, tau));
        }

        double filterGain(String filter) {
            double tau = filters.stream().filter(s -> s.name().equals(filter)).findFirst().orElseThrow().tau();
            return param("r") * leak(tauMem()) * tauMem() / tau;
        }
    }

    static Layer layer(String name, NirNode node, int[] shape, double dt, Function<String, InputException> error) {
        if (node instanceof NirNode.Neuron n) {
            for (var p : n.parameters().entrySet()) {
                boolean folds = n.kind() == NeuronKind.THRESHOLD && p.getKey().equals("threshold"); // into the bias, per neuron
                if (!folds && p.getValue().uniform().isEmpty()) {
                    throw error.apply("node '" + name + "' (" + n.kind().typeName() + "): parameter '" + p.getKey() + "' varies across the layer ("
                            + p.getValue().min() + " .. " + p.getValue().max() + "); Myelin takes one value per layer");
                }
            }
            String kind = n.kind().typeName();
            for (String tau : List.of("tau", "tau_mem", "tau_syn")) {
                if (n.parameters().containsKey(tau) && !(n.parameter(tau).get(0) > 0)) {
                    throw error.apply("node '" + name + "' (" + kind + "): " + tau + " must be positive, got " + n.parameter(tau).get(0));
                }
            }
            if (n.kind() == NeuronKind.INTEGRATOR) {
                throw error.apply("node '" + name + "' (I): an integrator without threshold has no IR model; use IF or LI");
            }
        }
        return new Layer(name, node, shape, dt);
    }

    /** A pooling that folds into the convolution after it: window = stride, no padding, exact tiling. */
    record PoolFactor(int size, boolean average) {}

    static PoolFactor poolBefore(NirNode.Pool pool, int[] inShape) {
        int k = pool.kernel()[0];
        boolean square = pool.kernel()[1] == k && pool.stride()[0] == k && pool.stride()[1] == k
                && pool.padding()[0] == 0 && pool.padding()[1] == 0;
        if (!square || inShape.length != 3 || inShape[1] % k != 0 || inShape[2] % k != 0) return null;
        return new PoolFactor(k, pool.average());
    }

    /**
     * The IR's 2-D convolution for a NIR Conv2d (optionally after a pooling it absorbs: a
     * kernel k on the pooled map is a kernel k*p with stride s*p on the input), or null when
     * the IR's connector cannot express it (groups, dilation, unequal strides or padding).
     */
    static Connector.Conv2d conv2d(NirNode.Conv conv, PoolFactor pool) {
        if (conv.dims() != 2 || conv.groups() != 1 || conv.dilation()[0] != 1 || conv.dilation()[1] != 1
                || conv.stride()[0] != conv.stride()[1] || conv.padding()[0] != conv.padding()[1]) {
            return null;
        }
        int[] w = conv.weight().shape();
        double[] k = conv.weight().values();
        int p = pool == null ? 1 : pool.size();
        double scale = pool != null && pool.average() ? 1.0 / (p * p) : 1.0;
        int kh = w[2] * p, kw = w[3] * p;
        double[] kernel = new double[w[0] * w[1] * kh * kw];
        for (int o = 0; o < w[0]; o++) {
            for (int i = 0; i < w[1]; i++) {
                for (int y = 0; y < kh; y++) {
                    for (int x = 0; x < kw; x++) {
                        kernel[((o * w[1] + i) * kh + y) * kw + x] = k[((o * w[1] + i) * w[2] + y / p) * w[3] + x / p] * scale;
                    }
                }
            }
        }
        return new Connector.Conv2d(new int[] {w[0], w[1], kh, kw}, kernel, conv.stride()[0] * p, conv.padding()[0] * p);
    }
}
