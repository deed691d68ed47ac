package myelin.frontend.ast;

import java.math.BigDecimal;
import java.util.List;
import myelin.ir.diag.SourceLocation;

/** The .snn syntax tree: immutable records, each carrying where it was written. */
public final class Ast {
    private Ast() {}

    public record Ident(String text, SourceLocation loc) {}

    public sealed interface Value {
        SourceLocation loc();
    }

    /** A number with an optional unit symbol ("" when none). */
    public record Quantity(BigDecimal number, String unit, boolean integer, SourceLocation loc) implements Value {}

    public record Call(Ident function, List<Value> args, SourceLocation loc) implements Value {}

    public record ListValue(List<Value> items, SourceLocation loc) implements Value {}

    public record Tuple(List<Value> items, SourceLocation loc) implements Value {}

    public record SpikeAt(BigDecimal neuron, Value time, SourceLocation loc) implements Value {}

    public record Text(String text, SourceLocation loc) implements Value {}

    public record Name(String name, boolean negated, SourceLocation loc) implements Value {}

    public record Setting(Ident name, Value value) {}

    public record Synapse(Ident name, List<Setting> settings) {}

    public record Model(Ident name, Ident kind, List<Setting> settings, List<Synapse> synapses) {}

    public record Population(Ident name, Ident model, List<Quantity> shape, List<Setting> settings,
                             List<Setting> inits, List<Synapse> synapses) {}

    /** {@code name} is empty text when the projection is unnamed. */
    public record Projection(Ident name, Ident pre, Ident post, Ident connector, List<Value> connectorArgs,
                             List<Setting> settings, SourceLocation loc) {}

    public record Record(Ident population, List<Ident> variables) {}

    public record Target(Ident name, List<Setting> settings) {}

    public record Include(String path, SourceLocation loc) {}

    public record Network(Ident name, List<Setting> settings, List<Model> models, List<Population> populations,
                          List<Projection> projections, List<Record> records, List<Target> targets,
                          List<Include> includes) {}

    /** One parsed file: its top-level declarations (at most one network is allowed in all files). */
    public record File(String path, List<Include> includes, List<Network> networks, List<Model> models,
                       List<Target> targets) {}
}
