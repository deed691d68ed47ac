package myelin.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import myelin.frontend.SnnFrontend;
import myelin.ir.diag.Diagnostic;
import myelin.ir.diag.InputException;
import myelin.ir.integer.Profile;
import myelin.ir.network.LoadedNetwork;
import myelin.ir.network.SourceMap;
import myelin.ir.network.Target;
import myelin.ir.network.VerifierProblem.Entity;
import myelin.ir.target.TargetSpec;
import myelin.ir.target.TargetSpecReader;

/** What the pipeline compiles for, chosen by name: a built-in target, or a target block of the network or of a target file. */
public final class Targets {
    private Targets() {}

    /**
     * The chosen target, which must describe hardware (compile, verify); without a name or file, spinnaker1.
     *
     * @param name    a target's name, or null
     * @param file    a file of target blocks, or null
     * @param profile an integer profile instead of the target's, or null
     */
    public static TargetSpec resolveHardware(LoadedNetwork loaded, String name, Path file, String profile) {
        TargetSpec spec = resolve(loaded, name == null && file == null ? TargetSpec.SPINNAKER1.name() : name, file, profile);
        if (spec.limits().neuronsPerCore() == 0) {
            throw new UsageException("target " + spec.name() + " describes no hardware (no neurons_per_core); hardware targets: "
                    + "spinnaker1, spinnaker2, fpga, or a target block that sets the limits");
        }
        return spec;
    }

    /** The chosen target (simulation without a name or file); a broken target block is an input error at its place. */
    public static TargetSpec resolve(LoadedNetwork loaded, String name, Path file, String profile) {
        List<Target> blocks = loaded.network().targets();
        SourceMap sources = loaded.sources();
        if (file != null) {
            var targets = SnnFrontend.loadTargets(file);
            blocks = targets.targets();
            sources = targets.sources();
        }
        TargetSpec spec = null;
        String wanted = name != null ? name : file != null && blocks.size() == 1 ? blocks.get(0).name() : null;
        if (wanted == null) {
            spec = TargetSpec.SIMULATION;
        } else {
            for (Target block : blocks) {
                if (!block.name().equals(wanted)) continue;
                var read = TargetSpecReader.read(block);
                SourceMap at = sources;
                if (!read.problems().isEmpty()) {
                    throw new InputException(read.problems().stream().map(p -> Diagnostic.error(at.at(Entity.TARGET, block.name()), p)).toList());
                }
                spec = read.spec();
            }
            if (spec == null) spec = TargetSpec.builtIn(wanted).orElse(null);
            if (spec == null) {
                List<String> known = new ArrayList<>(TargetSpec.builtIn().stream().map(TargetSpec::name).toList());
                blocks.forEach(b -> known.add(b.name()));
                throw new UsageException("unknown target '" + wanted + "' (targets: " + String.join(", ", known) + ")");
            }
        }
        if (profile != null) {
            Profile p = Profile.named(profile).orElseThrow(() -> new UsageException("unknown profile '" + profile + "' (profiles: "
                    + String.join(", ", Simulations.profileNames()) + ")"));
            spec = spec.withProfile(p);
        }
        return spec;
    }
}
