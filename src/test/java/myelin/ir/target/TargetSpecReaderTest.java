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
    void everyBadSettingIsNamed() {
        var read = TargetSpecReader.read(new Target("board", List.of(number("neurons_per_cor", 256), number("delay_slots", 1.5),
                new Target.NameSetting("profile", "truenorth"), new Target.NameSetting("base", "spinnaker9"),
                new Target.QuantitySetting("routing_entries", 1e-3, Dimension.TIME))));
        assertEquals(List.of(
                "target board: unknown setting 'neurons_per_cor'; did you mean 'neurons_per_core'? (settings: base, profile, "
                        + "neurons_per_core, core_memory_bytes, delay_slots, cores_per_chip, chip_memory_bytes, routing_entries, synapse_word_bits, synapses_per_core, "
                        + "synapse_memory, torus)",
                "target board: 'delay_slots' must be a positive whole number",
                "target board: 'profile' names a profile (default, loihi)",
                "target board: 'base' names a built-in target (simulation, loihi, spinnaker1, spinnaker2, fpga)",
                "target board: 'routing_entries' must be a positive whole number"), read.problems());
    }
}
