package myelin.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import myelin.api.Simulation;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The verification ladder of every network on each of its targets: as {@code myelin verify}
 * runs it, the target's executor (the core-level executor, the machine executor on the image
 * read back from disk, or the Verilog under Verilator) against the integer engine, where the
 * build fails with the first differing spike; and the quantization loss of the target's
 * integers against the float step model, reported (or bounded by maxQuantizationLoss).
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends MyelinMojo {
    /** Steps to run, for every network that names none. */
    @Parameter(property = "myelin.steps", defaultValue = "100")
    int steps;

    /** The RTL simulator on fpga targets: verilator, icarus or netlist. */
    @Parameter(property = "myelin.sim", defaultValue = "verilator")
    String sim;

    /**
     * Fail when a network's quantization loss on its input (the relative squared van Rossum
     * distance between the integer engine and the float step model) exceeds this; unset: report it only.
     */
    @Parameter(property = "myelin.maxQuantizationLoss")
    Double maxQuantizationLoss;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("myelin: skipped");
            return;
        }
        List<String> failures = new ArrayList<>();
        List<Job> jobs = jobs(steps);
        for (Job job : jobs) {
            List<String> args = new ArrayList<>(List.of("verify", job.file().toString(), "--steps", Integer.toString(job.steps()), "--sim", sim));
            if (job.input() != null) args.addAll(List.of("--input", job.input().toString()));
            args.addAll(job.options());
            long start = System.nanoTime();
            Run run = cli(args);
            logErrors(run);
            String verdict = run.out().stream().filter(l -> l.startsWith("verified: ") || l.startsWith("MISMATCH: ")).findFirst().orElse("");
            if (run.ok()) {
                double loss = quantizationLoss(job);
                getLog().info(String.format(Locale.ROOT, "myelin: %s, %d steps: %s (%.1f s); quantization loss %.4g", job, job.steps(), verdict,
                        (System.nanoTime() - start) / 1e9, loss));
                if (maxQuantizationLoss != null && !(loss <= maxQuantizationLoss)) {
                    failures.add(String.format(Locale.ROOT, "%s: quantization loss %.4g exceeds maxQuantizationLoss %.4g", job, loss, maxQuantizationLoss));
                }
            } else if (run.exitCode() == myelin.cli.Main.MISMATCH) {
                run.out().forEach(getLog()::error);
                failures.add(job + ": " + verdict);
            } else {
                failures.add(job + ": " + firstError(run));
            }
        }
        if (!failures.isEmpty()) throw new MojoFailureException("myelin verify failed:\n" + String.join("\n", failures));
        if (!jobs.isEmpty()) getLog().info("myelin: quantization loss: the relative squared van Rossum distance, integer engine vs float step model, on each network's input");
        if (!jobs.isEmpty()) getLog().info("myelin: " + jobs.size() + " verified");
    }

    /** The ladder's second rung: what the target's integers cost against real-valued state, on this input. */
    private static double quantizationLoss(Job job) {
        Simulation simulation = Simulation.of(job.file()).target(job.target()).profile(job.profile()).input(job.input());
        if (job.dt() != null) simulation.dt(job.dt());
        return simulation.quantizationLoss(job.steps());
    }
}
