package myelin.ir.text;

import java.util.Arrays;
import myelin.ir.diag.InputException;
import myelin.ir.diag.SourceLocation;

/** Reads a stage's text line by line, placing every error at its line. */
public final class LineReader {
    private final String path;
    private final String[] lines;
    private int at;

    public LineReader(String path, String text) {
        this.path = path;
        this.lines = text.split("\n", -1);
    }

    public InputException error(String message) {
        return InputException.of(new SourceLocation(path, at + 1, 1), message);
    }

    /** The current line that is not blank, stripped; empty at the end. */
    public String peek() {
        while (at < lines.length && lines[at].isBlank()) at++;
        return at < lines.length ? lines[at].strip() : "";
    }

    public void advance() {
        at++;
    }

    /** Refuses a text that starts with the summary mark: a summary of a large stage does not parse. */
    public void refuseSummary(String mark) {
        if (peek().startsWith(mark)) throw error("this is a summary of a large network, which does not parse; print the stage in full");
    }

    /** Fails unless only blank lines are left. */
    public void expectEnd() {
        if (!peek().isEmpty()) throw error("text after the closing '}'");
    }

    /** The items of {@code [a, b, c]}. */
    public String[] list(String text) {
        if (!text.startsWith("[") || !text.endsWith("]")) throw error("expected a [list]");
        String inner = text.substring(1, text.length() - 1).strip();
        return inner.isEmpty() ? new String[0] : inner.split(",\\s*");
    }

    /** A list of exactly {@code size} integers. */
    public int[] ints(String text, int size) {
        try {
            int[] v = Arrays.stream(list(text)).mapToInt(Integer::parseInt).toArray();
            if (v.length != size) throw error(v.length + " values where " + size + " belong");
            return v;
        } catch (NumberFormatException e) {
            throw error("not an integer: " + e.getMessage());
        }
    }
}
