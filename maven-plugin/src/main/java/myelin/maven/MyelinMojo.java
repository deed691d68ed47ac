package myelin.maven;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import myelin.api.NetworkCase;
import myelin.cli.Main;
import myelin.ir.diag.Diagnostic;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.build.BuildContext;

/**
 * What the goals share: the networks and targets of the configuration, and running the CLI's
 * own code in this JVM with each error of the input handed to the build (file, line, column).
 */
abstract class MyelinMojo extends AbstractMojo {
    /** The folder of the networks; every .snn and .nir file in it (not under include/) unless networks are listed. */
    @Parameter(property = "myelin.sourceDirectory", defaultValue = "${project.basedir}/src/main/snn")
    File sourceDirectory;

    /** The networks, each with its own targets, profile, timestep, steps and input; every file of the folder when empty. */
    @Parameter
    List<NetworkConfig> networks;

    /** The targets of every network that names none (spinnaker1 when empty). */
    @Parameter
    List<String> targets;

    /** The integer profile instead of the target's, for every network that names none. */
    @Parameter(property = "myelin.profile")
    String profile;

    /** The timestep for .nir files, in seconds, for every network that names none. */
    @Parameter(property = "myelin.dt")
    Double dt;

    /** Skip this goal. */
    @Parameter(property = "myelin.skip", defaultValue = "false")
    boolean skip;

    @Component
    BuildContext buildContext;

    /** The networks of the source folder on their targets, in the order configured (or of their paths). */
    List<Job> jobs(int defaultSteps) throws MojoExecutionException {
        return jobs(sourceDirectory.toPath(), networks, defaultSteps, true);
    }

    /** The networks of a folder: the configured ones, or every network file in it; on each target (or none). */
    List<Job> jobs(Path folder, List<NetworkConfig> configured, int defaultSteps, boolean withTargets) throws MojoExecutionException {
        List<NetworkConfig> configs = configured == null || configured.isEmpty() ? discover(folder) : configured;
        List<Job> jobs = new ArrayList<>();
        for (NetworkConfig c : configs) {
            if (c.file == null) throw new MojoExecutionException("a <network> of the myelin plugin needs a <file>");
            Path file = folder.resolve(c.file).toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) throw new MojoExecutionException("myelin: no network file " + file);
            if (!NetworkCase.isNetwork(file)) throw new MojoExecutionException("myelin: " + file + " is not a .snn or .nir file");
            Path input = c.input == null ? null : folder.resolve(c.input).toAbsolutePath().normalize();
            List<String> on = !withTargets ? java.util.Collections.singletonList(null)
                    : c.targets != null && !c.targets.isEmpty() ? c.targets
                    : targets != null && !targets.isEmpty() ? targets : List.of("spinnaker1");
            for (String t : on) {
                jobs.add(new Job(file, t, c.profile != null ? c.profile : profile, c.dt != null ? c.dt : dt,
                        c.steps != null ? c.steps : defaultSteps, input));
            }
        }
        return jobs;
    }

    private static List<NetworkConfig> discover(Path folder) throws MojoExecutionException {
        if (!Files.isDirectory(folder)) return List.of();
        try {
            List<NetworkConfig> found = new ArrayList<>();
            for (NetworkCase c : NetworkCase.in(folder, true)) {
                NetworkConfig config = new NetworkConfig();
                config.file = folder.relativize(c.network()).toString();
                if (c.input() != null) config.input = folder.relativize(c.input()).toString();
                found.add(config);
            }
            return found;
        } catch (IOException e) {
            throw new MojoExecutionException("myelin: cannot list " + folder, e);
        }
    }

    /** What one CLI run printed, and its exit code. */
    record Run(int exitCode, List<String> out, List<String> err) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /**
     * Runs a myelin command in this JVM. Its errors in the input go to the build context at their
     * file, line and column (an IDE marks them there) and to the log as the CLI prints them.
     */
    Run cli(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<Diagnostic> diagnostics = new ArrayList<>();
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            code = Main.run(args.toArray(String[]::new), o, e, diagnostics::add);
        }
        diagnostics.forEach(this::mark);
        return new Run(code, lines(out), lines(err));
    }

    /** Hands a diagnostic to the build context, at its file, line and column. */
    void mark(Diagnostic d) {
        int severity = d.isError() ? BuildContext.SEVERITY_ERROR : BuildContext.SEVERITY_WARNING;
        buildContext.addMessage(new File(d.location().path()), d.location().line(), d.location().column(), d.message(), severity, null);
    }

    /**
     * Logs what a run printed on its error stream: warnings as warnings, the rest as errors when
     * it failed; of a usage error only its message (the CLI prints the command's help after it).
     */
    void logErrors(Run run) {
        for (String line : run.exitCode() == Main.USAGE_ERROR ? run.err().stream().limit(1).toList() : run.err()) {
            if (line.startsWith("WARNING: Using incubator modules")) continue;
            if (run.ok() || line.contains(": warning: ") || line.contains(": note: ")) getLog().warn(line);
            else getLog().error(line);
        }
    }

    /** The line that says why a run failed. */
    static String firstError(Run run) {
        if (run.exitCode() == Main.USAGE_ERROR && !run.err().isEmpty()) return run.err().get(0);
        return run.err().stream().filter(l -> l.contains("error: ") || l.startsWith("myelin: ")).findFirst()
                .orElse("myelin exited with code " + run.exitCode());
    }

    /** Lines of printed text without a terminal progress bar's carriage-return redraws. */
    private static List<String> lines(StringWriter text) {
        return Stream.of(text.toString().split("\n")).map(l -> l.substring(l.lastIndexOf('\r') + 1)).filter(l -> !l.isBlank()).toList();
    }
}
