package myelin.passes;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One form of the program between source and hardware, with the verifier that checks it,
 * the printer that shows it and, where its text stands alone, the reader that parses that
 * text back. The stages are registered once, in {@link Stages}.
 *
 * @param <T> the IR this stage holds
 */
public final class Stage<T> {
    /** Parses a stage's text; {@code path} names it in diagnostics. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(String path, String text);
    }

    private final String name;
    private final Class<T> type;
    private final Function<T, String> printer;
    private final Function<T, List<String>> verifier;
    private final Reader<T> reader;

    Stage(String name, Class<T> type, Function<T, String> printer, Function<T, List<String>> verifier, Reader<T> reader) {
        this.name = name;
        this.type = type;
        this.printer = printer;
        this.verifier = verifier;
        this.reader = reader;
    }

    public String name() {
        return name;
    }

    public T cast(Object value) {
        return type.cast(value);
    }

    public String print(T value) {
        return printer.apply(value);
    }

    /** The broken invariants, empty when the value is well formed. */
    public List<String> verify(T value) {
        return verifier.apply(value);
    }

    /** The reader of this stage's text, where the text parses in {@code ir/} (the network's is the frontend's .snn). */
    public Optional<Reader<T>> reader() {
        return Optional.ofNullable(reader);
    }

    @Override
    public String toString() {
        return name;
    }
}
