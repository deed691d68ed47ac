package myelin.backends.reports;

import java.util.Locale;
import myelin.ir.machine.MachineNetwork;
import myelin.ir.machine.Mesh;

/**
 * The placement as SVG: one square per chip of the mesh, its fill the share of its
 * processors in use, its label the cores placed and the routing-table fill (entries after
 * compression against the limit, and before).
 */
public final class PlacementPicture {
    private static final int CELL = 96;
    private static final int MARGIN = 40;

    private PlacementPicture() {}

    public static String svg(MachineNetwork m, long entryLimit) {
        Mesh mesh = m.mesh();
        int[] used = new int[mesh.chips()];
        for (int c = 0; c < m.machineCores(); c++) used[m.chip()[c]]++;
        int width = mesh.width() * CELL + 2 * MARGIN;
        int height = mesh.height() * CELL + 2 * MARGIN + 30;
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\">%n",
                width, height));
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"16\">%s on %s: %d cores on a %dx%d mesh%s</text>%n", MARGIN,
                escape(m.hardware().name()), escape(m.hardware().target()), m.machineCores(), mesh.width(), mesh.height(),
                mesh.torus() ? " (torus)" : ""));
        for (int chip = 0; chip < mesh.chips(); chip++) {
            int x = MARGIN + mesh.x(chip) * CELL;
            int y = MARGIN + 10 + (mesh.height() - 1 - mesh.y(chip)) * CELL; // y grows upwards, as chip coordinates do
            double load = (double) used[chip] / m.processorsPerChip();
            int entries = m.tables().isEmpty() ? 0 : m.tables().get(chip).size();
            double fill = entryLimit > 0 ? Math.min(1, (double) entries / entryLimit) : 0;
            out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#444\"/>%n", x + 2, y + 2,
                    CELL - 4, CELL - 4, color(load)));
            out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"8\" fill=\"%s\"/>%n", x + 6,
                    y + CELL - 16, (int) ((CELL - 12) * fill), fill > 0.9 ? "#c0392b" : "#2c3e50"));
            out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">(%d, %d)</text>%n", x + 8, y + 18, mesh.x(chip), mesh.y(chip)));
            out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%d/%d cores</text>%n", x + 8, y + 36, used[chip],
                    m.processorsPerChip()));
            out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%d entries</text>%n", x + 8, y + 54, entries));
            out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\">(%d before)</text>%n", x + 8, y + 70,
                    m.uncompressedEntries()[chip]));
        }
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\">fill: share of a chip's processors in use; bar: routing "
                + "entries against the limit of %d</text>%n", MARGIN, height - 10, entryLimit));
        return out.append("</svg>\n").toString();
    }

    /** White (idle) to blue (every processor in use). */
    private static String color(double load) {
        int r = (int) Math.round(255 - load * (255 - 52));
        int g = (int) Math.round(255 - load * (255 - 152));
        int b = (int) Math.round(255 - load * (255 - 219));
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
