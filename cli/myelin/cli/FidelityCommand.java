package myelin.cli;

import myelin.api.EngineComparison;
import myelin.api.Simulations;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import myelin.ir.encoded.EncodedNetwork;
import myelin.ir.encoded.EncodedPrinter;
import myelin.ir.encoded.WeightError;
import myelin.ir.integer.QuantizedNetwork;
import myelin.ir.network.LoadedNetwork;
import myelin.ir.network.Network;
import myelin.ir.network.SpikeArraySource;
import myelin.ir.synapses.ExpandedNetwork;
import myelin.ir.synapses.SplitMix64;
import myelin.simulator.Engine;
import myelin.simulator.FloatStepEngine;
import myelin.simulator.IntegerEngine;
import myelin.simulator.SpikeTrain;
import myelin.simulator.reference.ReferenceEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "fidelity", description = {"Measure what quantization and the step's discretisation cost a network, on random inputs.",
        "Runs the integer engine, the float step model (the integer model's step with real state) and the reference engine on",
        "N random inputs and reports two relative squared van Rossum distances (docs/semantics.md, \"Two distances\") and how",
        "often the integer model's winning output neuron is the float model's."})
final class FidelityCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    NetworkFile file;

    @picocli.CommandLine.Mixin
    TargetOption target;

    @Option(names = "--inputs", paramLabel = "N", defaultValue = "20", description = "random inputs (default: ${DEFAULT-VALUE})")
    int inputs;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "200", description = "steps per input (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--rate", paramLabel = "P", defaultValue = "0.05",
            description = "the chance an input neuron spikes in a step (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of the random inputs (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print one JSON line")
    boolean json;

    @Spec
    CommandSpec spec;

    /** What the runs add up to. */
    record Figures(int inputs, double quantization, double discretisation, int agreeing, int decisive, long zeros, long saturations) {
        double winnerAgreement() {
            return decisive == 0 ? 1 : (double) agreeing / decisive;
        }
    }

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        if (inputs < 1 || steps < 1) throw new CommandLine.ParameterException(cli, "--inputs and --steps must be at least 1");
        if (!(rate >= 0 && rate <= 1)) throw new CommandLine.ParameterException(cli, "--rate must be between 0 and 1");
        PrintWriter out = cli.getOut();
        LoadedNetwork loaded = file.load(cli.getErr());
        var spec = target.resolve(loaded);
        var stages = Simulations.stepped(loaded, spec);
        QuantizedNetwork q = stages.quantized();
        ExpandedNetwork expanded = stages.expanded();
        EncodedNetwork encoded = stages.encoded();
        file.timestepHint(loaded, encoded.weightsRoundedToZero(), encoded.synapseCount())
                .ifPresent(h -> cli.getErr().println(file.path + ": note: " + h));
        Figures f = measure(loaded.network(), q, expanded, encoded);
        if (json) {
            out.println(json(loaded.network().name(), q.profile().name(), f, encoded));
        } else {
            out.printf(Locale.ROOT, "%s, profile %s: %d random inputs of %d steps, %.0f%% of input neurons spiking a step%n", file.path,
                    q.profile().name(), f.inputs(), steps, 100 * rate);
            out.printf(Locale.ROOT, "  quantization    (integer engine vs float step model)   relative VR^2 %.4f%n", f.quantization());
            out.printf(Locale.ROOT, "  discretisation  (float step model vs reference engine) relative VR^2 %.4f%n", f.discretisation());
            out.printf(Locale.ROOT, "  winning output neuron the same on %d of %d inputs with a unique float winner (%.1f%%)%n", f.agreeing(),
                    f.decisive(), 100 * f.winnerAgreement());
            out.printf(Locale.ROOT, "  weights rounded to zero %d; population updates that saturated %d%n", f.zeros(), f.saturations());
            out.print(EncodedPrinter.weightReport(encoded).indent(2));
        }
        out.flush();
        return 0;
    }

    /** The figures as one JSON line (docs/semantics.md, "Two distances", names each field). */
    private String json(String network, String profile, Figures f, EncodedNetwork encoded) {
        var row = new java.util.LinkedHashMap<String, Object>();
        row.put("network", network);
        row.put("profile", profile);
        row.put("inputs", f.inputs());
        row.put("steps", steps);
        row.put("quantization_rel_vr2", f.quantization());
        row.put("discretisation_rel_vr2", f.discretisation());
        row.put("winner_agreement", f.winnerAgreement());
        row.put("decisive_inputs", f.decisive());
        row.put("weights_rounded_to_zero", f.zeros());
        row.put("saturations", f.saturations());
        List<Object> weights = new ArrayList<>();
        for (WeightError e : encoded.weightErrors()) {
            var w = new java.util.LinkedHashMap<String, Object>();
            w.put("projection", e.projection());
            w.put("synapses", e.synapses());
            w.put("relative_rms", e.relativeRms());
            w.put("rounded_to_zero", e.roundedToZero());
            w.put("clipped", e.clipped());
            weights.add(w);
        }
        row.put("weights", weights);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(row);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Figures measure(Network net, QuantizedNetwork q, ExpandedNetwork expanded, EncodedNetwork encoded) {
        List<Integer> inputPopulations = new ArrayList<>();
        for (int p = 0; p < net.populations().size(); p++) {
            if (net.modelOf(net.populations().get(p)) instanceof SpikeArraySource s && s.spikes().isEmpty()) inputPopulations.add(p);
        }
        int output = outputPopulation(net, inputPopulations);
        double quantization = 0, quantizationOwn = 0, discretisation = 0, discretisationOwn = 0;
        int agreeing = 0, decisive = 0;
        long saturations = 0;
        int pops = net.populations().size();
        for (int i = 0; i < inputs; i++) {
            IntegerEngine integer = new IntegerEngine(encoded, 1);
            FloatStepEngine floating = new FloatStepEngine(q, expanded);
            ReferenceEngine reference = new ReferenceEngine(expanded, ReferenceEngine.Precision.FLOAT64);
            SplitMix64 rng = new SplitMix64(SplitMix64.derive(seed, i));
            for (int p : inputPopulations) {
                for (int s = 0; s < steps; s++) {
                    for (int n = 0; n < net.populations().get(p).size(); n++) {
                        if ((rng.nextLong() >>> 11) * 0x1.0p-53 < rate) {
                            for (Engine e : List.of(integer, floating, reference)) e.inject(net.populations().get(p).name(), n, s);
                        }
                    }
                }
            }
            SpikeTrain a = run(integer);
            SpikeTrain b = run(floating);
            SpikeTrain c = run(reference);
            saturations += integer.saturations();
            quantization += squared(EngineComparison.compare(a, b, pops), inputPopulations);
            quantizationOwn += squared(EngineComparison.compare(b, new SpikeTrain(), pops), inputPopulations);
            discretisation += squared(EngineComparison.compare(b, c, pops), inputPopulations);
            discretisationOwn += squared(EngineComparison.compare(c, new SpikeTrain(), pops), inputPopulations);
            int floatWinner = winner(b, output, net.populations().get(output).size());
            if (floatWinner >= 0) {
                decisive++;
                if (winner(a, output, net.populations().get(output).size()) == floatWinner) agreeing++;
            }
        }
        return new Figures(inputs, quantizationOwn == 0 ? 0 : quantization / quantizationOwn,
                discretisationOwn == 0 ? 0 : discretisation / discretisationOwn, agreeing, decisive, encoded.weightsRoundedToZero(), saturations);
    }

    private SpikeTrain run(Engine engine) {
        SpikeTrain all = new SpikeTrain();
        engine.run(steps, (step, s) -> {
            for (int i = 0; i < s.size(); i++) all.add(s, i);
        }, false);
        return all;
    }

    /** Squared distance over the populations that are not inputs. */
    private static double squared(EngineComparison.Comparison c, List<Integer> inputs) {
        double sum = 0;
        for (int p = 0; p < c.distance().length; p++) if (!inputs.contains(p)) sum += c.distance()[p] * c.distance()[p];
        return sum;
    }

    /** The population named output, else the last one that is not an input. */
    private static int outputPopulation(Network net, List<Integer> inputs) {
        for (int p = 0; p < net.populations().size(); p++) if (net.populations().get(p).name().equals("output")) return p;
        for (int p = net.populations().size() - 1; p >= 0; p--) if (!inputs.contains(p)) return p;
        return net.populations().size() - 1;
    }

    /** The neuron with the most spikes, or -1 when none spiked or several tie. */
    private static int winner(SpikeTrain t, int population, int size) {
        long[] count = new long[size];
        for (int i = 0; i < t.size(); i++) if (t.population(i) == population) count[t.neuron(i)] += t.count(i);
        int best = -1;
        long most = 0;
        boolean tie = false;
        for (int n = 0; n < size; n++) {
            if (count[n] > most) {
                most = count[n];
                best = n;
                tie = false;
            } else if (count[n] == most && most > 0) {
                tie = true;
            }
        }
        return tie ? -1 : best;
    }
}
