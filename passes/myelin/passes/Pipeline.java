package myelin.passes;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import myelin.ir.integer.Profile;
import myelin.passes.quantize.Quantize;

/** The named pipelines; a pipeline is a plain ordered list of passes. */
public enum Pipeline {
    NONE("none", "parse and verify only"),
    QUANTIZE("quantize", "physical parameters to the profile's integers");

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

    public List<Pass> passes(Profile profile) {
        return switch (this) {
            case NONE -> List.of();
            case QUANTIZE -> List.of(new Quantize(profile));
        };
    }

    public static Optional<Pipeline> named(String name) {
        return Arrays.stream(values()).filter(p -> p.name.equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(p -> p.name).toList();
    }
}
