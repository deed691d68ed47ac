package myelin.frontend;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import myelin.frontend.ast.Ast;
import myelin.ir.diag.Diagnostics;
import myelin.ir.diag.SourceLocation;
import myelin.ir.diag.Suggestions;
import myelin.ir.network.Distribution;
import myelin.ir.units.Dimension;
import myelin.ir.units.Unit;
import myelin.ir.units.Units;

/** Evaluates setting values with dimension checks; every failure becomes a located diagnostic. */
final class Values {
    private final Diagnostics diagnostics;

    /** Files that includes and file(...) resolved to, for LoadedNetwork.files. */
    private final java.util.Set<java.nio.file.Path> filesRead = new java.util.LinkedHashSet<>();

    Values(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void fileRead(java.nio.file.Path file) {
        filesRead.add(file);
    }

    java.util.List<java.nio.file.Path> filesRead() {
        return java.util.List.copyOf(filesRead);
    }

    void error(SourceLocation loc, String message) {
        diagnostics.error(loc, message);
    }

    /** An example unit for messages: "a time (e.g. ms)". */
    static String expected(Dimension dim) {
        if (dim.equals(Dimension.NONE)) return "a plain number";
        String symbol = Units.displaySymbol(dim);
        return symbol.isEmpty() ? dim.describe() : dim.describe() + " (e.g. " + symbol + ")";
    }

    /** A quantity in SI units, checked against {@code dim}. */
    OptionalDouble quantity(Ast.Value value, Dimension dim, String what) {
        if (!(value instanceof Ast.Quantity q)) {
            error(value.loc(), "'" + what + "' needs " + expected(dim) + ", got " + describe(value));
            return OptionalDouble.empty();
        }
        return quantity(q.number(), q.unit(), q.loc(), dim, what);
    }

    OptionalDouble quantity(BigDecimal number, String unitSymbol, SourceLocation loc, Dimension dim, String what) {
        double si;
        if (unitSymbol.isEmpty()) {
            if (!dim.equals(Dimension.NONE)) {
                error(loc, "'" + what + "' needs a unit: it is " + expected(dim));
                return OptionalDouble.empty();
            }
            si = number.doubleValue();
        } else {
            Optional<Unit> unit = Units.lookup(unitSymbol);
            if (unit.isEmpty()) {
                error(loc, "unknown unit '" + unitSymbol + "'" + Suggestions.didYouMean(unitSymbol, Units.symbols()));
                return OptionalDouble.empty();
            }
            if (!unit.get().dimension().equals(dim)) {
                String expectedText = dim.equals(Dimension.NONE) ? "is dimensionless" : "expects " + expected(dim);
                error(loc, "unit mismatch: '" + what + "' " + expectedText + ", but " + unitSymbol + " is "
                        + unit.get().dimension().describe());
                return OptionalDouble.empty();
            }
            si = Units.toSi(number, unit.get());
        }
        if (!Double.isFinite(si)) {
            error(loc, "'" + what + "' is out of range");
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(si);
    }

    /** A constant, uniform(low, high) or normal(mean, sd[, low, high]). */
    Optional<Distribution> distribution(Ast.Value value, Dimension dim, String what) {
        if (value instanceof Ast.Quantity) {
            OptionalDouble v = quantity(value, dim, what);
            return v.isPresent() ? Optional.of(new Distribution.Constant(v.getAsDouble())) : Optional.empty();
        }
        if (!(value instanceof Ast.Call call)) {
            error(value.loc(), "'" + what + "' needs " + expected(dim) + " or a distribution, got " + describe(value));
            return Optional.empty();
        }
        String f = call.function().text();
        List<Ast.Value> args = call.args();
        switch (f) {
            case "uniform" -> {
                if (!arity(call, 2, 2)) return Optional.empty();
                OptionalDouble lo = quantity(args.get(0), dim, what);
                OptionalDouble hi = quantity(args.get(1), dim, what);
                if (lo.isEmpty() || hi.isEmpty()) return Optional.empty();
                return Optional.of(new Distribution.Uniform(lo.getAsDouble(), hi.getAsDouble()));
            }
            case "normal" -> {
                if (!arity(call, 2, 4) || args.size() == 3) {
                    if (args.size() == 3) error(call.loc(), "normal takes (mean, sd) or (mean, sd, low, high)");
                    return Optional.empty();
                }
                OptionalDouble mean = quantity(args.get(0), dim, what);
                OptionalDouble sd = quantity(args.get(1), dim, what);
                OptionalDouble lo = args.size() == 4 ? bound(args.get(2), dim, what, Double.NEGATIVE_INFINITY) : OptionalDouble.of(Double.NEGATIVE_INFINITY);
                OptionalDouble hi = args.size() == 4 ? bound(args.get(3), dim, what, Double.POSITIVE_INFINITY) : OptionalDouble.of(Double.POSITIVE_INFINITY);
                if (mean.isEmpty() || sd.isEmpty() || lo.isEmpty() || hi.isEmpty()) return Optional.empty();
                return Optional.of(new Distribution.Normal(mean.getAsDouble(), sd.getAsDouble(), lo.getAsDouble(), hi.getAsDouble()));
            }
            default -> {
                error(call.function().loc(), "unknown distribution '" + f + "'"
                        + Suggestions.didYouMean(f, List.of("uniform", "normal")) + " (known: uniform, normal)");
                return Optional.empty();
            }
        }
    }

    /** A normal's bound: a quantity, or inf / -inf for "unbounded on this side". */
    private OptionalDouble bound(Ast.Value value, Dimension dim, String what, double infinity) {
        if (value instanceof Ast.Name n && n.name().equals("inf") && n.negated() == (infinity < 0)) {
            return OptionalDouble.of(infinity);
        }
        return quantity(value, dim, what);
    }

    boolean arity(Ast.Call call, int min, int max) {
        int n = call.args().size();
        if (n >= min && n <= max) return true;
        String count = min == max ? String.valueOf(min) : min + " to " + max;
        error(call.loc(), "'" + call.function().text() + "' takes " + count + " arguments, got " + n);
        return false;
    }

    /** A whole number in [min, max]. */
    OptionalLong integer(Ast.Value value, String what, long min, long max) {
        if (!(value instanceof Ast.Quantity q) || !q.unit().isEmpty()) {
            error(value.loc(), "'" + what + "' needs a whole number, got " + describe(value));
            return OptionalLong.empty();
        }
        return integer(q.number(), q.loc(), what, min, max);
    }

    OptionalLong integer(BigDecimal number, SourceLocation loc, String what, long min, long max) {
        BigDecimal n = number.stripTrailingZeros();
        if (n.scale() > 0) {
            error(loc, "'" + what + "' needs a whole number, got " + number.toPlainString());
            return OptionalLong.empty();
        }
        if (n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
            String range = max == Long.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
            error(loc, "'" + what + "' must be " + range + ", got " + n.toPlainString());
            return OptionalLong.empty();
        }
        return OptionalLong.of(n.longValueExact());
    }

    Optional<Boolean> bool(Ast.Value value, String what) {
        if (value instanceof Ast.Name n && !n.negated() && (n.name().equals("true") || n.name().equals("false"))) {
            return Optional.of(n.name().equals("true"));
        }
        error(value.loc(), "'" + what + "' needs true or false, got " + describe(value));
        return Optional.empty();
    }

    Optional<String> choice(Ast.Value value, String what, List<String> options) {
        if (value instanceof Ast.Name n && !n.negated() && options.contains(n.name())) return Optional.of(n.name());
        String got = value instanceof Ast.Name n ? "'" + n.name() + "'" : describe(value);
        String hint = value instanceof Ast.Name n ? Suggestions.didYouMean(n.name(), options) : "";
        error(value.loc(), "'" + what + "' must be one of " + String.join(", ", options) + ", got " + got + hint);
        return Optional.empty();
    }

    Optional<String> name(Ast.Value value, String what) {
        if (value instanceof Ast.Name n && !n.negated()) return Optional.of(n.name());
        error(value.loc(), "'" + what + "' needs a name, got " + describe(value));
        return Optional.empty();
    }

    static String describe(Ast.Value value) {
        if (value instanceof Ast.Quantity q) {
            return q.unit().isEmpty() ? "the number " + q.number().toPlainString() : "'" + q.number().toPlainString() + " " + q.unit() + "'";
        }
        if (value instanceof Ast.Call c) return "a call of '" + c.function().text() + "'";
        if (value instanceof Ast.ListValue) return "a list";
        if (value instanceof Ast.Tuple) return "a tuple";
        if (value instanceof Ast.SpikeAt) return "a spike";
        if (value instanceof Ast.Text) return "a string";
        Ast.Name n = (Ast.Name) value;
        return "the name '" + (n.negated() ? "-" : "") + n.name() + "'";
    }
}
