package myelin.frontend.nir;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import myelin.ir.diag.InputException;
import myelin.ir.diag.SourceLocation;

/**
 * Reads a NIR file (HDF5, via jHDF) into {@link NirNode}s. Reads what NIR writers from 0.1
 * to 1.0 produce: gzip-compressed datasets, 0-d parameters, nested graphs, parameter
 * defaults that old files omit. Every problem is an {@link InputException} naming the node.
 */
public final class NirReader {
    /** The most elements one parameter may hold (512 MB of doubles): larger is a broken file, not a model. */
    static final long MAX_ELEMENTS = 1L << 26;

    private final String path;

    private NirReader(String path) {
        this.path = path;
    }

    public record NirFile(String version, NirNode.Graph graph) {}

    public static NirFile read(Path file) {
        NirReader reader = new NirReader(file.toString());
        try (HdfFile hdf = new HdfFile(file)) {
            return reader.file(hdf);
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            // jHDF reports unreadable files with unchecked exceptions; the message says why.
            throw reader.error("not a readable NIR (HDF5) file: " + reason(e));
        }
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private NirFile file(HdfFile hdf) {
        String version = hdf.getChildren().get("version") instanceof Dataset v ? text(v) : "unknown";
        if (!(hdf.getChildren().get("node") instanceof Group root)) {
            throw error("no group 'node' at the root: not a NIR file");
        }
        return new NirFile(version, graph(root, "(root)"));
    }

    private NirNode.Graph graph(Group group, String name) {
        Map<String, NirNode> nodes = new LinkedHashMap<>();
        if (group.getChildren().get("nodes") instanceof Group children) {
            for (var entry : children.getChildren().entrySet()) {
                if (!(entry.getValue() instanceof Group node)) throw error("graph " + name + ": 'nodes/" + entry.getKey() + "' is not a group");
                nodes.put(entry.getKey(), node(node, entry.getKey()));
            }
        }
        List<NirNode.Edge> edges = new ArrayList<>();
        if (group.getChildren().get("edges") instanceof Dataset e && !e.isEmpty()) {
            if (e.getSize() > MAX_ELEMENTS) throw error("graph " + name + ": " + e.getSize() + " edges");
            Object data = e.getDataFlat();
            if (!(data instanceof String[] flat) || flat.length % 2 != 0) {
                throw error("graph " + name + ": 'edges' must be an E x 2 array of node names");
            }
            for (int i = 0; i < flat.length; i += 2) edges.add(new NirNode.Edge(flat[i], flat[i + 1]));
        }
        return new NirNode.Graph(nodes, edges);
    }

    private NirNode node(Group g, String name) {
        if (!(g.getChildren().get("type") instanceof Dataset typeSet)) throw error("node '" + name + "': no 'type'");
        String type = text(typeSet);
        Params p = new Params(g, name, type);
        switch (type) {
            case "NIRGraph":
                return graph(g, "'" + name + "'");
            case "Input":
                return new NirNode.Input(p.ints(p.has("shape") ? "shape" : "input_type/input"));
            case "Output":
                return new NirNode.Output(p.ints(p.has("shape") ? "shape" : "output_type/output"));
            case "Affine":
                return new NirNode.Affine(p.tensor("weight"), p.tensor("bias"));
            case "Linear":
                return new NirNode.Linear(p.tensor("weight"));
            case "Scale":
                return new NirNode.Scale(p.tensor("scale"));
            case "Conv1d":
            case "Conv2d": {
                int dims = type.equals("Conv1d") ? 1 : 2;
                Tensor weight = p.tensor("weight");
                if (weight.rank() != dims + 2) {
                    throw error("node '" + name + "' (" + type + "): weight has shape " + weight.shapeText()
                            + ", expected " + (dims + 2) + " axes [out, in, k...]");
                }
                int[] kernel = Arrays.copyOfRange(weight.shape(), 2, weight.rank());
                int[] dilation = p.has("dilation") ? p.perAxis("dilation", dims) : filled(dims, 1);
                Tensor bias = p.has("bias") ? p.tensor("bias") : Tensor.scalar(0);
                int[] stride = p.has("stride") ? p.perAxis("stride", dims) : filled(dims, 1);
                int[] padding = p.padding(kernel, dilation);
                int groups = p.has("groups") ? p.ints("groups")[0] : 1;
                int[] inputShape = p.has("input_shape") ? p.ints("input_shape") : new int[0];
                return new NirNode.Conv(dims, weight, bias, stride, padding, dilation, groups, inputShape);
            }
            case "SumPool2d":
            case "AvgPool2d": {
                int[] kernel = p.perAxis("kernel_size", 2);
                int[] stride = p.has("stride") ? p.perAxis("stride", 2) : kernel;
                int[] padding = p.has("padding") ? p.perAxis("padding", 2) : filled(2, 0);
                return new NirNode.Pool(type.equals("AvgPool2d"), kernel, stride, padding);
            }
            case "Flatten": {
                int[] input = p.has("input_type") ? p.ints(p.isGroup("input_type") ? "input_type/input" : "input_type") : new int[0];
                return new NirNode.Flatten(p.has("start_dim") ? p.ints("start_dim")[0] : 1,
                        p.has("end_dim") ? p.ints("end_dim")[0] : -1, input);
            }
            case "Delay":
                return new NirNode.Delay(p.tensor("delay"));
            default: {
                NeuronKind kind = NeuronKind.byTypeName(type).orElseThrow(() -> error("node '" + name
                        + "': unknown NIR node type '" + type + "'"));
                return neuron(p, kind);
            }
        }
    }

    /** A neuron layer; 0-d parameters and defaults are broadcast to the layer's shape. */
    private NirNode.Neuron neuron(Params p, NeuronKind kind) {
        Map<String, Tensor> raw = new LinkedHashMap<>();
        for (String param : kind.parameters()) {
            if (p.has(param)) raw.put(param, p.tensor(param));
            else if (kind.defaults().containsKey(param)) raw.put(param, Tensor.scalar(kind.defaults().get(param)));
            else throw error("node '" + p.node + "' (" + kind.typeName() + "): missing parameter '" + param + "'");
        }
        Tensor widest = raw.values().stream().max(java.util.Comparator.comparingInt(Tensor::size)).orElseThrow();
        String widestName = raw.entrySet().stream().filter(e -> e.getValue() == widest).findFirst().orElseThrow().getKey();
        Map<String, Tensor> params = new LinkedHashMap<>();
        for (var e : raw.entrySet()) {
            Tensor t = e.getValue();
            if (t.size() == 1 && widest.size() != 1) {
                double[] filled = new double[widest.size()];
                Arrays.fill(filled, t.get(0));
                t = new Tensor(widest.shape(), filled);
            } else if (!Arrays.equals(squeeze(t.shape()), squeeze(widest.shape()))) {
                throw error("node '" + p.node + "' (" + kind.typeName() + "): parameter '" + e.getKey() + "' has shape "
                        + t.shapeText() + " but '" + widestName + "' has shape " + widest.shapeText());
            } else {
                t = new Tensor(widest.shape(), t.values());
            }
            params.put(e.getKey(), t);
        }
        return new NirNode.Neuron(kind, params);
    }

    private static int[] squeeze(int[] shape) {
        return Arrays.stream(shape).filter(d -> d != 1).toArray();
    }

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }

