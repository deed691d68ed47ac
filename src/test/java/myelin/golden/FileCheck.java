package myelin.golden;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small in-process FileCheck: {@code CHECK}, {@code CHECK-NEXT}, {@code CHECK-SAME} and
 * {@code CHECK-NOT} over an output, with {@code {{regex}}}, captures {@code [[NAME:regex]]}
 * and uses {@code [[NAME]]}. Runs of blanks match any run of blanks.
 */
public final class FileCheck {
    public enum Kind { CHECK, NEXT, SAME, NOT }

    public record Directive(Kind kind, String pattern, int line) {}

    private static final Pattern DIRECTIVE = Pattern.compile("//\\s*CHECK(-NEXT|-SAME|-NOT)?:\\s?(.*)$");
    private static final Pattern TOKEN = Pattern.compile("\\{\\{(.*?)}}|\\[\\[(\\w+)(?::(.*?))?]]");

    private FileCheck() {}

    /** The CHECK directives of a test text, with their 1-based line numbers. */
    public static List<Directive> directives(String text) {
        List<Directive> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = DIRECTIVE.matcher(lines[i]);
            if (!m.find()) continue;
            Kind kind = m.group(1) == null ? Kind.CHECK : switch (m.group(1)) {
                case "-NEXT" -> Kind.NEXT;
                case "-SAME" -> Kind.SAME;
                default -> Kind.NOT;
            };
            out.add(new Directive(kind, m.group(2).strip(), i + 1));
        }
        return out;
    }

    /** Checks the output; the failure message names the directive and shows where the scan stood. */
    public static void check(List<Directive> directives, String output) {
        String[] lines = output.split("\n", -1);
        Map<String, String> vars = new HashMap<>();
        int line = 0;
        int col = 0;
        List<Directive> nots = new ArrayList<>();
        for (Directive d : directives) {
            if (d.kind() == Kind.NOT) {
                nots.add(d);
                continue;
            }
            Compiled c = compile(d, vars);
            Pattern p = c.pattern();
            int foundLine = -1;
            Matcher found = null;
            if (d.kind() == Kind.CHECK) {
                for (int l = line; l < lines.length && found == null; l++) {
                    Matcher m = p.matcher(normalize(lines[l]));
                    if (m.find(l == line ? Math.min(col, normalize(lines[l]).length()) : 0)) {
                        found = m;
                        foundLine = l;
                    }
                }
            } else {
                int l = d.kind() == Kind.NEXT ? line + 1 : line;
                int from = d.kind() == Kind.NEXT ? 0 : col;
                if (l < lines.length) {
                    Matcher m = p.matcher(normalize(lines[l]));
                    if (m.find(Math.min(from, normalize(lines[l]).length()))) {
                        found = m;
                        foundLine = l;
                    }
                }
            }
            if (found == null) {
                throw new AssertionError("line " + d.line() + ": " + label(d.kind()) + ": expected string not found: "
                        + d.pattern() + "\nscanning from output line " + (line + 1) + ":\n" + excerpt(lines, line));
            }
            checkNots(nots, lines, line, col, foundLine, found.start(), vars);
            nots.clear();
            capture(c, found, vars);
            line = foundLine;
            col = found.end();
        }
        checkNots(nots, lines, line, col, lines.length - 1, Integer.MAX_VALUE, vars);
    }

    private static void checkNots(List<Directive> nots, String[] lines, int fromLine, int fromCol, int toLine, int toCol,
                                  Map<String, String> vars) {
        for (Directive not : nots) {
            Pattern p = compile(not, vars).pattern();
            for (int l = fromLine; l <= toLine && l < lines.length; l++) {
                String text = normalize(lines[l]);
                int start = l == fromLine ? Math.min(fromCol, text.length()) : 0;
                int end = l == toLine ? Math.min(toCol, text.length()) : text.length();
                Matcher m = p.matcher(text).region(start, Math.max(start, end));
                if (m.find()) {
                    throw new AssertionError("line " + not.line() + ": CHECK-NOT: excluded string found on output line "
                            + (l + 1) + ": " + lines[l]);
                }
            }
        }
    }

    private static String label(Kind kind) {
        return kind == Kind.CHECK ? "CHECK" : "CHECK-" + kind.name();
    }

    private static String normalize(String s) {
        return s.replaceAll("[ \\t]+", " ");
    }

    /** A directive's regex and the variable each capture group defines, in group order. */
    private record Compiled(Pattern pattern, List<String> captureNames) {}

    private static Compiled compile(Directive d, Map<String, String> vars) {
        List<String> names = new ArrayList<>();
        StringBuilder re = new StringBuilder();
        String pattern = normalize(d.pattern());
        Matcher t = TOKEN.matcher(pattern);
        int last = 0;
        while (t.find()) {
            re.append(Pattern.quote(pattern.substring(last, t.start())));
            if (t.group(1) != null) {
                re.append("(?:").append(t.group(1)).append(")");
            } else if (t.group(3) != null) {
                names.add(t.group(2));
                re.append("(?<g").append(names.size()).append(">").append(t.group(3)).append(")");
            } else {
                String value = vars.get(t.group(2));
                if (value == null) throw new AssertionError("line " + d.line() + ": [[" + t.group(2) + "]] is used before it is defined");
                re.append(Pattern.quote(value));
            }
            last = t.end();
        }
        re.append(Pattern.quote(pattern.substring(last)));
        return new Compiled(Pattern.compile(re.toString()), names);
    }

    private static void capture(Compiled c, Matcher m, Map<String, String> vars) {
        List<String> names = c.captureNames();
        for (int i = 0; i < names.size(); i++) vars.put(names.get(i), m.group("g" + (i + 1)));
    }

    private static String excerpt(String[] lines, int from) {
        StringBuilder b = new StringBuilder();
        for (int l = Math.max(0, from); l < Math.min(lines.length, from + 8); l++) b.append("  ").append(lines[l]).append('\n');
        return b.toString();
    }
}
