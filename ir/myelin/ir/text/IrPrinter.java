package myelin.ir.text;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import myelin.ir.network.Connector;
import myelin.ir.network.Distribution;
import myelin.ir.network.Network;
import myelin.ir.network.NeuronModel;
import myelin.ir.network.Parameter;
import myelin.ir.network.Population;
import myelin.ir.network.Projection;
import myelin.ir.network.Recording;
import myelin.ir.network.SpikeArraySource;
import myelin.ir.network.SynapseType;
import myelin.ir.network.Target;
import myelin.ir.units.Dimension;
import myelin.ir.units.Units;

/**
 * Prints the network IR as canonical .snn text: every parameter explicit, values in one
 * unit per dimension, one declaration per block. The frontend parses it back to an equal
 * network, and printing that gives the same text.
 */
public final class IrPrinter {
    private final StringBuilder out = new StringBuilder();
    private final Map<String, Long> synapseCounts;

    private IrPrinter(Map<String, Long> synapseCounts) {
        this.synapseCounts = synapseCounts;
    }

    public static String print(Network network) {
        return print(network, Map.of());
    }

    /** Prints with a {@code // synapses: N} comment for each projection named in {@code synapseCounts}. */
    public static String print(Network network, Map<String, Long> synapseCounts) {
        IrPrinter p = new IrPrinter(synapseCounts);
        p.network(network);
        return p.out.toString();
    }

    private void line(int indent, String text) {
        out.append("  ".repeat(indent)).append(text).append('\n');
    }

    private void network(Network net) {
        line(0, "network " + name(net.name()) + " {");
        line(1, "timestep = " + Units.format(net.timestep(), Dimension.TIME) + ";");
        line(1, "seed = " + net.seed() + ";");
        for (NeuronModel m : net.models().values()) model(m);
        for (Population p : net.populations()) population(net, p);
        for (Projection p : net.projections()) projection(net, p);
        if (!net.recordings().isEmpty()) out.append('\n');
        for (Recording r : net.recordings()) line(1, "record " + name(r.population()) + " : " + r.variables().stream().map(IrPrinter::name).collect(Collectors.joining(", ")) + ";");
        for (Target t : net.targets()) target(t);
        if (!synapseCounts.isEmpty()) {
            out.append('\n');
            line(1, "// neurons: " + net.neuronCount() + ", sources: " + net.sourceCount() + ", synapses: "
                    + synapseCounts.values().stream().mapToLong(Long::longValue).sum());
        }
        line(0, "}");
    }

    private void model(NeuronModel m) {
        out.append('\n');
        line(1, "model " + name(m.name()) + " : " + m.kind().keyword() + " {");
        for (Parameter p : m.parameters()) {
            String value = p instanceof Parameter.Scalar s ? Units.format(s.value(), s.dimension())
                    : ((Parameter.Choice) p).value();
            line(2, p.name() + " = " + value + ";");
        }
        if (m instanceof SpikeArraySource s) {
            line(2, "spikes = [" + s.spikes().stream()
                    .map(x -> x.neuron() + " @ " + Units.format(x.time(), Dimension.TIME))
                    .collect(Collectors.joining(", ")) + "];");
        }
        for (SynapseType s : m.synapses()) {
            line(2, "synapse " + name(s.name()) + " { tau = " + Units.format(s.tau(), Dimension.TIME) + "; }");
        }
        line(1, "}");
    }

    private void population(Network net, Population p) {
        out.append('\n');
        String head = "population " + name(p.name()) + " : " + name(p.model()) + " "
                + p.shape().stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
        if (p.initialValues().isEmpty() && !p.hasBias()) {
            line(1, head + ";");
            return;
        }
        line(1, head + " {");
        NeuronModel model = net.modelOf(p);
        if (p.hasBias()) {
            line(2, "bias = [" + p.bias().stream().map(b -> Units.format(b, model.biasDimension()))
                    .collect(Collectors.joining(", ")) + "];");
        }
        for (var init : p.initialValues().entrySet()) {
            Dimension dim = init.getKey().equals("v") ? Dimension.VOLTAGE : model.weightDimension();
            line(2, "init " + name(init.getKey()) + " = " + distribution(init.getValue(), dim) + ";");
        }
        line(1, "}");
    }

