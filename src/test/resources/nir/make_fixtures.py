"""Writes the small NIR files the tests read (run with /usr/bin/python3, needs python3-h5py).

Each file is a hand-made graph in the layout NIR writers use: a root group 'node' of type
NIRGraph with 'nodes/<name>' groups and an E x 2 'edges' array of names. They are committed;
this script documents how they were made and remakes them.
"""
import h5py
import numpy as np

STR = h5py.string_dtype()


def write(path, nodes, edges, version="1.0.0"):
    with h5py.File(path, "w") as f:
        f.create_dataset("version", data=version, dtype=STR)
        graph(f.create_group("node"), nodes, edges)


def graph(g, nodes, edges):
    g.create_dataset("type", data="NIRGraph", dtype=STR)
    g.create_dataset("edges", data=np.array(edges, dtype=object), dtype=STR)
    group = g.create_group("nodes")
    for name, node in nodes.items():
        n = group.create_group(name)
        if node["type"] == "NIRGraph":
            graph(n, node["nodes"], node["edges"])
            continue
        for key, value in node.items():
            if key == "type":
                n.create_dataset(key, data=value, dtype=STR)
            else:
                n.create_dataset(key, data=np.asarray(value))


def lif(n, tau=0.01, **over):
    p = dict(type="LIF", tau=np.full(n, tau), r=np.ones(n), v_leak=np.zeros(n),
             v_threshold=np.ones(n), v_reset=np.zeros(n))
    p.update(over)
    return p


def inp(n):
    return dict(type="Input", shape=np.array([n]))


def out(n):
    return dict(type="Output", shape=np.array([n]))


chain = [["input", "w"], ["w", "lif"], ["lif", "output"]]
write("transposed.nir", dict(input=inp(12), w=dict(type="Linear", weight=np.ones((12, 40))), lif=lif(40), output=out(40)), chain)
write("shape_mismatch.nir", dict(input=inp(3), w=dict(type="Affine", weight=np.ones((4, 5)), bias=np.zeros(4)),
                                 lif=lif(4), output=out(4)), chain)
write("negative_tau.nir", dict(input=inp(2), w=dict(type="Linear", weight=np.ones((2, 2))), lif=lif(2, tau=-0.01),
                               output=out(2)), chain)
missing = lif(2)
del missing["v_threshold"]
write("missing_parameter.nir", dict(input=inp(2), w=dict(type="Linear", weight=np.ones((2, 2))), lif=missing,
                                    output=out(2)), chain)
write("unknown_type.nir", dict(input=inp(2), w=dict(type="Banana", weight=np.ones((2, 2))), lif=lif(2), output=out(2)), chain)
# One value per layer, stored 0-d: the layer takes its shape (4) from the Affine before it.
write("scalar_parameters.nir", dict(input=inp(3), w=dict(type="Affine", weight=np.full((4, 3), 0.5), bias=np.full(4, 0.25)),
                                    lif=dict(type="LIF", tau=np.array(0.01), r=np.array(1.0), v_leak=np.array(0.0),
                                             v_threshold=np.array(1.0), v_reset=np.array(0.0)),
                                    output=out(4)), chain, version="0.2.0")
# A nested graph entered and left by its own name.
write("nested.nir", dict(input=inp(2),
                         g=dict(type="NIRGraph", nodes=dict(input=inp(2), lin=dict(type="Linear", weight=np.eye(2) * 3),
                                                            lif=lif(2), output=out(2)),
                                edges=[["input", "lin"], ["lin", "lif"], ["lif", "output"]]),
                         output=out(2)),
      [["input", "g"], ["g", "output"]])
# Pooling, Flatten, Scale, CubaLIF and a CubaLI readout.
write("avgpool_scale.nir", dict(
    input=dict(type="Input", shape=np.array([1, 4, 4])),
    pool=dict(type="AvgPool2d", kernel_size=np.array([2, 2]), stride=np.array([2, 2]), padding=np.array([0, 0])),
    flat=dict(type="Flatten", start_dim=np.array(0), end_dim=np.array(-1), input_type=np.array([1, 2, 2])),
    fc=dict(type="Affine", weight=np.arange(12.0).reshape(3, 4) / 10, bias=np.array([0.1, 0.0, -0.1])),
    scale=dict(type="Scale", scale=np.array([1.0, 2.0, 3.0])),
    cuba=dict(type="CubaLIF", tau_syn=np.full(3, 0.002), tau_mem=np.full(3, 0.01), r=np.ones(3), v_leak=np.zeros(3),
              v_threshold=np.ones(3), v_reset=np.zeros(3), w_in=np.full(3, 2.0)),
    lin=dict(type="Linear", weight=np.eye(3)),
    readout=dict(type="CubaLI", tau_syn=np.full(3, 0.002), tau_mem=np.full(3, 0.02), r=np.ones(3), v_leak=np.zeros(3),
                 w_in=np.ones(3)),
    output=out(3)),
    [["input", "pool"], ["pool", "flat"], ["flat", "fc"], ["fc", "scale"], ["scale", "cuba"], ["cuba", "lin"],
     ["lin", "readout"], ["readout", "output"]])
