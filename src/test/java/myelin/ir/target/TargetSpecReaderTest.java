package myelin.ir.target;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import myelin.ir.integer.Profile;
import myelin.ir.network.Target;
import myelin.ir.units.Dimension;
import org.junit.jupiter.api.Test;

class TargetSpecReaderTest {
    private static Target.Setting number(String name, double value) {
        return new Target.QuantitySetting(name, value, Dimension.NONE);
    }

    @Test
    void aBlockExtendsABuiltInTarget() {
        var read = TargetSpecReader.read(new Target("board", List.of(new Target.NameSetting("base", "loihi"),
                number("neurons_per_core", 256), number("delay_slots", 16))));
        assertEquals(List.of(), read.problems());
        assertEquals(new TargetSpec("board", "loihi", Profile.LOIHI, new TargetSpec.Limits(256, 0, 16, 0, 0, 0, 0, 0, false, false)), read.spec());
        var plain = TargetSpecReader.read(new Target("sim", List.of(new Target.NameSetting("profile", "loihi"))));
        assertEquals(new TargetSpec("sim", "simulation", Profile.LOIHI, TargetSpec.Limits.NONE), plain.spec());
    }

    @Test
    void aBlockDefinesItsCellLibrary() {
        var ftl = TargetSpecReader.read(new Target("b", List.of(new Target.NameSetting("base", "fpga"), new Target.NameSetting("cells", "ftl"))));
        assertEquals(myelin.ir.logic.CellLibrary.FTL, ftl.spec().cells());
        var own = TargetSpecReader.read(new Target("mine", List.of(new Target.NameSetting("base", "fpga"), number("cell_fan_in", 6),
                number("cell_weight_bits", 5), number("cell_threshold_bits", 8), number("cell_area", 1.5))));
        assertEquals(List.of(), own.problems());
        assertEquals(new myelin.ir.logic.CellLibrary("mine", 6, -16, 15, -128, 127, 1.5, 1.0), own.spec().cells());
        var bad = TargetSpecReader.read(new Target("b", List.of(new Target.NameSetting("cells", "cmos"), number("cell_fan_in", 2.5))));
        assertEquals(List.of("target b: 'cells' names a cell library (tulip, ftl)", "target b: 'cell_fan_in' must be a whole number from 1 to 30"),
                bad.problems());
    }

    @Test
    void everyBadSettingIsNamed() {
        var read = TargetSpecReader.read(new Target("board", List.of(number("neurons_per_cor", 256), number("delay_slots", 1.5),
                new Target.NameSetting("profile", "truenorth"), new Target.NameSetting("base", "spinnaker9"),
                new Target.QuantitySetting("routing_entries", 1e-3, Dimension.TIME), new Target.NameSetting("scale_bound", "mean"))));
        assertEquals(List.of(
                "target board: unknown setting 'neurons_per_cor'; did you mean 'neurons_per_core'? (settings: base, profile, scale_bound, "
                        + "neurons_per_core, core_memory_bytes, delay_slots, cores_per_chip, chip_memory_bytes, routing_entries, synapse_word_bits, synapses_per_core, "
                        + "synapse_memory, torus, cells, cell_fan_in, cell_weight_bits, cell_threshold_bits, cell_area, cell_delay)",
                "target board: 'delay_slots' must be a positive whole number",
                "target board: 'profile' names a profile (default, loihi)",
                "target board: 'base' names a built-in target (simulation, loihi, spinnaker1, spinnaker2, fpga)",
                "target board: 'routing_entries' must be a positive whole number",
                "target board: 'scale_bound' is largest_weight or summed_input"), read.problems());
    }
}
