package myelin.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What one compilation read, to tell the next build whether it must compile again: the
 * options it ran with and the SHA-256 of every file it was read from (the network, its
 * includes and data files). A change to any of them, or a missing file, makes it stale.
 */
final class BuildState {
    private final Path file;

    BuildState(Path file) {
        this.file = file;
    }

    /** True when the last compilation ran with these options and every file it read is unchanged. */
    boolean upToDate(String options) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
        if (lines.isEmpty() || !lines.get(0).equals("options " + options)) return false;
        for (String line : lines.subList(1, lines.size())) {
            int space = line.indexOf(' ');
            if (space < 0) return false;
            Path input = Path.of(line.substring(space + 1));
            if (!Files.isRegularFile(input) || !hash(input).equals(line.substring(0, space))) return false;
        }
        return true;
    }

    /** Records a compilation that succeeded. */
    void write(String options, List<Path> inputs) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("options " + options);
        for (Path input : inputs) lines.add(hash(input) + " " + input.toAbsolutePath().normalize());
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.write(temp, lines, StandardCharsets.UTF_8);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Forgets the last compilation (it failed, or its output is gone). */
    void clear() throws IOException {
        Files.deleteIfExists(file);
    }

    private static String hash(Path input) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(input)));
        } catch (IOException e) {
            return "unreadable";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}
