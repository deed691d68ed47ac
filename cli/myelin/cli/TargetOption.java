package myelin.cli;

import java.nio.file.Path;
import myelin.api.Calibrations;
import myelin.api.SpikeCsv;
import myelin.api.Targets;
import myelin.api.UsageException;
import myelin.ir.network.LoadedNetwork;
import myelin.ir.target.ScaleBound;
import myelin.ir.target.TargetSpec;
import picocli.CommandLine;
import picocli.CommandLine.Option;


/** {@code --target}, {@code --target-file}, {@code --profile}, {@code --scale-bound} and {@code --calibrate}: what the pipeline compiles for. */
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

    @Option(names = "--scale-bound", paramLabel = "BOUND",
            description = "what sets each population's scale besides its threshold: largest_weight (the default: one input moves a state "
                    + "by at most a quarter of its range) or summed_input (every input every step: nothing saturates, coarser states)")
    String scaleBound;

    @Option(names = "--calibrate", paramLabel = "FILE",
            description = "sample input spikes (CSV: step,population,neuron): each population's scale also holds twice the largest state "
                    + "the float step model reaches on them")
    Path calibrate;

    private TargetSpec withOptions(LoadedNetwork loaded, TargetSpec spec) {
        if (scaleBound != null) {
            spec = spec.withScaleBound(ScaleBound.named(scaleBound).orElseThrow(() -> new CommandLine.ParameterException(mixee.commandLine(),
                    "--scale-bound " + scaleBound + ": largest_weight or summed_input")));
        }
        if (calibrate == null) return spec;
        var sample = SpikeCsv.read(calibrate, loaded.network(), Integer.MAX_VALUE);
        return spec.withCalibration(Calibrations.observe(loaded, spec, calibrate.toString(), sample));
    }

    /** The chosen target, which must describe hardware (compile, verify): the default is spinnaker1. */
    TargetSpec resolveHardware(LoadedNetwork loaded) {
        try {
            return withOptions(loaded, Targets.resolveHardware(loaded, name, file, profile));
        } catch (UsageException e) {
            throw new CommandLine.ParameterException(mixee.commandLine(), e.getMessage());
        }
    }

    /** The chosen target; a broken target block is an input error at its place. */
    TargetSpec resolve(LoadedNetwork loaded) {
        try {
            return withOptions(loaded, Targets.resolve(loaded, name, file, profile));
        } catch (UsageException e) {
            throw new CommandLine.ParameterException(mixee.commandLine(), e.getMessage());
        }
    }
}
