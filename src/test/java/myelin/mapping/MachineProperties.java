package myelin.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import myelin.frontend.SnnFrontend;
import myelin.ir.diag.InputException;
import myelin.ir.integer.Profile;
import myelin.ir.machine.MachineNetwork;
import myelin.ir.machine.image.MachineImage;
import myelin.ir.network.Network;
import myelin.ir.target.TargetSpec;
import myelin.passes.CompilationUnit;
import myelin.passes.PassManager;
import myelin.passes.Pipeline;
import myelin.passes.Stages;
import myelin.simulator.IntegerEngine;
import myelin.simulator.MachineExecutor;
import myelin.simulator.SpikeTrain;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random networks on machines of few processors a chip, so that they spread over many chips
 * (on a mesh or a torus): the image is written, read back, and run by the machine executor,
 * whose spikes must be the integer engine's.
 */
class MachineProperties {
    record Case(MappingProperties.Case network, TargetSpec target) {
        @Override
        public String toString() {
            return "target: " + target.limits().coresPerChip() + " processors a chip, " + target.limits().neuronsPerCore() + " neurons a core, "
                    + target.limits().delaySlots() + " delay slots, torus " + target.limits().torus() + "\n" + network.snn();
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.randomValue(r -> {
            MappingProperties.Case c = MappingProperties.generate(r);
            var l = c.target().limits();
            TargetSpec machine = new TargetSpec("machine", "spinnaker1", Profile.DEFAULT, new TargetSpec.Limits(l.neuronsPerCore(), 0,
                    l.delaySlots(), 1 + r.nextInt(3), 0, 1023, l.synapseWordBits(), 0, false, r.nextBoolean()));
            return new Case(c, machine);
        });
    }

    static MachineNetwork machine(Network net, TargetSpec target) {
        return PassManager.plain().run(Pipeline.MACHINE.passes(target), CompilationUnit.of(net)).unit().require(Stages.ROUTED);
    }

    @Property(tries = 200)
    void theImageRunsAsTheIntegerEngine(@ForAll("cases") Case c) throws Exception {
        Network net;
        CompilationUnit unit;
        try {
            net = SnnFrontend.parse("<random>", c.network().snn());
            unit = PassManager.plain().run(Pipeline.MACHINE.passes(c.target()), CompilationUnit.of(net)).unit();
        } catch (InputException e) {
            Assume.that(false);
            return;
        }
        Path dir = Files.createTempDirectory("myelin-machine-");
        try {
            MachineImage.write(unit.require(Stages.ROUTED), dir.resolve("image"));
            SpikeTrain expected = Mapping.run(new IntegerEngine(unit.require(Stages.ENCODED), 1), 80);
            SpikeTrain actual = Mapping.run(new MachineExecutor(MachineImage.read(dir.resolve("image"))), 80);
            Mapping.assertSame(net, expected, actual, "machine executor");
        } finally {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }

    @Property(tries = 20)
    void theMeshIsLargeEnoughToMatter(@ForAll("cases") Case c) {
        // Not a check of results: that the generator does spread networks over several chips.
        Network net;
        MachineNetwork m;
        try {
            net = SnnFrontend.parse("<random>", c.network().snn());
            m = machine(net, c.target());
        } catch (InputException e) {
            Assume.that(false);
            return;
        }
        Assume.that(m.machineCores() > c.target().limits().coresPerChip());
        assertEquals(List.of(), myelin.ir.machine.MachinePrinter.verify(m, 1023));
    }
}
