package myelin.cli;

import java.nio.file.Path;
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
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --target}, {@code --target-file} and {@code --profile}: what the pipeline compiles for. */
final class TargetOption {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    @Option(names = "--target", paramLabel = "NAME",
            description = "the target: simulation (simulate's default), loihi, spinnaker1 (compile's default), spinnaker2, fpga, "
                    + "or a target block of the network or of --target-file")
    String name;

    @Option(names = "--target-file", paramLabel = "FILE", description = "a file of target blocks ('target NAME { ... }')")
    Path file;

    @Option(names = "--profile", paramLabel = "NAME", description = "the integer profile instead of the target's: default or loihi")
    String profile;

    /** The chosen target, which must describe hardware (compile, verify): the default is spinnaker1. */
    TargetSpec resolveHardware(LoadedNetwork loaded) {
        if (name == null && file == null) name = TargetSpec.SPINNAKER1.name();
        TargetSpec spec = resolve(loaded);
        if (spec.limits().neuronsPerCore() == 0) {
            throw new CommandLine.ParameterException(mixee.commandLine(), "target " + spec.name() + " describes no hardware (no "
                    + "neurons_per_core); hardware targets: spinnaker1, spinnaker2, fpga, or a target block that sets the limits");
        }
        return spec;
    }

    /** The chosen target; a broken target block is an input error at its place. */
    TargetSpec resolve(LoadedNetwork loaded) {
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
                List<String> known = new java.util.ArrayList<>(TargetSpec.builtIn().stream().map(TargetSpec::name).toList());
                blocks.forEach(b -> known.add(b.name()));
                throw new CommandLine.ParameterException(mixee.commandLine(), "unknown target '" + wanted + "' (targets: "
                        + String.join(", ", known) + ")");
            }
        }
        if (profile != null) {
            Profile p = Profile.named(profile).orElseThrow(() -> new CommandLine.ParameterException(mixee.commandLine(),
                    "unknown profile '" + profile + "' (profiles: " + String.join(", ", Simulations.profileNames()) + ")"));
            spec = spec.withProfile(p);
        }
        return spec;
    }
}
