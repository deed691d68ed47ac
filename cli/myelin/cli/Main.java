package myelin.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;
import myelin.ir.diag.Diagnostic;
import myelin.ir.diag.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The myelin command line. Exit codes: 0 success, 1 the input is wrong, 2 bad usage,
 * 3 verification found a mismatch, 70 an internal error (a bug in Myelin).
 */
@Command(name = "myelin", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = Version.class,
        description = "Neuromorphic hardware mapping compiler.",
        subcommands = {CheckCommand.class, IrCommand.class, SimulateCommand.class, FidelityCommand.class, CompileCommand.class, VerifyCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static final int INPUT_ERROR = 1;
    public static final int USAGE_ERROR = 2;
    public static final int MISMATCH = 3;
    public static final int INTERNAL_ERROR = 70;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams; never throws. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, d -> {});
    }

    /**
     * As {@link #run(String[], PrintWriter, PrintWriter)}, and hands each error in the input to
     * {@code diagnostics} too (the Maven plugin puts them on their file's line).
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Consumer<Diagnostic> diagnostics) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, err, diagnostics));
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            return outOfMemory(err);
        }
    }

    private static int handle(Exception ex, PrintWriter err, Consumer<Diagnostic> diagnostics) {
        if (ex instanceof InputException input) {
            new DiagnosticPrinter(err).print(input.diagnostics());
            input.diagnostics().forEach(diagnostics);
            return INPUT_ERROR;
        }
        if (ex instanceof myelin.ir.synapses.ExpansionTooLargeException) {
            err.println("myelin: error: " + ex.getMessage());
            return INPUT_ERROR;
        }
        err.println("myelin: internal error: " + ex + " (please report it; set MYELIN_DEBUG=1 for the stack trace)");
        if (System.getenv("MYELIN_DEBUG") != null) ex.printStackTrace(err);
        err.flush();
        return INTERNAL_ERROR;
    }

    private static int outOfMemory(PrintWriter err) {
        err.println("myelin: error: out of memory (max heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MiB); give Java more with MYELIN_JAVA_OPTS=-Xmx16g");
        err.flush();
        return INPUT_ERROR;
    }
}
