package myelin.cli;

import myelin.api.AtomicFiles;
import myelin.api.SpikeCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import myelin.backends.verilog.RtlSimulator;
import myelin.ir.diag.InputException;
import myelin.ir.network.Network;
import myelin.simulator.SpikeTrain;

/** Emits a network's Verilog into a scratch folder, simulates it with its own script and reads its spikes back. */
final class RtlVerification {
    private RtlVerification() {}

    /** Writes a design into a folder. */
    @FunctionalInterface
    interface Design {
        void writeTo(Path dir) throws IOException;
    }

    static SpikeTrain run(Design design, Network net, RtlSimulator.Kind kind, List<SpikeCsv.Spike> inputs, int steps, PrintWriter out)
            throws IOException {
        RtlFiles.requireTools(kind.tools(), "verify --sim " + kind.option());
        Path dir = Files.createTempDirectory("myelin-rtl-");
        try {
            design.writeTo(dir);
            SpikeTrain given = new SpikeTrain();
            inputs.stream().sorted(Comparator.comparingInt(SpikeCsv.Spike::step)).forEach(
                    s -> given.add(s.step(), index(net, s.population()), s.neuron(), 1));
            Path in = dir.resolve("input.csv");
            SpikeCsv.writeTo(in, given, net);
            Path spikes = dir.resolve("output.csv");
            RtlSimulator.Run run;
            try {
                run = RtlSimulator.run(dir, kind, in, spikes, steps);
            } catch (RtlSimulator.SimulationException e) {
                throw InputException.of(myelin.ir.diag.SourceLocation.of(kind.option()), e.getMessage());
            }
            out.printf(Locale.ROOT, "  the %s ran: %.1f cycles a timestep, %.0f timesteps a second (%.2f s)%n", kind.description(),
                    run.cyclesPerStep(), run.stepsPerSecond(), run.seconds());
            return read(spikes, net, steps);
        } finally {
            AtomicFiles.deleteTree(dir);
        }
    }

    private static int index(Network net, String population) {
        for (int i = 0; i < net.populations().size(); i++) if (net.populations().get(i).name().equals(population)) return i;
        throw new IllegalArgumentException("no population " + population);
    }

    /** A spike file, one row per spike, as a spike train: equal consecutive rows are one entry's count. */
    static SpikeTrain read(Path file, Network net, int steps) {
        SpikeTrain train = new SpikeTrain();
        int step = -1, population = -1, neuron = -1, count = 0;
        for (SpikeCsv.Spike s : SpikeCsv.read(file, net, steps)) {
            int p = index(net, s.population());
            if (s.step() == step && p == population && s.neuron() == neuron) {
                count++;
                continue;
            }
            if (count > 0) train.add(step, population, neuron, count);
            step = s.step();
            population = p;
            neuron = s.neuron();
            count = 1;
        }
        if (count > 0) train.add(step, population, neuron, count);
        return train;
    }
}
