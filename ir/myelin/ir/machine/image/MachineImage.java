package myelin.ir.machine.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import myelin.ir.diag.InputException;
import myelin.ir.diag.SourceLocation;
import myelin.ir.hardware.Block;
import myelin.ir.hardware.Core;
import myelin.ir.hardware.DelayExtension;
import myelin.ir.hardware.HardwareNetwork;
import myelin.ir.hardware.Kernel;
import myelin.ir.integer.Profile;
import myelin.ir.machine.Keys;
import myelin.ir.machine.MachineNetwork;
import myelin.ir.machine.Mesh;
import myelin.ir.machine.RouteSet;
import myelin.ir.machine.RoutingEntry;

/**
 * A machine image on disk (docs/spinnaker-image.md): one binary file per core and per
 * delay extension, one routing table per chip, and manifest.json. {@link #write} writes it
 * into a temporary folder renamed into place when complete; {@link #read} rebuilds the
 * hardware IR and the machine from those files alone, checking every region's CRC-32C.
 */
public final class MachineImage {
    static final int CORE_MAGIC = 0x314E594D; // "MYN1"
    static final int TABLE_MAGIC = 0x3152594D; // "MYR1"
    static final int HEADER_BYTES = 16;
    static final int REGION_ENTRY_BYTES = 16;
    static final String[] CORE_REGIONS = {"neurons", "synapses", "recording"};
    static final String[] EXTENSION_REGIONS = {"delays"};

    /**
     * What an image holds, read back.
     *
     * @param populationTables per hardware core, its lookup from packet keys to its blocks (indexes into its blocks, in order)
     */
    public record Loaded(Manifest manifest, HardwareNetwork hardware, MachineNetwork machine, List<List<PopulationTableEntry>> populationTables) {}

    private MachineImage() {}

