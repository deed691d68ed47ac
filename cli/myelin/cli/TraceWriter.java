package myelin.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import myelin.ir.integer.QuantizedNetwork;
import myelin.ir.network.Network;
import myelin.simulator.Engine;

/**
 * State probes: after every step, the integer value of each traced variable and the
 * physical value it stands for, as CSV {@code step,population,neuron,variable,integer,value,unit};
 * on the reference engine the integer column is empty. Rows stream to a temporary file
 * that replaces the target only when the run succeeds.
 */
final class TraceWriter implements AutoCloseable {
    static final String HEADER = "step,population,neuron,variable,integer,value,unit";

    private record Probe(int population, String name, String variable, double scale, double offset, String unit, int size) {}

    private final Path target;
    private final Path temp;
    private final BufferedWriter out;
    private final List<Probe> probes;
    /** Writes one step's rows from the engine the writer was opened for. */
    private final StepWriter rows;
    private boolean done;

    @FunctionalInterface
    private interface StepWriter {
        void write(int step, Probe probe, int neuron, StringBuilder line);
    }

    private TraceWriter(Path target, List<Probe> probes, StepWriter rows) throws IOException {
        this.target = target;
        this.rows = rows;
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        this.temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        this.out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
        this.probes = probes;
        out.write(HEADER);
        out.newLine();
    }

    /** The probes: variables named by --record, plus those the network's record statements list. */
    static List<String> tracedVariables(Network net, String population, List<String> requested) {
        List<String> vars = new ArrayList<>();
        var model = net.modelOf(net.population(population).orElseThrow());
        for (String v : model.stateVariables()) {
            boolean inFile = net.recordings().stream().anyMatch(r -> r.population().equals(population) && r.variables().contains(v));
            if (requested.contains(v) || inFile) vars.add(v);
        }
        return vars;
    }

    /** Probes for the integer engine: each integer and the physical value it stands for, by the quantized stage's scales. */
    static TraceWriter open(Path target, Network net, QuantizedNetwork q, List<String> requested, Engine engine) throws IOException {
        List<Probe> probes = new ArrayList<>();
        for (int p = 0; p < q.populations().size(); p++) {
            var pop = q.populations().get(p);
            var model = net.modelOf(net.population(pop.name()).orElseThrow());
            boolean currents = model.weightDimension().equals(myelin.ir.units.Dimension.CURRENT);
            for (String var : tracedVariables(net, pop.name(), requested)) {
                if (var.equals("v")) {
                    probes.add(new Probe(p, pop.name(), var, 1e3 / pop.stateScale(), pop.vRest() * 1e3, "mV", pop.size()));
                } else {
                    double toUnit = currents ? 1e12 : 1e3;
                    probes.add(new Probe(p, pop.name(), var, toUnit / pop.currentScale(model.channelOf(var)), 0, currents ? "pA" : "mV",
                            pop.size()));
                }
            }
        }
        return new TraceWriter(target, probes, (step, probe, n, line) -> {
            long value = (long) engine.state(probe.population(), probe.variable(), n).orElseThrow();
            line.append(value).append(',').append(String.format(Locale.ROOT, "%.6g", probe.offset() + value * probe.scale()));
        });
    }

    /** Probes for the reference engine, whose state is physical already (volts, weight units). */
    static TraceWriter open(Path target, Network net, List<String> requested, Engine engine) throws IOException {
        List<Probe> probes = new ArrayList<>();
        for (int p = 0; p < net.populations().size(); p++) {
            var pop = net.populations().get(p);
            var model = net.modelOf(pop);
            boolean currents = model.weightDimension().equals(myelin.ir.units.Dimension.CURRENT);
            for (String var : tracedVariables(net, pop.name(), requested)) {
                boolean v = var.equals("v");
                probes.add(new Probe(p, pop.name(), var, v || !currents ? 1e3 : 1e12, 0, v || !currents ? "mV" : "pA", pop.size()));
            }
        }
        return new TraceWriter(target, probes, (step, probe, n, line) -> {
            double value = engine.state(probe.population(), probe.variable(), n).orElseThrow();
            line.append(',').append(String.format(Locale.ROOT, "%.9g", value * probe.scale()));
        });
    }

    boolean isEmpty() {
        return probes.isEmpty();
    }

    /** Writes the probed state after a step. */
    void afterStep(int step) {
        try {
            StringBuilder line = new StringBuilder();
            for (Probe probe : probes) {
                for (int n = 0; n < probe.size(); n++) {
                    line.setLength(0);
                    line.append(step).append(',').append(probe.name()).append(',').append(n).append(',').append(probe.variable()).append(',');
                    rows.write(step, probe, n, line);
                    line.append(',').append(probe.unit());
                    out.write(line.toString());
                    out.newLine();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes the trace; call after a successful run. */
    void commit() throws IOException {
        out.close();
        Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        done = true;
    }

    @Override
    public void close() throws IOException {
        if (!done) {
            out.close();
            Files.deleteIfExists(temp);
        }
    }
}