write("threshold.nir", dict(input=inp(2), w=dict(type="Linear", weight=np.array([[1.0, 1.0], [2.0, -1.0]])),
                            gate=dict(type="Threshold", threshold=np.array([2.0, 2.0])), output=out(2)),
      [["input", "w"], ["w", "gate"], ["gate", "output"]])
write("integrator.nir", dict(input=inp(2), w=dict(type="Linear", weight=np.eye(2)), acc=dict(type="I", r=np.ones(2)),
                             output=out(2)),
      [["input", "w"], ["w", "acc"], ["acc", "output"]])
# A pooling whose window does not tile the input (5 rows, window 2): it cannot fold into the convolution.
write("pool_odd.nir", dict(
    input=dict(type="Input", shape=np.array([1, 5, 5])),
    pool=dict(type="SumPool2d", kernel_size=np.array([2, 2]), stride=np.array([2, 2]), padding=np.array([0, 0])),
    conv=dict(type="Conv2d", weight=np.full((1, 1, 1, 1), 2.0), bias=np.zeros(1), stride=np.array([1, 1]),
              padding=np.array([0, 0]), dilation=np.array([1, 1]), groups=np.array(1), input_shape=np.array([2, 2])),
    cells=dict(type="IF", r=np.ones((1, 2, 2)), v_threshold=np.ones((1, 2, 2)), v_reset=np.zeros((1, 2, 2))),
    output=dict(type="Output", shape=np.array([1, 2, 2]))),
    [["input", "pool"], ["pool", "conv"], ["conv", "cells"], ["cells", "output"]])
# An older writer's own flattening: the subgraph's nodes under dotted names, and edges that
# still name the subgraph itself (fc -> lif1, lif1 -> output).
write("flat_dotted.nir", {"input": inp(2), "fc": dict(type="Linear", weight=np.eye(2) * 2), "lif1.input": inp(2), "lif1.lif": lif(2),
                          "lif1.output": out(2), "output": out(2)},
      [["input", "fc"], ["fc", "lif1"], ["lif1.input", "lif1.lif"], ["lif1.lif", "lif1.output"], ["lif1", "output"]])
# A subgraph whose Input declares [6] where the outer Input sends [2, 3].
write("subgraph_shape.nir", dict(input=dict(type="Input", shape=np.array([2, 3])),
                                 g=dict(type="NIRGraph", nodes=dict(input=inp(6), lin=dict(type="Linear", weight=np.ones((2, 6))),
                                                                    lif=lif(2), output=out(2)),
                                        edges=[["input", "lin"], ["lin", "lif"], ["lif", "output"]]),
                                 output=out(2)),
      [["input", "g"], ["g", "output"]])
# A trained binary layer: row n is scale[n] times small integers, with a real bias, into a
# Threshold; float32 as exporters store it. Myelin folds each row's scale into an integer bias.
signs = np.array([[1, -1, 1, 1, -1, 1, -1, 1], [-1, 1, 1, -1, 1, 1, 1, -1], [1, 1, -1, -1, 1, -1, 1, 1],
                  [1, -1, -1, 1, 1, 1, -1, 1], [1, 2, -3, 1, 0, 2, -1, 1]], dtype=np.float32)
scale = np.array([0.37, 0.5, 1.25, 0.25, 0.2], dtype=np.float32)
# The same with real thresholds that differ per neuron: they fold into the bias too.
for name, threshold in (("binary_affine.nir", [1.0] * 5), ("binary_affine_real_threshold.nir", [0.75, 1.25, 0.5, 0.75, 0.95])):
    write(name, dict(input=inp(8), w=dict(type="Affine", weight=signs * scale[:, None],
                                          bias=np.array([0.2, -0.3, 0.0, 0.5, 0.1], dtype=np.float32)),
                     gate=dict(type="Threshold", threshold=np.array(threshold, dtype=np.float32)), output=out(5)),
          [["input", "w"], ["w", "gate"], ["gate", "output"]])
# Weights into a gate that no one scale makes integers.
write("gate_no_scale.nir", dict(input=inp(2), w=dict(type="Linear", weight=np.array([[1.0, 3.14159]], dtype=np.float32)),
                                gate=dict(type="Threshold", threshold=np.ones(1)), output=out(1)),
      [["input", "w"], ["w", "gate"], ["gate", "output"]])
# A gate fed twice: real weights through an Affine and the input straight (one-to-one, weight 1).
write("gate_mixed.nir", dict(input=inp(3), w=dict(type="Affine", weight=np.array([[0.5, -0.5, 0.0], [0.0, 0.25, 0.25], [0.5, 0.5, 0.5]], dtype=np.float32),
                                                  bias=np.array([0.0, 0.25, 0.0], dtype=np.float32)),
                             gate=dict(type="Threshold", threshold=np.ones(3, dtype=np.float32)), output=out(3)),
      [["input", "w"], ["w", "gate"], ["input", "gate"], ["gate", "output"]])
