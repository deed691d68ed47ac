package myelin.backends.spinnaker;

import java.util.Locale;
import myelin.ir.machine.MachineNetwork;
import myelin.ir.machine.RouteWalk;
import myelin.passes.route.Route;
import myelin.ir.machine.image.Manifest;

/** What placing and routing made of a network: chips and cores, routing tables before and after compression, the image. */
public record MachineReport(int chipsUsed, int chips, int cores, int largestBefore, int largestAfter, double meanAfter,
                            long entries, long imageBytes, double meanLinks, int maxLinks) {
    public static MachineReport of(MachineNetwork m, Manifest manifest) {
        int[] used = new int[m.mesh().chips()];
        for (int c = 0; c < m.machineCores(); c++) used[m.chip()[c]]++;
        int chipsUsed = 0;
        for (int u : used) if (u > 0) chipsUsed++;
        int before = 0;
        int after = 0;
        long entries = 0;
        for (int chip = 0; chip < m.mesh().chips(); chip++) {
            before = Math.max(before, m.uncompressedEntries()[chip]);
            after = Math.max(after, m.tables().get(chip).size());
            entries += m.tables().get(chip).size();
        }
        long bytes = manifest == null ? 0 : manifest.cores().stream().mapToLong(Manifest.CoreFile::bytes).sum()
                + manifest.chips().stream().mapToLong(Manifest.ChipFile::bytes).sum();
        // Each sending source's packet walked through the tables: the links one packet crosses.
        RouteWalk walk = new RouteWalk(m);
        var receivers = Route.receivers(m);
        long links = 0;
        int senders = 0;
        int maxLinks = 0;
        for (int source = 0; source < receivers.size(); source++) {
            if (receivers.get(source).isEmpty()) continue;
            int l = walk.walk(source).links();
            links += l;
            maxLinks = Math.max(maxLinks, l);
            senders++;
        }
        return new MachineReport(chipsUsed, m.mesh().chips(), m.machineCores(), before, after, (double) entries / m.mesh().chips(), entries, bytes,
                senders == 0 ? 0 : (double) links / senders, maxLinks);
    }

    public String text(long limit) {
        return String.format(Locale.ROOT, "  machine              %d of %d chips, %d cores (delay extensions included)%n"
                        + "  routing tables       largest %d entries before compression, %d after (limit %d); %.1f a chip on average%n"
                        + "  multicast trees      %.1f links a packet on average over the sending sources, %d at most "
                        + "(verify reports packets and hops per step)%n"
                        + "  image                %d bytes%n",
                chipsUsed, chips, cores, largestBefore, largestAfter, limit, meanAfter, meanLinks, maxLinks, imageBytes);
    }

    /** JSON fields to add to the mapping report. */
    public String jsonFields() {
        return String.format(Locale.ROOT, "\"chips_used\": %d, \"chips\": %d, \"machine_cores\": %d, \"routing_entries_largest_before\": %d, "
                + "\"routing_entries_largest_after\": %d, \"routing_entries\": %d, \"links_per_packet_mean\": %.3f, \"links_per_packet_max\": %d, "
                + "\"image_bytes\": %d", chipsUsed, chips, cores, largestBefore, largestAfter, entries, meanLinks, maxLinks, imageBytes);
    }
}
