package myelin.passes.route;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import myelin.frontend.SnnFrontend;
import myelin.ir.integer.Profile;
import myelin.ir.machine.MachineNetwork;
import myelin.ir.machine.Mesh;
import myelin.ir.machine.RouteSet;
import myelin.ir.machine.RoutingEntry;
import myelin.ir.target.TargetSpec;
import myelin.passes.CompilationUnit;
import myelin.passes.PassManager;
import myelin.passes.Pipeline;
import myelin.passes.Stages;
import org.junit.jupiter.api.Test;

class RouteTest {
    /** One neuron a core, one core a chip, on a 3x2 mesh that does not wrap. */
    private static final TargetSpec LINE = new TargetSpec("line", "spinnaker1", Profile.DEFAULT,
            new TargetSpec.Limits(1, 0, 16, 1, 0, 1023, 32, 0, false, false));

    private static MachineNetwork route(String projections) {
        var net = SnnFrontend.parse("<test>", """
                network line {
                  timestep = 1 ms;
                  population a : spike_array [1] { spikes = [0 @ 1 ms]; }
                  population b : if [1] { v_threshold = 1 mV; }
                  population c : if [1] { v_threshold = 1 mV; }
                  population d : if [1] { v_threshold = 1 mV; }
                  population e : if [1] { v_threshold = 1 mV; }
                  %s
                }
                """.formatted(projections));
        return PassManager.plain().run(Pipeline.MACHINE.passes(LINE), CompilationUnit.of(net)).unit().require(Stages.ROUTED);
    }

    @Test
    void aChipThatPassesAPacketStraightOnNeedsNoEntry() {
        MachineNetwork m = route("projection a -> c : all_to_all { weight = 2 mV; }");
        assertEquals(new Mesh(3, 2, false), m.mesh());
        // a on (0, 0), c on (2, 0): east twice; (1, 0) routes by default.
        RouteSet east = RouteSet.none(1).withLink(0);
        assertEquals(List.of(new RoutingEntry(0, m.tables().get(0).get(0).mask(), east)), m.tables().get(m.mesh().chip(0, 0)));
        assertEquals(List.of(), m.tables().get(m.mesh().chip(1, 0)));
        assertEquals(0, m.uncompressedEntries()[m.mesh().chip(1, 0)]);
        assertEquals(RouteSet.none(1).withProcessor(0), m.tables().get(m.mesh().chip(2, 0)).get(0).route());
    }

    @Test
    void aTreeSharesTheLinksToSeveralTargets() {
        MachineNetwork m = route("projection a -> c : all_to_all { weight = 2 mV; } projection a -> b : all_to_all { weight = 2 mV; }");
        // b on (1, 0) takes the packet and passes it on east to c: one entry there, both ways at once.
        assertEquals(RouteSet.none(1).withLink(0).withProcessor(0), m.tables().get(m.mesh().chip(1, 0)).get(0).route());
        assertEquals(1, m.tables().get(m.mesh().chip(0, 0)).size());
    }
}
