package myelin.backends.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A spike raster as PNG: time on the x axis, one horizontal band per population (its
 * height grows with its size), a dot per spike, population names and rates on the left.
 */
public final class RasterPlot {
    private static final int WIDTH = 1400;
    private static final int PLOT_HEIGHT = 720;
    private static final int LEFT = 170;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0x9467bd), new Color(0xff7f0e), new Color(0x17becf), new Color(0x8c564b), new Color(0xe377c2)};

    private final String title;
    private final List<String> names;
    private final int[] sizes;
    private final int steps;
    private final double timestep;

    public RasterPlot(String title, List<String> names, int[] sizes, int steps, double timestep) {
        this.title = title;
        this.names = List.copyOf(names);
        this.sizes = sizes.clone();
        this.steps = steps;
        this.timestep = timestep;
    }

    /** Draws spikes (step, band index, neuron); spikes of band -1 are skipped. */
    public void write(OutputStream out, int[] step, int[] band, int[] neuron) throws IOException {
        int height = TOP + PLOT_HEIGHT + BOTTOM;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        int plotWidth = WIDTH - LEFT - RIGHT;

        // Bands: a minimum height each, the rest shared by size.
        int[] top = new int[names.size() + 1];
        long total = 0;
        for (int s : sizes) total += s;
        int minimum = names.isEmpty() ? 0 : Math.min(24, PLOT_HEIGHT / names.size());
        int shared = PLOT_HEIGHT - minimum * names.size();
        top[0] = TOP;
        long cumulative = 0;
        for (int b = 0; b < names.size(); b++) {
            cumulative += sizes[b];
            top[b + 1] = TOP + minimum * (b + 1) + (int) (total == 0 ? 0 : shared * cumulative / total);
        }
        long[] counts = new long[names.size()];
        for (int i = 0; i < step.length; i++) {
            int b = band[i];
            if (b < 0) continue;
            counts[b]++;
            int x = LEFT + (int) ((long) step[i] * plotWidth / Math.max(1, steps));
            int bandHeight = top[b + 1] - top[b];
            int y = top[b + 1] - 1 - (int) ((long) neuron[i] * bandHeight / Math.max(1, sizes[b]));
            image.setRGB(Math.min(x, WIDTH - RIGHT - 1), Math.max(top[b], y), PALETTE[b % PALETTE.length].getRGB());
        }

        g.setColor(new Color(0x444444));
        g.setStroke(new BasicStroke(1));
        g.drawRect(LEFT, TOP, plotWidth, PLOT_HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        double seconds = steps * timestep;
        for (int b = 0; b < names.size(); b++) {
            if (b > 0) {
                g.setColor(new Color(0xbbbbbb));
                g.drawLine(LEFT, top[b], LEFT + plotWidth, top[b]);
            }
            g.setColor(PALETTE[b % PALETTE.length]);
            int middle = (top[b] + top[b + 1]) / 2;
            g.drawString(names.get(b), 10, middle);
            g.setColor(new Color(0x666666));
            double rate = counts[b] / (Math.max(1, sizes[b]) * seconds);
            g.drawString(String.format(Locale.ROOT, "%,d  %.1f Hz", sizes[b], rate), 10, middle + 15);
        }
        // Time axis in milliseconds, about ten ticks at a round spacing.
        double ms = seconds * 1e3;
        double spacing = Math.pow(10, Math.floor(Math.log10(ms / 10)));
        if (ms / spacing > 20) spacing *= 2.5;
        if (ms / spacing > 12) spacing *= 2;
        g.setColor(new Color(0x444444));
        for (double t = 0; t <= ms + 1e-9; t += spacing) {
            int x = LEFT + (int) Math.round(t / ms * plotWidth);
            g.drawLine(x, TOP + PLOT_HEIGHT, x, TOP + PLOT_HEIGHT + 5);
            String label = spacing < 1 ? String.format(Locale.ROOT, "%.1f", t) : String.format(Locale.ROOT, "%.0f", t);
            g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, TOP + PLOT_HEIGHT + 20);
        }
        g.drawString("time (ms)", LEFT + plotWidth / 2 - 30, TOP + PLOT_HEIGHT + 45);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        long all = 0;
        for (long c : counts) all += c;
        g.drawString(String.format(Locale.ROOT, "%s: %,d spikes in %.3g s", title, all, seconds), LEFT, 30);
        g.dispose();
        ImageIO.write(image, "png", out);
    }
}
