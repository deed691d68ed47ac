package myelin.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The shared {@code --threads N} option; results never depend on it, only the speed does. */
final class ThreadsOption {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandSpec mixee;

    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--threads", paramLabel = "N",
            description = "worker threads (default: all cores); the result is the same for any N")
    void setThreads(int threads) {
        if (threads < 1) throw new CommandLine.ParameterException(mixee.commandLine(), "--threads must be at least 1");
        this.threads = threads;
    }

    int threads() {
        return threads;
    }
}