    private void projection(Network net, Projection p) {
        out.append('\n');
        line(1, "projection " + name(p.name()) + " : " + name(p.pre()) + " -> " + name(p.post()) + " : " + connectorHead(p.connector()) + " {");
        if (synapseCounts.containsKey(p.name())) line(2, "// synapses: " + synapseCounts.get(p.name()));
        Dimension weightDim = net.modelOf(net.postOf(p)).weightDimension();
        line(2, "weight = " + distribution(p.weight(), weightDim) + ";");
        line(2, "delay = " + distribution(p.delay(), Dimension.TIME) + ";");
        if (!p.synapse().isEmpty()) line(2, "synapse = " + name(p.synapse()) + ";");
        connectorBody(p.connector(), weightDim);
        line(1, "}");
    }

    private static String connectorHead(Connector c) {
        if (c instanceof Connector.FixedProbability f) return c.keyword() + "(" + Units.format(f.probability(), Dimension.NONE) + ")";
        if (c instanceof Connector.FixedInDegree f) return c.keyword() + "(" + f.inDegree() + ")";
        return c.keyword();
    }

    private void connectorBody(Connector c, Dimension weightDim) {
        if (!c.autapses()) line(2, "autapses = false;");
        if (c instanceof Connector.FixedInDegree d && !d.multapses()) line(2, "multapses = false;");
        if (c instanceof Connector.ExplicitList list) {
            line(2, "connections = [" + list.synapses().stream().map(s -> {
                StringBuilder b = new StringBuilder("(").append(s.pre()).append(", ").append(s.post());
                if (!Double.isNaN(s.weight()) || !Double.isNaN(s.delay())) {
                    b.append(", ").append(Double.isNaN(s.weight()) ? "_" : Units.format(s.weight(), weightDim));
                }
                if (!Double.isNaN(s.delay())) b.append(", ").append(Units.format(s.delay(), Dimension.TIME));
                return b.append(")").toString();
            }).collect(Collectors.joining(", ")) + "];");
        }
        if (c instanceof Connector.Conv2d conv) {
            line(2, "kernel = " + kernel(conv) + ";");
            line(2, "stride = " + conv.stride() + ";");
            line(2, "padding = " + conv.padding() + ";");
        }
    }

    private static String kernel(Connector.Conv2d conv) {
        int[] shape = conv.kernelShape();
        return nested(conv.kernel(), shape, 0, 0);
    }

    private static String nested(double[] values, int[] shape, int axis, int offset) {
        int stride = 1;
        for (int a = axis + 1; a < shape.length; a++) stride *= shape[a];
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < shape[axis]; i++) {
            if (i > 0) b.append(", ");
            b.append(axis == shape.length - 1 ? Units.format(values[offset + i], Dimension.NONE)
                    : nested(values, shape, axis + 1, offset + i * stride));
        }
        return b.append("]").toString();
    }

    static String distribution(Distribution d, Dimension dim) {
        if (d instanceof Distribution.Constant c) return Units.format(c.value(), dim);
        if (d instanceof Distribution.Uniform u) {
            return "uniform(" + Units.format(u.low(), dim) + ", " + Units.format(u.high(), dim) + ")";
        }
        Distribution.Normal n = (Distribution.Normal) d;
        String args = Units.format(n.mean(), dim) + ", " + Units.format(n.sd(), dim);
        if (n.clipped()) args += ", " + bound(n.low(), dim) + ", " + bound(n.high(), dim);
        return "normal(" + args + ")";
    }

    private static String bound(double value, Dimension dim) {
        if (value == Double.NEGATIVE_INFINITY) return "-inf";
        if (value == Double.POSITIVE_INFINITY) return "inf";
        return Units.format(value, dim);
    }

    private void target(Target t) {
        out.append('\n');
        line(1, "target " + name(t.name()) + " {");
        for (Target.Setting s : t.settings()) {
            String value;
            if (s instanceof Target.QuantitySetting q) value = Units.format(q.value(), q.dimension());
            else if (s instanceof Target.NameSetting n) value = n.value();
            else value = quote(((Target.TextSetting) s).value());
            line(2, s.name() + " = " + value + ";");
        }
        line(1, "}");
    }

    private static final java.util.regex.Pattern PLAIN_NAME = java.util.regex.Pattern.compile("[a-zA-Z_][a-zA-Z_0-9.]*");

    /** A name as .snn writes it: backquoted when it is not a plain identifier (NIR names like {@code 0}). */
    public static String name(String name) {
        return PLAIN_NAME.matcher(name).matches() ? name : "`" + name + "`";
    }

    public static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

}
