package myelin.frontend;

import java.util.Optional;
import myelin.frontend.ast.Ast;
import myelin.frontend.grammar.SnnLexer;
import myelin.frontend.grammar.SnnParser;
import myelin.ir.diag.Diagnostics;
import myelin.ir.diag.SourceLocation;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/** Parses one .snn text into an AST, turning every syntax error into a diagnostic. */
public final class SyntaxReader {
    private SyntaxReader() {}

    /** The AST, or empty when the text has syntax errors (all of them are reported). */
    public static Optional<Ast.File> read(String path, String text, Diagnostics diagnostics) {
        var errors = new ErrorCollector(path, diagnostics);
        SnnLexer lexer = new SnnLexer(CharStreams.fromString(text, path));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        SnnParser parser = new SnnParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        SnnParser.FileContext tree = parser.file();
        if (errors.count > 0) return Optional.empty();
        return Optional.of(new AstBuilder(path).file(tree));
    }

    private static final class ErrorCollector extends BaseErrorListener {
        private final String path;
        private final Diagnostics diagnostics;
        private int count;

        ErrorCollector(String path, Diagnostics diagnostics) {
            this.path = path;
            this.diagnostics = diagnostics;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column,
                                String message, RecognitionException e) {
            count++;
            String text = message;
            if (offending instanceof Token t && t.getType() == SnnLexer.ERROR_CHAR) {
                text = "unexpected character '" + t.getText() + "'";
            } else if (offending instanceof Token t && t.getType() == Token.EOF) {
                text = friendly(message).replace("'<EOF>'", "end of file").replace("<EOF>", "end of file");
            } else {
                text = friendly(message);
            }
            diagnostics.error(new SourceLocation(path, line, column + 1), text);
        }

        private static final java.util.regex.Pattern EXPECTING = java.util.regex.Pattern.compile("expecting (\\{.*}|\\S+)$");
        private static final java.util.Set<String> KEYWORDS = java.util.Set.of("'network'", "'model'", "'synapse'",
                "'population'", "'projection'", "'record'", "'target'", "'init'", "'include'");

        /** ANTLR's phrasing made plain: "unexpected X, expecting '}' or a name". */
        private static String friendly(String message) {
            String m = message.replace("<EOF>", "end of file").replace("'end of file'", "end of file")
                    .replaceFirst("^(extraneous|mismatched) input ", "unexpected ");
            var matcher = EXPECTING.matcher(m);
            if (!matcher.find()) return m;
            String expected = matcher.group(1);
            java.util.List<String> items = new java.util.ArrayList<>(expected.startsWith("{")
                    ? java.util.Arrays.asList(expected.substring(1, expected.length() - 1).split(", "))
                    : java.util.List.of(expected));
            if (items.contains("ID")) {
                items.removeIf(i -> i.equals("ID") || KEYWORDS.contains(i));
                items.add("a name");
            }
            items.replaceAll(i -> switch (i) {
                case "INT" -> "a whole number";
                case "FLOAT" -> "a number";
                case "STRING" -> "a string";
                default -> i;
            });
            return m.substring(0, matcher.start()).stripTrailing().replaceFirst("([^,])$", "$1,")
                    + " expecting " + String.join(" or ", items);
        }
    }
}
