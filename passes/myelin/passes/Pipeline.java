package myelin.passes;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import myelin.ir.synapses.Expander;
import myelin.ir.target.TargetSpec;
import myelin.passes.encode.Encode;
import myelin.passes.expand.Expand;
import myelin.passes.pack.Pack;
import myelin.passes.partition.Partition;
import myelin.passes.place.Place;
import myelin.passes.quantize.Quantize;
import myelin.passes.route.Route;
import myelin.passes.schedule.DelaySchedule;

/** The named pipelines; a pipeline is a plain ordered list of passes for one target. */
public enum Pipeline {
    NONE("none", "parse and verify only"),
    QUANTIZE("quantize", "physical parameters to the target profile's integers"),
    SIMULATE("simulate", "quantize, expand the connectivity and encode it in integers: what the integer engine runs"),
    MAP("map", "simulate's passes, then partition into cores, schedule delays and pack the synapses: the hardware IR"),
    MACHINE("machine", "map's passes, then place the cores on a chip mesh and route their packets"),
    THRESHOLD("threshold", "simulate's passes, then map the threshold gates onto the target's threshold-logic cells");

    /** How the passes that do heavy work may do it: threads, and a progress callback. */
    public record Options(int threads, Expander.Progress progress) {
        public static final Options SEQUENTIAL = new Options(1, Expander.Progress.NONE);
    }

    private final String name;
    private final String summary;

    Pipeline(String name, String summary) {
        this.name = name;
        this.summary = summary;
    }

    public String pipelineName() {
        return name;
    }

    public String summary() {
        return summary;
    }

    public List<Pass<?>> passes(TargetSpec target, Options options) {
        return switch (this) {
            case NONE -> List.of();
            case QUANTIZE -> List.of(new Quantize(target));
            case SIMULATE -> List.of(new Quantize(target), new Expand(options.threads(), options.progress()), new Encode());
            case MAP -> List.of(new Quantize(target), new Expand(options.threads(), options.progress()), new Encode(), new Partition(target),
                    new DelaySchedule(), new Pack(target, options.threads()));
            case MACHINE -> {
                List<Pass<?>> passes = new java.util.ArrayList<>(MAP.passes(target, options));
                passes.add(new Place(target));
                passes.add(new Route(target));
                yield List.copyOf(passes);
            }
            case THRESHOLD -> {
                List<Pass<?>> passes = new java.util.ArrayList<>(SIMULATE.passes(target, options));
                passes.add(new myelin.passes.threshold.ThresholdMap(target.cells()));
                yield List.copyOf(passes);
            }
        };
    }

    public List<Pass<?>> passes(TargetSpec target) {
        return passes(target, Options.SEQUENTIAL);
    }

    public static Optional<Pipeline> named(String name) {
        return Arrays.stream(values()).filter(p -> p.name.equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(p -> p.name).toList();
    }

    /** Every pass any pipeline runs, by name (golden tests run each alone). */
    public static Optional<Pass<?>> pass(String name, TargetSpec target) {
        return MACHINE.passes(target).stream().filter(p -> p.info().name().equals(name)).findFirst();
    }
}
