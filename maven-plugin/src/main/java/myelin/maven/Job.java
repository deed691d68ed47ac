package myelin.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import myelin.api.NetworkCase;

/** One network on one target, with what the CLI needs to be told about it. */
record Job(Path file, String target, String profile, Double dt, int steps, Path input) {
    /** The file name without .snn or .nir: the name of its output folder. */
    String stem() {
        return NetworkCase.stem(file);
    }

    /** The CLI's options for this network and target (without the command and the file). */
    List<String> options() {
        List<String> args = new ArrayList<>();
        if (target != null) args.addAll(List.of("--target", target));
        if (profile != null) args.addAll(List.of("--profile", profile));
        if (dt != null) args.addAll(List.of("--dt", String.format(Locale.ROOT, "%s", dt)));
        return args;
    }

    @Override
    public String toString() {
        return file.getFileName() + (target == null ? "" : " on " + target);
    }
}
