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
 * @param cells  the threshold-logic cell library that {@code --netlist threshold} maps gates onto
 * @param scaleBound what bounds each population's state scale besides its parameters (quantize)
 * @param calibration the states sample input reached, one more bound on the scales ({@link Calibration#NONE}: none)
 */
public record TargetSpec(String name, String base, Profile profile, Limits limits, myelin.ir.logic.CellLibrary cells, ScaleBound scaleBound,
                         Calibration calibration) {
    /** A target whose threshold-logic cells are the default library (TULIP-like). */
    public TargetSpec(String name, String base, Profile profile, Limits limits) {
        this(name, base, profile, limits, myelin.ir.logic.CellLibrary.TULIP);
    }

    /** A target whose scales are bounded by the largest weight. */
    public TargetSpec(String name, String base, Profile profile, Limits limits, myelin.ir.logic.CellLibrary cells) {
        this(name, base, profile, limits, cells, ScaleBound.LARGEST_WEIGHT);
    }

    /** A target without a calibration. */
    public TargetSpec(String name, String base, Profile profile, Limits limits, myelin.ir.logic.CellLibrary cells, ScaleBound scaleBound) {
        this(name, base, profile, limits, cells, scaleBound, Calibration.NONE);
    }

    /**
     * @param neuronsPerCore  neurons one core updates
     * @param coreMemoryBytes a core's local memory: neuron state and rings, and its synaptic blocks where
     *                        {@code synapsesInCoreMemory}
     * @param delaySlots      the longest delay a core's ring delivers (longer ones go through delay extensions)
     * @param coresPerChip    application cores per chip
     * @param chipMemoryBytes memory per chip shared by its cores (synaptic blocks where not in core memory)
     * @param routingEntries  routing-table entries per chip
     * @param synapseWordBits bits of one word of a sparse synaptic row
     * @param synapsesPerCore synapses one core may receive
     * @param synapsesInCoreMemory whether synaptic blocks share the core's local memory
     * @param torus           whether the chip mesh wraps around (SpiNNaker 1 boards)
     */
    public record Limits(long neuronsPerCore, long coreMemoryBytes, long delaySlots, long coresPerChip, long chipMemoryBytes,
                         long routingEntries, long synapseWordBits, long synapsesPerCore, boolean synapsesInCoreMemory, boolean torus) {
        public static final Limits NONE = new Limits(0, 0, 0, 0, 0, 0, 0, 0, false, false);

        /** Whether any hardware limit is set: a plain simulation target has none. */
        public boolean any() {
            return !equals(NONE);
        }
    }

    /** Myelin's own integer model, simulated: no hardware limits. */
    public static final TargetSpec SIMULATION = new TargetSpec("simulation", "simulation", Profile.DEFAULT, Limits.NONE);

    /** Loihi's CUBA LIF arithmetic (Lava's bit-accurate model), simulated: no hardware limits yet. */
    public static final TargetSpec LOIHI = new TargetSpec("loihi", "loihi", Profile.LOIHI, Limits.NONE);

    /**
     * SpiNNaker 1 (docs/targets.md gives the source of each value): 256 neurons and 64 KiB of
     * DTCM per core, 16 delay slots, 16 application cores and 128 MiB of SDRAM per chip for
     * synaptic rows, 1,023 routing entries, 32-bit synapse words.
     */
    public static final TargetSpec SPINNAKER1 = new TargetSpec("spinnaker1", "spinnaker1", Profile.DEFAULT,
            new Limits(256, 64 << 10, 16, 16, 128L << 20, 1023, 32, 0, false, true));

    /** SpiNNaker 2: 152 cores per chip, 128 KiB per core for neurons and synapses, 16-bit synapse words, 16,384 routing entries. */
    public static final TargetSpec SPINNAKER2 = new TargetSpec("spinnaker2", "spinnaker2", Profile.DEFAULT,
            new Limits(256, 128 << 10, 16, 152, 0, 16384, 16, 0, true, false));

    /** Time-multiplexed FPGA cores like tinyODIN's: 256 neurons and 64k synapses per core. */
    public static final TargetSpec FPGA = new TargetSpec("fpga", "fpga", Profile.DEFAULT,
            new Limits(256, 0, 16, 0, 0, 0, 32, 65536, true, false));

    public static List<TargetSpec> builtIn() {
        return List.of(SIMULATION, LOIHI, SPINNAKER1, SPINNAKER2, FPGA);
    }

    public static Optional<TargetSpec> builtIn(String name) {
        return builtIn().stream().filter(t -> t.name.equals(name)).findFirst();
    }

    /** Whether the target is a mesh of chips that route packets (SpiNNaker-style): compile then places, routes and emits an image. */
    public boolean hasChipMesh() {
        return limits.coresPerChip() > 0 && limits.routingEntries() > 0;
    }

    /**
     * Whether the target's hardware is Myelin's Verilog (docs/verilog.md): {@code compile} emits
     * RTL for it and {@code verify} simulates that RTL.
     */
    public boolean emitsVerilog() {
        return base.equals("fpga");
    }

    /**
     * Whether the target's cores compute a convolution's targets from one shared kernel
     * (software cores do; the Verilog cores read every synapse from memory).
     */
    public boolean sharesKernels() {
        return !emitsVerilog();
    }

    /** The same target with another scale bound (the CLI's --scale-bound). */
    public TargetSpec withScaleBound(ScaleBound other) {
        return new TargetSpec(name, base, profile, limits, cells, other, calibration);
    }

    /** The same target with the states sample input reached (the CLI's --calibrate). */
    public TargetSpec withCalibration(Calibration other) {
        return new TargetSpec(name, base, profile, limits, cells, scaleBound, other);
    }

    /** The same target with another profile (the CLI's --profile). */
    public TargetSpec withProfile(Profile other) {
        return other == profile ? this : new TargetSpec(name, base, other, limits, cells, scaleBound, calibration);
    }

    /** The same target with another threshold-logic cell library (the CLI's --cells). */
    public TargetSpec withCells(myelin.ir.logic.CellLibrary other) {
        return new TargetSpec(name, base, profile, limits, other, scaleBound, calibration);
    }
}
