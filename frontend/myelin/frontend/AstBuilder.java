package myelin.frontend;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import myelin.frontend.ast.Ast;
import myelin.frontend.grammar.SnnBaseVisitor;
import myelin.frontend.grammar.SnnParser;
import myelin.ir.diag.SourceLocation;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Turns the ANTLR parse tree of a syntactically valid file into {@link Ast} records. */
final class AstBuilder extends SnnBaseVisitor<Object> {
    private final String path;

    AstBuilder(String path) {
        this.path = path;
    }

    private SourceLocation loc(Token t) {
        return new SourceLocation(path, t.getLine(), t.getCharPositionInLine() + 1);
    }

    private SourceLocation loc(ParserRuleContext c) {
        return loc(c.getStart());
    }

    Ast.File file(SnnParser.FileContext ctx) {
        List<Ast.Include> includes = new ArrayList<>();
        List<Ast.Network> networks = new ArrayList<>();
        List<Ast.Model> models = new ArrayList<>();
        List<Ast.Target> targets = new ArrayList<>();
        for (var d : ctx.decl()) {
            if (d.include() != null) includes.add(include(d.include()));
            if (d.network() != null) networks.add(network(d.network()));
            if (d.model() != null) models.add(model(d.model()));
            if (d.target() != null) targets.add(target(d.target()));
        }
        return new Ast.File(path, includes, networks, models, targets);
    }

    private Ast.Include include(SnnParser.IncludeContext c) {
        return new Ast.Include(unquote(c.STRING().getText()), loc(c.STRING().getSymbol()));
    }

    private Ast.Network network(SnnParser.NetworkContext c) {
        List<Ast.Setting> settings = new ArrayList<>();
        List<Ast.Model> models = new ArrayList<>();
        List<Ast.Population> populations = new ArrayList<>();
        List<Ast.Projection> projections = new ArrayList<>();
        List<Ast.Record> records = new ArrayList<>();
        List<Ast.Target> targets = new ArrayList<>();
        List<Ast.Include> includes = new ArrayList<>();
        for (var item : c.netItem()) {
            if (item.setting() != null) settings.add(setting(item.setting()));
            if (item.model() != null) models.add(model(item.model()));
            if (item.population() != null) populations.add(population(item.population()));
            if (item.projection() != null) projections.add(projection(item.projection()));
            if (item.record() != null) records.add(record(item.record()));
            if (item.target() != null) targets.add(target(item.target()));
            if (item.include() != null) includes.add(include(item.include()));
        }
        return new Ast.Network(ident(c.ident()), settings, models, populations, projections, records, targets, includes);
    }

    private Ast.Ident ident(SnnParser.IdentContext c) {
        String text = c.getText();
        boolean quoted = text.length() > 1 && text.startsWith("`") && text.endsWith("`");
        return new Ast.Ident(quoted ? text.substring(1, text.length() - 1) : text, loc(c));
    }

    private Ast.Setting setting(SnnParser.SettingContext c) {
        return new Ast.Setting(ident(c.ident()), value(c.value()));
    }

    private List<Ast.Setting> settings(List<SnnParser.SettingContext> cs) {
        return cs.stream().map(this::setting).toList();
    }

    private Ast.Model model(SnnParser.ModelContext c) {
        List<Ast.Setting> settings = new ArrayList<>();
        List<Ast.Synapse> synapses = new ArrayList<>();
        for (var item : c.modelItem()) {
            if (item.setting() != null) settings.add(setting(item.setting()));
            if (item.synapse() != null) synapses.add(synapse(item.synapse()));
        }
        return new Ast.Model(ident(c.ident(0)), ident(c.ident(1)), settings, synapses);
    }

    private Ast.Synapse synapse(SnnParser.SynapseContext c) {
        return new Ast.Synapse(ident(c.ident()), settings(c.setting()));
    }

    private Ast.Population population(SnnParser.PopulationContext c) {
        List<Ast.Setting> settings = new ArrayList<>();
        List<Ast.Setting> inits = new ArrayList<>();
        List<Ast.Synapse> synapses = new ArrayList<>();
        for (var item : c.popItem()) {
            if (item.setting() != null) settings.add(setting(item.setting()));
            else if (item.synapse() != null) synapses.add(synapse(item.synapse()));
            else inits.add(new Ast.Setting(ident(item.ident()), value(item.value())));
        }
        List<Ast.Quantity> shape = c.shape().INT().stream()
                .map(t -> new Ast.Quantity(new BigDecimal(t.getText()), "", true, loc(t.getSymbol()))).toList();
        return new Ast.Population(ident(c.ident(0)), ident(c.ident(1)), shape, settings, inits, synapses);
    }

    private Ast.Projection projection(SnnParser.ProjectionContext c) {
        Ast.Ident name = c.name != null ? ident(c.name) : new Ast.Ident("", loc(c));
        List<Ast.Value> args = c.connector().value().stream().map(this::value).toList();
        return new Ast.Projection(name, ident(c.pre), ident(c.post), ident(c.connector().ident()), args,
                settings(c.setting()), loc(c));
    }

    private Ast.Record record(SnnParser.RecordContext c) {
        List<Ast.Ident> vars = c.ident().subList(1, c.ident().size()).stream().map(this::ident).toList();
        return new Ast.Record(ident(c.ident(0)), vars);
    }

    private Ast.Target target(SnnParser.TargetContext c) {
        return new Ast.Target(ident(c.ident()), settings(c.setting()));
    }

    private Ast.Value value(SnnParser.ValueContext c) {
        return (Ast.Value) visit(c);
    }

    private List<Ast.Value> values(List<SnnParser.ValueContext> cs) {
        return cs.stream().map(this::value).toList();
    }

    @Override
    public Object visitQuantity(SnnParser.QuantityContext c) {
        BigDecimal number = new BigDecimal(c.number.getText());
        if (c.sign != null) number = number.negate();
        String unit = c.unit == null ? "" : c.unit.getText();
        return new Ast.Quantity(number, unit, c.number.getType() == SnnParser.INT, loc(c));
    }

    @Override
    public Object visitCall(SnnParser.CallContext c) {
        return new Ast.Call(ident(c.ident()), values(c.value()), loc(c));
    }

    @Override
    public Object visitList(SnnParser.ListContext c) {
        return new Ast.ListValue(values(c.value()), loc(c));
    }

    @Override
    public Object visitTuple(SnnParser.TupleContext c) {
        return new Ast.Tuple(values(c.value()), loc(c));
    }

    @Override
    public Object visitSpikeAt(SnnParser.SpikeAtContext c) {
        return new Ast.SpikeAt(new BigDecimal(c.neuron.getText()), value(c.time), loc(c));
    }

    @Override
    public Object visitString(SnnParser.StringContext c) {
        return new Ast.Text(unquote(c.STRING().getText()), loc(c));
    }

    @Override
    public Object visitName(SnnParser.NameContext c) {
        return new Ast.Name(ident(c.ident()).text(), false, loc(c));
    }

    @Override
    public Object visitNegatedName(SnnParser.NegatedNameContext c) {
        return new Ast.Name(ident(c.ident()).text(), true, loc(c));
    }

    private static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
