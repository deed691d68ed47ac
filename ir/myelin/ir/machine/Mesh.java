package myelin.ir.machine;

/**
 * A SpiNNaker-style mesh of chips: {@code width x height}, each chip linked to six
 * neighbours (east, north-east, north, west, south-west, south), wrapping around on a
 * torus. Chips are numbered {@code y * width + x}.
 */
public record Mesh(int width, int height, boolean torus) {
    public static final int LINKS = 6;
    private static final int[] DX = {1, 1, 0, -1, -1, 0};
    private static final int[] DY = {0, 1, 1, 0, -1, -1};
    private static final String[] NAMES = {"E", "NE", "N", "W", "SW", "S"};

    public int chips() {
        return width * height;
    }

    public int chip(int x, int y) {
        return y * width + x;
    }

    public int x(int chip) {
        return chip % width;
    }

    public int y(int chip) {
        return chip / width;
    }

    /** The chip through a link, or -1 off the edge of a mesh that does not wrap. */
    public int neighbour(int chip, int link) {
        int x = x(chip) + DX[link];
        int y = y(chip) + DY[link];
        if (torus) {
            x = Math.floorMod(x, width);
            y = Math.floorMod(y, height);
        } else if (x < 0 || y < 0 || x >= width || y >= height) {
            return -1;
        }
        return chip(x, y);
    }

    /** The link a packet sent out on {@code link} arrives through. */
    public static int opposite(int link) {
        return (link + 3) % LINKS;
    }

    public static String linkName(int link) {
        return NAMES[link];
    }

    /** The smallest near-square mesh of at least {@code chips} chips. */
    public static Mesh fitting(int chips, boolean torus) {
        int w = (int) Math.ceil(Math.sqrt(Math.max(1, chips)));
        int h = (Math.max(1, chips) + w - 1) / w;
        return new Mesh(w, h, torus);
    }
}