    private InputException error(String message) {
        return InputException.of(SourceLocation.of(path), message);
    }

    private String text(Dataset d) {
        Object data = d.getData();
        if (data instanceof String s) return s;
        if (data != null && data.getClass().isArray() && Array.getLength(data) == 1 && Array.get(data, 0) instanceof String s) return s;
        throw error("dataset '" + d.getPath() + "' should hold a string");
    }

    /** The parameters of one node group. */
    private final class Params {
        private final Group group;
        private final String node;
        private final String type;

        Params(Group group, String node, String type) {
            this.group = group;
            this.node = node;
            this.type = type;
        }

        boolean has(String name) {
            return find(name) != null;
        }

        boolean isGroup(String name) {
            return find(name) instanceof Group;
        }

        private Node find(String name) {
            Node at = group;
            for (String part : name.split("/")) {
                if (!(at instanceof Group g)) return null;
                at = g.getChildren().get(part);
            }
            return at;
        }

        private Dataset dataset(String name) {
            if (find(name) instanceof Dataset d) return d;
            throw error("node '" + node + "' (" + type + "): missing parameter '" + name + "'");
        }

        Tensor tensor(String name) {
            Dataset d = dataset(name);
            if (d.getSize() > MAX_ELEMENTS) {
                throw error("node '" + node + "' (" + type + "): parameter '" + name + "' has " + d.getSize() + " elements, more than "
                        + MAX_ELEMENTS);
            }
            double[] values = numbers(d, name);
            int[] shape = d.isScalar() ? new int[0] : d.getDimensions();
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    throw error("node '" + node + "' (" + type + "): parameter '" + name + "' holds " + v);
                }
            }
            return new Tensor(shape, values);
        }

        int[] ints(String name) {
            Dataset d = dataset(name);
            if (d.getSize() > 16) throw error("node '" + node + "' (" + type + "): '" + name + "' has " + d.getSize() + " values, expected a few");
            double[] values = numbers(d, name);
            int[] out = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                if (values[i] != Math.rint(values[i]) || Math.abs(values[i]) > Integer.MAX_VALUE) {
                    throw error("node '" + node + "' (" + type + "): '" + name + "' must hold integers, got " + values[i]);
                }
                out[i] = (int) values[i];
            }
            return out;
        }

        /** A per-axis setting: one value for every axis, or one per axis. */
        int[] perAxis(String name, int dims) {
            int[] v = ints(name);
            if (v.length == 1) return filled(dims, v[0]);
            if (v.length != dims) throw error("node '" + node + "' (" + type + "): '" + name + "' has " + v.length + " values for " + dims + " axes");
            return v;
        }

        /** Conv padding: numbers, or the strings 'valid' and 'same' of newer writers. */
        int[] padding(int[] kernel, int[] dilation) {
            if (!has("padding")) return filled(kernel.length, 0);
            Dataset d = dataset("padding");
            if (d.getJavaType() == String.class) {
                String mode = text(d);
                if (mode.equals("valid")) return filled(kernel.length, 0);
                if (mode.equals("same")) {
                    int[] pad = new int[kernel.length];
                    for (int a = 0; a < kernel.length; a++) {
                        int extent = dilation[a] * (kernel[a] - 1);
                        if (extent % 2 != 0) throw error("node '" + node + "' (" + type + "): padding 'same' with an even kernel is asymmetric; not supported");
                        pad[a] = extent / 2;
                    }
                    return pad;
                }
                throw error("node '" + node + "' (" + type + "): unknown padding '" + mode + "' (expected a number, 'valid' or 'same')");
            }
            return perAxis("padding", kernel.length);
        }

        private double[] numbers(Dataset d, String name) {
            Object data = d.isScalar() ? d.getData() : d.getDataFlat();
            if (data instanceof Number n) return new double[] {n.doubleValue()};
            if (data instanceof Boolean b) return new double[] {b ? 1 : 0};
            if (data != null && data.getClass().isArray() && data.getClass().getComponentType().isPrimitive()) {
                double[] out = new double[Array.getLength(data)];
                for (int i = 0; i < out.length; i++) out[i] = ((Number) toNumber(Array.get(data, i))).doubleValue();
                return out;
            }
            throw error("node '" + node + "' (" + type + "): parameter '" + name + "' is not numeric");
        }

        private Object toNumber(Object o) {
            return o instanceof Boolean b ? (b ? 1 : 0) : o;
        }
    }
}
