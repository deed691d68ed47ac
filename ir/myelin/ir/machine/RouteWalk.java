package myelin.ir.machine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows a packet through the chips' routing tables as the routers do: at each chip the
 * first entry that matches its key gives the links and processors it goes to; a packet
 * that matches nothing goes straight on when it came over a link. A packet from a local
 * core that matches nothing, one sent off the mesh or to an empty processor, and one that
 * loops are dropped: {@link Dropped}.
 */
public final class RouteWalk {
    /** Where a packet went: the machine cores it reached and the links it crossed. */
    public record Result(int[] cores, int links) {}

    /** A packet the machine would drop. */
    public static final class Dropped extends RuntimeException {
        Dropped(String message) {
            super(message, null, false, false);
        }
    }

    private final MachineNetwork m;
    private final int[][] coreAt;

    public RouteWalk(MachineNetwork m) {
        this.m = m;
        coreAt = new int[m.mesh().chips()][m.processorsPerChip()];
        for (int[] chip : coreAt) java.util.Arrays.fill(chip, -1);
        for (int c = 0; c < m.machineCores(); c++) coreAt[m.chip()[c]][m.processor()[c]] = c;
    }

    /** The packet of a source (its neuron 0's key: a source's neurons all route alike), from the core that sends it. */
    public Result walk(int source) {
        int key = m.keys().key(source, 0);
        int sender = m.sender(source);
        Mesh mesh = m.mesh();
        List<Integer> reached = new ArrayList<>();
        int links = 0;
        int limit = Mesh.LINKS * mesh.chips() * 4;
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        queue.add(new int[] {m.chip()[sender], -1});
        while (!queue.isEmpty()) {
            int[] at = queue.poll();
            int chip = at[0];
            RouteSet route = RoutingTables.lookup(m.tables().get(chip), key);
            if (route == null) {
                if (at[1] < 0) throw dropped(key, chip, "no entry matches a packet from a local core");
                route = RouteSet.none(m.processorsPerChip()).withLink(Mesh.opposite(at[1]));
            }
            for (int l = 0; l < Mesh.LINKS; l++) {
                if (!route.hasLink(l)) continue;
                int next = mesh.neighbour(chip, l);
                if (next < 0) throw dropped(key, chip, "it is sent off the mesh on link " + Mesh.linkName(l));
                if (++links > limit) throw dropped(key, chip, "it loops");
                queue.add(new int[] {next, Mesh.opposite(l)});
            }
            for (int p = 0; p < m.processorsPerChip(); p++) {
                if (!route.hasProcessor(p)) continue;
                if (coreAt[chip][p] < 0) throw dropped(key, chip, "it is routed to processor " + p + ", which runs nothing");
                reached.add(coreAt[chip][p]);
            }
        }
        return new Result(reached.stream().mapToInt(Integer::intValue).toArray(), links);
    }

    private Dropped dropped(int key, int chip, String why) {
        return new Dropped("packet of source " + (key >>> m.keys().indexBits()) + " dropped at chip (" + m.mesh().x(chip) + ", "
                + m.mesh().y(chip) + "): " + why);
    }
}
