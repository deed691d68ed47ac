package myelin.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import myelin.api.NetworkCase;
import myelin.api.Simulation;
import myelin.api.SpikeRecord;
import myelin.api.UsageException;
import myelin.ir.diag.Diagnostic;
import myelin.ir.diag.InputException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Regression runs: every network of the regression folder, with its input spikes
 * ({@code NAME.input.csv} beside it), on the integer engine, compared with its golden spike
 * file ({@code NAME.golden.csv}); {@code -Dmyelin.record} (re)records the golden files. Prints
 * a table of networks, spikes and time; the build fails with each network's first differing spike.
 */
@Mojo(name = "simulate", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public class SimulateMojo extends MyelinMojo {
    @Parameter(property = "myelin.testDirectory", defaultValue = "${project.basedir}/src/test/snn")
    File testDirectory;

    /** The regression networks, each with its own steps, profile and input; every file of the folder when empty. */
    @Parameter
    List<NetworkConfig> regressions;

    /** Steps to run, for every network that names none. */
    @Parameter(property = "myelin.steps", defaultValue = "100")
    int steps;

    /** Record the golden files instead of comparing with them. */
    @Parameter(property = "myelin.record", defaultValue = "false")
    boolean record;

    @Parameter(property = "skipTests", defaultValue = "false")
    boolean skipTests;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipTests) {
            getLog().info("myelin: regression runs skipped");
            return;
        }
        List<Job> jobs = jobs(testDirectory.toPath(), regressions, steps, false);
        if (jobs.isEmpty()) {
            getLog().info("myelin: no regression networks in " + testDirectory);
            return;
        }
        List<String> failures = new ArrayList<>();
        getLog().info(String.format(Locale.ROOT, "myelin: regression runs (%s)", record ? "recording golden files" : "against golden files"));
        getLog().info(String.format(Locale.ROOT, "  %-24s %7s %9s %8s  %s", "network", "steps", "spikes", "time", "result"));
        for (Job job : jobs) {
            var golden = NetworkCase.of(job.file()).golden();
            long start = System.nanoTime();
            String result;
            long spikes = 0;
            try {
                Simulation simulation = Simulation.of(job.file()).input(job.input()).profile(job.profile());
                if (job.dt() != null) simulation.dt(job.dt());
                SpikeRecord actual = simulation.run(job.steps());
                spikes = actual.total();
                if (record) {
                    actual.write(golden);
                    result = "recorded " + job.file().getParent().relativize(golden);
                } else if (!Files.exists(golden)) {
                    result = "NO GOLDEN FILE (record it with -Dmyelin.record)";
                    failures.add(job.file().getFileName() + ": no golden file " + golden);
                } else {
                    Optional<String> difference = actual.differenceFrom(simulation.golden(golden), "golden", "now");
                    result = difference.map(d -> "DIFFERS: " + d.lines().findFirst().orElse("")).orElse("ok");
                    difference.ifPresent(d -> failures.add(job.file().getFileName() + ": " + d));
                }
            } catch (InputException e) {
                for (Diagnostic d : e.diagnostics()) {
                    getLog().error(d.toString());
                    mark(d);
                }
                result = "ERROR";
                failures.add(e.getMessage());
            } catch (UsageException e) {
                result = "ERROR";
                failures.add(job.file().getFileName() + ": " + e.getMessage());
            } catch (IOException e) {
                throw new MojoExecutionException("myelin: cannot write " + golden, e);
            }
            getLog().info(String.format(Locale.ROOT, "  %-24s %7d %9d %6.2f s  %s", job.file().getFileName(), job.steps(), spikes,
                    (System.nanoTime() - start) / 1e9, result));
        }
        if (!failures.isEmpty()) throw new MojoFailureException("myelin regression runs failed:\n" + String.join("\n", failures));
    }
}
