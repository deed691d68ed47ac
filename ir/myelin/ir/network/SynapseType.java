package myelin.ir.network;

/** A current-based synapse with exponential decay: {@code di/dt = -i / tau}. */
public record SynapseType(String name, double tau) {}
