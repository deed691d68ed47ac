package myelin.cli;

import myelin.api.EngineComparison;
import myelin.api.Simulations;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
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
        "N random inputs and reports two relative squared van Rossum distances (docs/semantics.md, \"Two distances\"), how",
        "often the integer model's winning output neuron is the float model's (and, where not, the float winner's lead),",
        "each output neuron's spikes on both models,",
        "the saturated updates per population and each projection's weight error."})
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

    /**
     * What the runs add up to. {@code saturations} is per population that saturated (updates
     * that clipped a current or v); {@code integerOutput} and {@code floatOutput} are the output population's
     * spikes per neuron over all inputs, on the integer engine and the float step model;
     * {@code differingMargins}, for each decisive input whose winner differs, by how many spikes
     * the float model's winner led its runner-up (how close a call the integer model got wrong).
     */
    record Figures(int inputs, double quantization, double discretisation, int agreeing, int decisive, List<Long> differingMargins, long zeros,
                   Map<String, Long> saturations, String output, long[] integerOutput, long[] floatOutput) {
        double winnerAgreement() {
            return decisive == 0 ? 1 : (double) agreeing / decisive;
        }

        long saturationTotal() {
            return saturations.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Output neurons listed one by one up to this many; past it, those the two models disagree on most. */
    private static final int LISTED_OUTPUTS = 12;

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
            if (!f.differingMargins().isEmpty()) {
                out.printf(Locale.ROOT, "  where they differ, the float winner led its runner-up by %s spike(s)%n",
                        String.join(", ", f.differingMargins().stream().map(String::valueOf).toList()));
            }
            out.printf(Locale.ROOT, "  weights rounded to zero %d; population updates that saturated %d%s%n", f.zeros(), f.saturationTotal(),
                    f.saturations().isEmpty() ? "" : " (of " + (long) inputs * steps + " updates each: " + byName(f.saturations()) + ")");
            out.print(outputTable(f).indent(2));
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
        row.put("differing_margins", f.differingMargins());
        row.put("weights_rounded_to_zero", f.zeros());
        row.put("saturations", f.saturationTotal());
        row.put("saturations_by_population", f.saturations());
        row.put("output", f.output());
        row.put("output_spikes_integer", f.integerOutput());
        row.put("output_spikes_float", f.floatOutput());
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
        List<Long> differingMargins = new ArrayList<>();
        int pops = net.populations().size();
        Map<String, Long> saturations = new LinkedHashMap<>();
        int outputSize = net.populations().get(output).size();
        long[] integerOutput = new long[outputSize], floatOutput = new long[outputSize];
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
            integer.saturationsByPopulation().forEach((name, n) -> saturations.merge(name, n, Long::sum));
            long[] integerCounts = counts(a, output, outputSize), floatCounts = counts(b, output, outputSize);
            for (int n = 0; n < outputSize; n++) {
                integerOutput[n] += integerCounts[n];
                floatOutput[n] += floatCounts[n];
            }
            quantization += squared(EngineComparison.compare(a, b, pops), inputPopulations);
            quantizationOwn += squared(EngineComparison.compare(b, new SpikeTrain(), pops), inputPopulations);
            discretisation += squared(EngineComparison.compare(b, c, pops), inputPopulations);
            discretisationOwn += squared(EngineComparison.compare(c, new SpikeTrain(), pops), inputPopulations);
            int floatWinner = winner(floatCounts);
            if (floatWinner >= 0) {
                decisive++;
                if (winner(integerCounts) == floatWinner) agreeing++;
                else differingMargins.add(margin(floatCounts));
            }
        }
        return new Figures(inputs, quantizationOwn == 0 ? 0 : quantization / quantizationOwn,
                discretisationOwn == 0 ? 0 : discretisation / discretisationOwn, agreeing, decisive,
                differingMargins.stream().sorted().toList(), encoded.weightsRoundedToZero(), saturations,
                net.populations().get(output).name(), integerOutput, floatOutput);
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

    /** Spikes per neuron of one population in a train. */
    private static long[] counts(SpikeTrain t, int population, int size) {
        long[] count = new long[size];
        for (int i = 0; i < t.size(); i++) if (t.population(i) == population) count[t.neuron(i)] += t.count(i);
        return count;
    }

    /** "name: count, ..." */
    static String byName(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** The output population's spikes per neuron on both models, the most different first when there are many neurons. */
    private static String outputTable(Figures f) {
        int size = f.integerOutput().length;
        List<Integer> shown = new ArrayList<>();
        for (int n = 0; n < size; n++) shown.add(n);
        if (size > LISTED_OUTPUTS) {
            shown.sort(java.util.Comparator.comparingLong((Integer n) -> -Math.abs(f.integerOutput()[n] - f.floatOutput()[n])).thenComparing(n -> n));
            shown = new ArrayList<>(shown.subList(0, LISTED_OUTPUTS));
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "output population %s, spikes over all inputs%s%n", f.output(),
                size > LISTED_OUTPUTS ? " (the " + LISTED_OUTPUTS + " of " + size + " neurons that differ most)" : ""));
        s.append(String.format(Locale.ROOT, "%-8s %14s %18s %12s%n", "neuron", "integer engine", "float step model", "difference"));
        for (int n : shown) {
            long d = f.integerOutput()[n] - f.floatOutput()[n];
            s.append(String.format(Locale.ROOT, "%-8d %14d %18d %12s%n", n, f.integerOutput()[n], f.floatOutput()[n], d == 0 ? "" : String.format(Locale.ROOT, "%+d", d)));
        }
        return s.toString();
    }

    /** How many spikes the most active neuron has over the next. */
    private static long margin(long[] count) {
        long first = 0, second = 0;
        for (long c : count) {
            if (c > first) {
                second = first;
                first = c;
            } else if (c > second) {
                second = c;
            }
        }
        return first - second;
    }

    /** The neuron with the most spikes, or -1 when none spiked or several tie. */
    private static int winner(long[] count) {
        int best = -1;
        long most = 0;
        boolean tie = false;
        for (int n = 0; n < count.length; n++) {
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