    private static ObjectMapper json() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Writes the image into {@code dir} (replaced as a whole); returns its manifest. */
    public static Manifest write(MachineNetwork m, Path dir) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempDirectory(parent, "." + dir.getFileName() + "-");
        try {
            Manifest manifest = writeInto(m, temp);
            deleteTree(dir);
            Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } finally {
            deleteTree(temp);
        }
    }

    private static Manifest writeInto(MachineNetwork m, Path dir) throws IOException {
        HardwareNetwork hw = m.hardware();
        Files.createDirectories(dir.resolve("cores"));
        Files.createDirectories(dir.resolve("chips"));
        List<List<Block>> incoming = new ArrayList<>();
        for (int c = 0; c < hw.cores().size(); c++) incoming.add(new ArrayList<>());
        for (Block b : hw.blocks()) incoming.get(b.core()).add(b);
        int[] extensionOf = new int[hw.cores().size()];
        java.util.Arrays.fill(extensionOf, -1);
        for (int e = 0; e < hw.delayExtensions().size(); e++) extensionOf[hw.delayExtensions().get(e).source()] = e;
        List<Manifest.CoreFile> cores = new ArrayList<>();
        for (Core c : hw.cores()) {
            List<Block> blocks = incoming.get(c.id());
            List<PopulationTableEntry> lookup = new ArrayList<>();
            for (int i = 0; i < blocks.size(); ) {
                Block b = blocks.get(i);
                int j = i;
                while (j < blocks.size() && blocks.get(j).source() == b.source() && blocks.get(j).stage() == b.stage()) j++;
                int source = b.stage() == 0 ? b.source() : m.stageSource(extensionOf[b.source()], b.stage());
                RoutingEntry key = m.keys().entry(source, 0, null);
                lookup.add(new PopulationTableEntry(key.key(), key.mask(), i, j - i));
                i = j;
            }
            List<Kernel> kernels = hw.kernels().stream().filter(k -> blocks.stream().anyMatch(b -> b.projection().equals(k.projection()))).toList();
            ByteWriter[] regions = {CoreRegions.neurons(c), CoreRegions.synapses(lookup, kernels, blocks), CoreRegions.recording()};
            cores.add(writeCore(dir, c.id(), "core", m, c.id(), CORE_REGIONS, regions));
        }
        for (int e = 0; e < hw.delayExtensions().size(); e++) {
            DelayExtension ext = hw.delayExtensions().get(e);
            ByteWriter[] regions = {CoreRegions.delays(ext.source(), ext.stages(), hw.delaySlots(), m.firstStageSource()[e])};
            cores.add(writeCore(dir, m.extensionCore(e), "delay_extension", m, ext.source(), EXTENSION_REGIONS, regions));
        }
        List<Manifest.ChipFile> chips = new ArrayList<>();
        Mesh mesh = m.mesh();
        for (int chip = 0; chip < mesh.chips(); chip++) {
            List<RoutingEntry> table = m.tables().get(chip);
            int words = RouteSet.none(m.processorsPerChip()).words().length;
            ByteBuffer b = ByteBuffer.allocate(20 + (8 + 8 * words) * table.size()).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(TABLE_MAGIC).putInt(mesh.x(chip)).putInt(mesh.y(chip)).putInt(table.size()).putInt(words);
            for (RoutingEntry e : table) {
                b.putInt(e.key()).putInt(e.mask());
                for (long w : e.route().words()) b.putLong(w);
            }
            String name = "chips/chip_" + mesh.x(chip) + "_" + mesh.y(chip) + ".bin";
            Files.write(dir.resolve(name), b.array());
            chips.add(new Manifest.ChipFile(mesh.x(chip), mesh.y(chip), name, table.size(), m.uncompressedEntries()[chip], b.capacity(),
                    crc(b.array(), 0, b.capacity())));
        }
        List<Integer> stageSources = java.util.Arrays.stream(m.firstStageSource()).boxed().toList();
        Manifest manifest = new Manifest(Manifest.FORMAT, hw.name(), hw.target(), hw.profile().name(), hw.seed(), hw.delaySlots(),
                m.keys().indexBits(), m.keys().sources(), mesh.width(), mesh.height(), mesh.torus(), m.processorsPerChip(),
                hw.populations(), stageSources, cores, chips);
        json().writeValue(dir.resolve("manifest.json").toFile(), manifest);
        return manifest;
    }

    /** A core file: header, region table, regions. */
    private static Manifest.CoreFile writeCore(Path dir, int id, String kind, MachineNetwork m, int source, String[] names, ByteWriter[] regions)
            throws IOException {
        long offset = HEADER_BYTES + (long) REGION_ENTRY_BYTES * regions.length;
        ByteBuffer head = ByteBuffer.allocate((int) offset).order(ByteOrder.LITTLE_ENDIAN);
        head.putInt(CORE_MAGIC).putShort((short) Manifest.FORMAT).putShort((short) (kind.equals("core") ? 0 : 1))
                .putShort((short) regions.length).putShort((short) 0).putInt(id);
        List<Manifest.Region> table = new ArrayList<>();
        for (int r = 0; r < regions.length; r++) {
            long crc = crc(regions[r].array(), 0, regions[r].size());
            head.putInt(r).putInt((int) offset).putInt(regions[r].size()).putInt((int) crc);
            table.add(new Manifest.Region(names[r], offset, regions[r].size(), crc));
            offset += regions[r].size();
        }
        String name = "cores/" + (kind.equals("core") ? "core_" : "delay_") + id + ".bin";
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve(name)), 1 << 16)) {
            out.write(head.array());
            for (ByteWriter region : regions) out.write(region.array(), 0, region.size());
        }
        return new Manifest.CoreFile(id, kind, m.mesh().x(m.chip()[id]), m.mesh().y(m.chip()[id]), m.processor()[id], source, name, offset, table);
    }

    static long crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** Reads an image; a missing, truncated or corrupt file is an input error naming the file and region. */
    public static Loaded read(Path dir) {
        Path manifestFile = dir.resolve("manifest.json");
        Manifest manifest;
        try {
            manifest = new ObjectMapper().readValue(manifestFile.toFile(), Manifest.class);
        } catch (IOException e) {
            throw InputException.of(SourceLocation.of(manifestFile.toString()), "not a readable manifest: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (manifest.format() != Manifest.FORMAT) {
            throw InputException.of(SourceLocation.of(manifestFile.toString()), "format " + manifest.format() + ", this Myelin reads " + Manifest.FORMAT);
        }
        Profile profile = Profile.named(manifest.profile())
                .orElseThrow(() -> InputException.of(SourceLocation.of(manifestFile.toString()), "unknown profile " + manifest.profile()));
        List<Core> cores = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        List<Kernel> kernels = new ArrayList<>();
        List<DelayExtension> extensions = new ArrayList<>();
        List<Integer> firstStage = new ArrayList<>();
        List<List<PopulationTableEntry>> tablesOfCores = new ArrayList<>();
        Mesh mesh = new Mesh(manifest.meshWidth(), manifest.meshHeight(), manifest.torus());
        int machineCores = manifest.cores().size();
        int[] chip = new int[machineCores];
        int[] processor = new int[machineCores];
        for (Manifest.CoreFile f : manifest.cores()) {
            byte[] bytes = bytes(dir, f.file());
            String file = dir.resolve(f.file()).toString();
            ByteReader[] regions = regions(bytes, file, f);
            if (f.id() < 0 || f.id() >= machineCores) throw InputException.of(SourceLocation.of(file), "core id " + f.id() + " out of range");
            chip[f.id()] = mesh.chip(f.chipX(), f.chipY());
            processor[f.id()] = f.processor();
            if (f.kind().equals("core")) {
                Core c = CoreRegions.neurons(regions[0], f.id());
                if (c.id() != cores.size()) throw InputException.of(SourceLocation.of(file), "cores must be listed in id order");
                cores.add(c);
                CoreRegions.Synapses s = CoreRegions.synapses(regions[1], f.id());
                blocks.addAll(s.blocks());
                tablesOfCores.add(s.lookup());
                for (Kernel k : s.kernels()) if (!kernels.contains(k)) kernels.add(k);
            } else {
                CoreRegions.Delays d = CoreRegions.delays(regions[0]);
                extensions.add(new DelayExtension(d.sourceCore(), d.stages()));
                firstStage.add(d.firstStageSource());
            }
        }
        List<List<RoutingEntry>> tables = new ArrayList<>();
        int[] uncompressed = new int[mesh.chips()];
        for (int c = 0; c < mesh.chips(); c++) tables.add(List.of());
        for (Manifest.ChipFile f : manifest.chips()) {
            byte[] bytes = bytes(dir, f.file());
            String file = dir.resolve(f.file()).toString();
            if (bytes.length != f.bytes()) throw InputException.of(SourceLocation.of(file), "truncated: " + bytes.length + " bytes, the manifest says " + f.bytes());
            if (crc(bytes, 0, bytes.length) != f.crc32c()) throw InputException.of(SourceLocation.of(file), "checksum differs from the manifest's");
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            if (b.getInt() != TABLE_MAGIC) throw InputException.of(SourceLocation.of(file), "not a routing table");
            int x = b.getInt();
            int y = b.getInt();
            int n = b.getInt();
            int words = b.getInt();
            if (words != RouteSet.none(manifest.processorsPerChip()).words().length || 20 + (8 + 8L * words) * n != bytes.length) {
                throw InputException.of(SourceLocation.of(file), n + " entries of " + words + " route words do not fill the file");
            }
            List<RoutingEntry> table = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int key = b.getInt();
                int mask = b.getInt();
                long[] route = new long[words];
                for (int w = 0; w < words; w++) route[w] = b.getLong();
                table.add(new RoutingEntry(key, mask, RouteSet.of(route)));
            }
            tables.set(mesh.chip(x, y), table);
            uncompressed[mesh.chip(x, y)] = f.uncompressedEntries();
        }
        HardwareNetwork hw = new HardwareNetwork(manifest.network(), manifest.target(), profile, manifest.seed(), manifest.delaySlots(),
                manifest.populations(), cores, extensions, kernels, blocks);
        MachineNetwork machine = new MachineNetwork(hw, mesh, manifest.processorsPerChip(), chip, processor,
                new Keys(manifest.indexBits(), manifest.sources()), firstStage.stream().mapToInt(Integer::intValue).toArray(), tables,
                uncompressed);
        return new Loaded(manifest, hw, machine, tablesOfCores);
    }

    private static byte[] bytes(Path dir, String name) {
        Path file = dir.resolve(name);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw InputException.of(SourceLocation.of(file.toString()), "cannot read the image file: " + e.getMessage());
        }
    }

    /** The regions of a core file, each checked against its table and the manifest. */
    private static ByteReader[] regions(byte[] bytes, String file, Manifest.CoreFile f) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < HEADER_BYTES || b.getInt() != CORE_MAGIC) throw InputException.of(SourceLocation.of(file), "not a core image");
        b.getShort();
        b.getShort();
        int count = b.getShort() & 0xFFFF;
        b.getShort();
        b.getInt();
        if (count != f.regions().size() || bytes.length < HEADER_BYTES + (long) REGION_ENTRY_BYTES * count) {
            throw InputException.of(SourceLocation.of(file), "its region table does not match the manifest");
        }
        ByteReader[] readers = new ByteReader[count];
        for (int r = 0; r < count; r++) {
            Manifest.Region expected = f.regions().get(r);
            b.getInt();
            long offset = b.getInt() & 0xFFFFFFFFL;
            long length = b.getInt() & 0xFFFFFFFFL;
            long crc = b.getInt() & 0xFFFFFFFFL;
            String at = "region " + expected.name() + ": ";
            if (offset != expected.offset() || length != expected.length() || crc != expected.crc32c()) {
                throw InputException.of(SourceLocation.of(file), at + "its table entry differs from the manifest's");
            }
            if (offset + length > bytes.length) {
                throw InputException.of(SourceLocation.of(file), at + "truncated: it ends at byte " + (offset + length) + " of a "
                        + bytes.length + "-byte file");
            }
            if (crc(bytes, (int) offset, (int) length) != crc) throw InputException.of(SourceLocation.of(file), at + "checksum mismatch");
            readers[r] = new ByteReader(bytes, (int) offset, (int) length, file, expected.name());
        }
        return readers;
    }
}
