package io.tideway.engine.expr.sql;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.impl.ParseException;
import org.apache.calcite.sql.parser.impl.Token;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Calcite's SQL parser configured to read like Spark (case kept, backtick quoting, lenient
 * conformance), shared by {@code expr()} and {@code sql()}.
 *
 * <p>Where Calcite reserves a word that Spark lets name a column ({@code value}, {@code timestamp},
 * {@code count}, {@code window}), a failed parse is retried with that word backticked; only words
 * at the point Calcite failed are touched, so keywords that parse are never re-read. A parse that
 * still fails becomes Spark's {@code [PARSE_SYNTAX_ERROR]}.
 *
 * <p>Stateless and safe to call from any thread. The first call in a JVM pays for loading
 * Calcite's generated parser (about 0.35-0.65 s on the 2-core reference machine); a warm parse
 * takes about 10 us, or about 3 ms per reserved word that forces a retry (Calcite's failed parse
 * builds its full expected-token list).
 */
public final class SparkDialectParser {
    public static final SqlParser.Config CONFIG = SqlParser.config()
            .withCaseSensitive(false)
            .withUnquotedCasing(Casing.UNCHANGED)
            .withQuotedCasing(Casing.UNCHANGED)
            .withQuoting(Quoting.BACK_TICK)
            .withConformance(SqlConformanceEnum.LENIENT)
            .withIdentifierMaxLength(Short.MAX_VALUE);

    /** Words that shape a query; backticking one of them would hide the user's real mistake. */
    private static final Set<String> STRUCTURAL = Set.of("SELECT", "FROM", "WHERE", "GROUP", "BY", "ORDER",
            "HAVING", "LIMIT", "OFFSET", "FETCH", "UNION", "EXCEPT", "INTERSECT", "MINUS", "AS", "AND", "OR",
            "NOT", "IS", "NULL", "TRUE", "FALSE", "UNKNOWN", "CAST", "CASE", "WHEN", "THEN", "ELSE", "END", "IN",
            "BETWEEN", "LIKE", "SIMILAR", "ESCAPE", "DISTINCT", "ALL", "ANY", "SOME", "EXISTS", "OVER",
            "FILTER", "WITHIN", "INTERVAL", "ON", "JOIN", "WITH", "VALUES");

    private SparkDialectParser() {
    }

    /** The parsed tree and the text it was parsed from, with the words the retries backticked. */
    public record Parsed(SqlNode node, SourceText src) {
    }

    /**
     * Parses {@code src} as one statement, backticking at most {@code maxEscapes} reserved words;
     * throws {@code [PARSE_SYNTAX_ERROR]} for text that still does not parse.
     */
    public static Parsed parse(SourceText src, int maxEscapes) {
        for (int escapes = 0; ; escapes++) {
            try {
                return new Parsed(SqlParser.create(src.sql(), CONFIG).parseQuery(), src);
            } catch (SqlParseException e) {
                int word = escapes < maxEscapes ? reservedWordAt(e, src) : -1;
                if (word < 0) {
                    throw SyntaxErrors.fromCalcite(e, src);
                }
                src = src.escape(word, src.wordEnd(word));
            }
        }
    }

    /**
     * The original offset of a reserved, non-structural bare word among the tokens where Calcite
     * failed (those it could not match, then the last one it consumed), or -1.
     */
    private static int reservedWordAt(SqlParseException e, SourceText src) {
        if (!(e.getCause() instanceof ParseException pe) || pe.currentToken == null || pe.currentToken.next == null) {
            return -1;
        }
        List<Token> candidates = new ArrayList<>();
        SyntaxErrors.lookahead(pe).forEach(candidates::add);
        candidates.add(pe.currentToken); // a word Calcite consumed before failing, as in count(value)
        for (Token t : candidates) {
            int offset = src.originalOffset(t.beginLine, t.beginColumn);
            int end = src.wordEnd(offset);
            if (t.kind != 0 && end - offset == t.image.length() && !src.isEscaped(offset)) {
                String upper = t.image.toUpperCase(Locale.ROOT);
                boolean field = offset > 0 && src.original().charAt(offset - 1) == '.'; // window.end
                if (Keywords.METADATA.isReservedWord(upper) && (field || !STRUCTURAL.contains(upper))) {
                    return offset;
                }
            }
        }
        return -1;
    }

    /** Calcite's keyword tables, loaded once on first use. */
    private static final class Keywords {
        static final SqlAbstractParserImpl.Metadata METADATA = SqlParser.create("", CONFIG).getMetadata();
    }
}
