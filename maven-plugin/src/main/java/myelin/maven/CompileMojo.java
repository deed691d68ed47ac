package myelin.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import myelin.api.Simulation;
import myelin.ir.diag.InputException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compiles every network onto each of its targets, as {@code myelin compile} does, into
 * {@code OUTPUT/TARGET/NAME/}: the hardware IR, the report, the Verilog (fpga) or the machine
 * image (SpiNNaker-style targets). A network whose files (itself, its includes, its data
 * files) and options are unchanged since its last compilation is not compiled again.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class CompileMojo extends MyelinMojo {
    /** Where each network's output goes, as TARGET/NAME/. */
    @Parameter(property = "myelin.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/myelin")
    File outputDirectory;

    /** Where each compilation records what it read, for the next build's up-to-date check. */
    @Parameter(defaultValue = "${project.build.directory}/myelin-state", readonly = true)
    File stateDirectory;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    String pluginVersion;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("myelin: skipped");
            return;
        }
        List<Job> jobs = jobs(0);
        if (jobs.isEmpty()) {
            getLog().info("myelin: no networks in " + sourceDirectory);
            return;
        }
        long begin = System.nanoTime();
        int compiled = 0;
        int upToDate = 0;
        List<String> failures = new ArrayList<>();
        for (Job job : jobs) {
            Path out = outputDirectory.toPath().resolve(job.target()).resolve(job.stem());
            BuildState state = new BuildState(stateDirectory.toPath().resolve(job.target()).resolve(job.stem() + ".state"));
            List<String> args = new ArrayList<>(List.of("compile", job.file().toString(), "-o", out.toString()));
            args.addAll(job.options());
            String options = "myelin " + pluginVersion + " " + String.join(" ", args);
            if (Files.isDirectory(out) && state.upToDate(options)) {
                getLog().debug("myelin: " + job + " is up to date");
                upToDate++;
                continue;
            }
            long start = System.nanoTime();
            Run run = cli(args);
            logErrors(run);
            run.out().forEach(getLog()::debug);
            try {
                if (!run.ok()) {
                    state.clear();
                    failures.add(job + ": " + firstError(run));
                    continue;
                }
                state.write(options, inputs(job));
            } catch (IOException e) {
                throw new MojoExecutionException("myelin: cannot record the build state of " + job, e);
            }
            compiled++;
            getLog().info(String.format(Locale.ROOT, "myelin: compiled %s -> %s (%.1f s)", job, out, (System.nanoTime() - start) / 1e9));
        }
        getLog().info(String.format(Locale.ROOT, "myelin: %d compiled, %d up to date%s (%.2f s)", compiled, upToDate,
                failures.isEmpty() ? "" : ", " + failures.size() + " failed", (System.nanoTime() - begin) / 1e9));
        if (!failures.isEmpty()) throw new MojoFailureException(String.join("\n", failures));
    }

    /** Every file the network is read from, as the frontend found them. */
    private static List<Path> inputs(Job job) {
        Simulation simulation = Simulation.of(job.file());
        if (job.dt() != null) simulation.dt(job.dt());
        try {
            return simulation.loaded().files();
        } catch (InputException e) {
            return List.of(job.file()); // compiled a moment ago; a file changed since: compile again next time
        }
    }
}
