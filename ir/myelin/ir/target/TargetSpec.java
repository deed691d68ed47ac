package myelin.ir.target;

import java.util.List;
import java.util.Optional;
import myelin.ir.integer.Profile;

/**
 * What a compilation is for: the integer profile the target runs and the hardware limits
 * the mapping passes must respect. Built-in targets ship with Myelin; a network's
 * {@code target} block or a target file ({@link TargetSpecReader}) defines others.
 *
 * @param name   the target's name
 * @param base   the built-in target it extends (itself for a built-in)
 * @param profile the integer arithmetic (docs/semantics.md)
 * @param limits per-core and per-chip limits; zero means none
 */
public record TargetSpec(String name, String base, Profile profile, Limits limits) {
    /**
     * @param neuronsPerCore  neurons one core updates
     * @param coreMemoryBytes a core's local memory (neuron state, rings)
     * @param delaySlots      slots of a core's delay ring
     * @param coresPerChip    application cores per chip
     * @param chipMemoryBytes memory per chip shared by its cores (synaptic rows)
     * @param routingEntries  routing-table entries per chip
     * @param synapseWordBits bits of one synapse word
     */
    public record Limits(long neuronsPerCore, long coreMemoryBytes, long delaySlots, long coresPerChip, long chipMemoryBytes,
                         long routingEntries, long synapseWordBits) {
        public static final Limits NONE = new Limits(0, 0, 0, 0, 0, 0, 0);

        /** Whether any hardware limit is set: a plain simulation target has none. */
        public boolean any() {
            return !equals(NONE);
        }
    }

    /** Myelin's own integer model, simulated: no hardware limits. */
    public static final TargetSpec SIMULATION = new TargetSpec("simulation", "simulation", Profile.DEFAULT, Limits.NONE);

    /** Loihi's CUBA LIF arithmetic (Lava's bit-accurate model), simulated: no hardware limits yet. */
    public static final TargetSpec LOIHI = new TargetSpec("loihi", "loihi", Profile.LOIHI, Limits.NONE);

    public static List<TargetSpec> builtIn() {
        return List.of(SIMULATION, LOIHI);
    }

    public static Optional<TargetSpec> builtIn(String name) {
        return builtIn().stream().filter(t -> t.name.equals(name)).findFirst();
    }

    /** The same target with another profile (the CLI's --profile). */
    public TargetSpec withProfile(Profile other) {
        return other == profile ? this : new TargetSpec(name, base, other, limits);
    }
}
