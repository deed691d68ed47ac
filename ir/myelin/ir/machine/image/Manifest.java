package myelin.ir.machine.image;

import java.util.List;

/**
 * manifest.json of a machine image (docs/spinnaker-image.md): the machine, the placement,
 * the keys, and every file with its regions, offsets and checksums.
 */
public record Manifest(int format, String network, String target, String profile, long seed, int delaySlots, int indexBits,
                       int sources, int meshWidth, int meshHeight, boolean torus, int processorsPerChip, List<String> populations,
                       List<Integer> firstStageSources, List<CoreFile> cores, List<ChipFile> chips) {
    public static final int FORMAT = 1;

    /** A region of a core file: where it lies and its CRC-32C. */
    public record Region(String name, long offset, long length, long crc32c) {}

    /**
     * @param kind   "core" or "delay_extension"
     * @param source the source its own packets carry (a core's), or for a delay extension the core it serves
     */
    public record CoreFile(int id, String kind, int chipX, int chipY, int processor, int source, String file, long bytes,
                           List<Region> regions) {}

    public record ChipFile(int x, int y, String file, int entries, int uncompressedEntries, long bytes, long crc32c) {}
}
