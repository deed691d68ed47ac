package myelin.passes;

import java.util.List;
import java.util.Optional;
import myelin.ir.encoded.EncodedNetwork;
import myelin.ir.encoded.EncodedPrinter;
import myelin.ir.encoded.EncodedReader;
import myelin.ir.encoded.EncodedVerifier;
import myelin.ir.hardware.HardwareNetwork;
import myelin.ir.hardware.HardwarePrinter;
import myelin.ir.hardware.HardwareReader;
import myelin.ir.hardware.HardwareVerifier;
import myelin.ir.integer.QuantizedNetwork;
import myelin.ir.logic.GateNetlist;
import myelin.ir.logic.GateNetlistText;
import myelin.ir.machine.MachineNetwork;
import myelin.ir.machine.MachinePrinter;
import myelin.ir.integer.QuantizedPrinter;
import myelin.ir.integer.QuantizedReader;
import myelin.ir.integer.QuantizedVerifier;
import myelin.ir.network.Network;
import myelin.ir.network.NetworkVerifier;
import myelin.ir.synapses.ExpandedNetwork;
import myelin.ir.synapses.ExpandedPrinter;
import myelin.ir.text.IrPrinter;

/**
 * Every stage, in pipeline order: a pass that writes a stage invalidates the stages after
 * it. docs/architecture.md lists which pass reads and writes which.
 */
public final class Stages {
    /** The network IR in physical units; its text is canonical .snn, read by the frontend. */
    public static final Stage<Network> NETWORK = new Stage<>("network", Network.class, IrPrinter::print,
            n -> NetworkVerifier.verify(n).stream().map(Object::toString).toList(), null);

    /** Every parameter in the target profile's integers; synapses still as connectivity rules. */
    public static final Stage<QuantizedNetwork> QUANTIZED = new Stage<>("quantized", QuantizedNetwork.class, QuantizedPrinter::print,
            QuantizedVerifier::verify, QuantizedReader::read);

    /** Every projection expanded into synapse tables, weights and delays still physical. */
    public static final Stage<ExpandedNetwork> EXPANDED = new Stage<>("expanded", ExpandedNetwork.class, ExpandedPrinter::print,
            ExpandedPrinter::verify, null);

    /** The integer expanded IR: what hardware implements and the integer engine executes. */
    public static final Stage<EncodedNetwork> ENCODED = new Stage<>("encoded", EncodedNetwork.class, EncodedPrinter::print,
            EncodedVerifier::verify, EncodedReader::read);

    /** The hardware IR with cores: each population cut into slices that fit the target's cores. */
    public static final Stage<HardwareNetwork> PARTITIONED = hardware("partitioned");

    /** The hardware IR with each core's ring and the delay extensions for delays past it. */
    public static final Stage<HardwareNetwork> SCHEDULED = hardware("scheduled");

    /** The hardware IR with every core's incoming synapses packed into blocks. */
    public static final Stage<HardwareNetwork> PACKED = hardware("packed");

    /** The hardware IR on a machine: every core and delay extension on a chip's processor. */
    public static final Stage<MachineNetwork> PLACED = machine("placed");

    /** The placed machine with its routing keys and each chip's (compressed) routing table. */
    public static final Stage<MachineNetwork> ROUTED = machine("routed");

    /** Threshold gates as a netlist of threshold-logic cells (docs/threshold-logic.md). */
    public static final Stage<GateNetlist> GATES = new Stage<>("gates", GateNetlist.class, GateNetlistText::print,
            GateNetlistText::verify, GateNetlistText::read);

    private static final List<Stage<?>> ALL = List.of(NETWORK, QUANTIZED, EXPANDED, ENCODED, PARTITIONED, SCHEDULED, PACKED, PLACED,
            ROUTED, GATES);

    /** The machine stages print as a summary: the image (backends/spinnaker) holds every bit, and is what reads back. */
    private static Stage<MachineNetwork> machine(String name) {
        return new Stage<>(name, MachineNetwork.class, MachinePrinter::print, m -> MachinePrinter.verify(m, 0), null);
    }

    private static Stage<HardwareNetwork> hardware(String name) {
        return new Stage<>(name, HardwareNetwork.class, HardwarePrinter::print, HardwareVerifier::verify, HardwareReader::read);
    }

    private Stages() {}

    public static List<Stage<?>> all() {
        return ALL;
    }

    public static Optional<Stage<?>> named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Position in the pipeline order. */
    static int order(Stage<?> stage) {
        return ALL.indexOf(stage);
    }
}
