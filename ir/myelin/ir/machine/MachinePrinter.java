package myelin.ir.machine;

import java.util.ArrayList;
import java.util.List;

/** A machine stage as a summary: the mesh, where each core sits, each chip's table size (the image holds the rest). */
public final class MachinePrinter {
    private MachinePrinter() {}

    public static String print(MachineNetwork m) {
        StringBuilder out = new StringBuilder("machine ").append(m.hardware().name()).append(" target=").append(m.hardware().target())
                .append(" mesh=").append(m.mesh().width()).append('x').append(m.mesh().height()).append(m.mesh().torus() ? " torus" : "")
                .append(" processors=").append(m.processorsPerChip()).append(" index_bits=").append(m.keys().indexBits())
                .append(" sources=").append(m.keys().sources()).append(" {\n");
        for (int c = 0; c < m.machineCores(); c++) {
            String what = c < m.hardware().cores().size() ? "core " + c
                    : "delay_extension " + (c - m.hardware().cores().size()) + " of core " + m.extension(c - m.hardware().cores().size()).source();
            out.append("  ").append(what).append(" at chip (").append(m.mesh().x(m.chip()[c])).append(", ").append(m.mesh().y(m.chip()[c]))
                    .append(") processor ").append(m.processor()[c]).append('\n');
        }
        for (int chip = 0; chip < m.tables().size(); chip++) {
            if (m.tables().get(chip).isEmpty() && m.uncompressedEntries()[chip] == 0) continue;
            out.append("  table (").append(m.mesh().x(chip)).append(", ").append(m.mesh().y(chip)).append(") entries=")
                    .append(m.tables().get(chip).size()).append(" uncompressed=").append(m.uncompressedEntries()[chip]).append('\n');
        }
        return out.append("}\n").toString();
    }

    /** Every core on a chip of the mesh, each processor used once, each table within the limit. */
    public static List<String> verify(MachineNetwork m, long entryLimit) {
        List<String> problems = new ArrayList<>();
        java.util.Set<Long> used = new java.util.HashSet<>();
        for (int c = 0; c < m.machineCores(); c++) {
            if (m.chip()[c] < 0 || m.chip()[c] >= m.mesh().chips()) problems.add("machine core " + c + " is off the mesh");
            if (m.processor()[c] < 0 || m.processor()[c] >= m.processorsPerChip()) problems.add("machine core " + c + " has no processor");
            if (!used.add((long) m.chip()[c] * 1_000_000 + m.processor()[c])) problems.add("machine core " + c + " shares its processor");
        }
        for (int chip = 0; chip < m.tables().size() && entryLimit > 0; chip++) {
            if (m.tables().get(chip).size() > entryLimit) problems.add("chip " + chip + " has " + m.tables().get(chip).size() + " entries");
        }
        return problems;
    }
}
