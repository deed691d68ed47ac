package myelin.ir.network;

/**
 * Synapses from one population to another. {@code synapse} names a synapse type of the
 * post model, or is empty when weights act on the membrane directly.
 */
public record Projection(String name, String pre, String post, Connector connector,
                         Distribution weight, Distribution delay, String synapse) {}
