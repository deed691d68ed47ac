package myelin.passes;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import myelin.ir.integer.QuantizedNetwork;
import myelin.ir.network.Network;

/** What the passes work on: the network and the forms later passes add to it. */
public final class CompilationUnit {
    private Network network;
    private QuantizedNetwork quantized;
    private final Set<Property> established = EnumSet.noneOf(Property.class);

    public CompilationUnit(Network network) {
        this.network = network;
    }

    public Network network() {
        return network;
    }

    public void setNetwork(Network network) {
        this.network = network;
    }

    public Optional<QuantizedNetwork> quantized() {
        return Optional.ofNullable(quantized);
    }

    public void setQuantized(QuantizedNetwork quantized) {
        this.quantized = quantized;
    }

    public Set<Property> established() {
        return established;
    }
}
