package io.tideway.engine.expr.sql;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.sql.catalyst.parser.ParseException;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Column;
import io.tideway.sql.functions;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.Locale;
import java.util.Map;

/**
 * Parses the SQL expression text of {@code functions.expr} and {@code Dataset.selectExpr} into a
 * {@link Column}, using Calcite's SQL parser configured to read like Spark
 * ({@link SparkDialectParser}: case kept, backtick quoting, lenient conformance). The text is
 * parsed as the single item of {@code SELECT <text>}, which gives aliases ({@code v * 2 AS doubled}, {@code v * 2 doubled}) for free; anything after
 * that one item is a syntax error, as in Spark.
 *
 * <p>Where Calcite reserves a word that Spark lets name a column ({@code value}, {@code timestamp},
 * {@code count}, {@code window}), a failed parse is retried with that word backticked.
 *
 * <p>Stateless and safe to call from any thread. The first call in a JVM pays for loading
 * Calcite's generated parser (about 0.35-0.65 s on the 2-core reference machine); a warm parse
 * takes about 10 us, or about 3 ms when a reserved word forces a retry (Calcite's failed parse
 * builds its full expected-token list).
 */
public final class SqlExpressionParser {
    /** Bounds the reserved-word retries: each escapes one more word of the text. */
    private static final int MAX_ESCAPES = 16;

    private SqlExpressionParser() {
    }

    /**
     * Parses {@code text}; throws {@link AnalysisException} with Spark's {@code PARSE_SYNTAX_ERROR}
     * for text that is not one expression, {@code UNRESOLVED_ROUTINE} for an unknown function.
     */
    public static Column parseColumn(String text) {
        if (text == null || text.isBlank()) {
            throw SyntaxErrors.emptyStatement(text);
        }
        java.util.List<SparkClauses.MultiAlias> multi = SparkClauses.multiAliases(text);
        if (!multi.isEmpty()) { // gen(a) AS (x, y): a generator's column names, which SourceText hid from Calcite
            Column inner = parseSingle(text);
            return new Column(new io.tideway.engine.expr.MultiAlias(inner.expr(), multi.get(0).names()));
        }
        return parseSingle(text);
    }

    private static Column parseSingle(String text) {
        SparkDialectParser.Parsed parsed;
        try {
            parsed = SparkDialectParser.parse(SourceText.of(text), MAX_ESCAPES);
        } catch (Exception e) { // ParseException is checked, raised unchecked
            Column caseNamed = unfinishedCase(text);
            if (caseNamed != null) {
                return caseNamed;
            }
            throw Unchecked.raise(e);
        }
        SourceText src = parsed.src();
        SqlNode item = singleItem(parsed.node(), src);
        SqlNodeTranslator translator = new SqlNodeTranslator(src, "expr()");
        if (item.getKind() == SqlKind.AS) {
            SqlBasicCall as = (SqlBasicCall) item;
            rejectLiteralSuffix(as, src);
            return translator.translate(as.operand(0)).as(((SqlIdentifier) as.operand(1)).getSimple());
        }
        return translator.translate(item);
    }

    private static final java.util.regex.Pattern CASE_NAMED = java.util.regex.Pattern.compile(
            "(?is)\\s*(CASE)\\s+([a-z_][a-z0-9_]*)(\\s+(\\S).*)?");

    /**
     * A CASE Calcite could not read, as Spark's parser reads it: CASE is not reserved in Spark, so
     * {@code CASE x} is the column {@code CASE} named {@code x}; with more after it and no END,
     * a syntax error at the third token. Null where Calcite's error stands.
     */
    private static Column unfinishedCase(String text) {
        java.util.regex.Matcher m = CASE_NAMED.matcher(text);
        if (!m.matches()) {
            return null;
        }
        if (m.group(3) == null) {
            return io.tideway.engine.expr.CurrentOrigin.withOrigin(io.tideway.engine.expr.Origin.at(text, m.start(1)),
                    () -> functions.col(m.group(1)).as(m.group(2)));
        }
        if (text.strip().toUpperCase(Locale.ROOT).endsWith("END")) {
            return null;
        }
        int at = m.start(4);
        int end = at;
        while (end < text.length() && SourceText.isWordPart(text.charAt(end))) {
            end++;
        }
        throw SyntaxErrors.at(text, at, text.substring(at, Math.max(end, at + 1)), null);
    }

    /**
     * Spark's {@code parseDataType}, for {@code Column.cast(String)}: the type by its SQL name. A
     * bare name no type has is Spark's {@code UNSUPPORTED_DATATYPE}, a parse error at that name.
     */
    public static DataType parseDataType(String text) {
        try {
            return DataTypes.fromName(text);
        } catch (IllegalArgumentException e) {
            String name = text.strip();
            if (name.isEmpty() || !SourceText.isWordStart(name.charAt(0))
                    || !name.chars().allMatch(ch -> SourceText.isWordPart((char) ch))) {
                throw e;
            }
            throw Unchecked.raise(new ParseException("UNSUPPORTED_DATATYPE", Map.of("typeName",
                    ErrorParams.expr(name.toUpperCase(Locale.ROOT))), text, text.indexOf(name), null));
        }
    }

    /** The one select item, or a syntax error at the first token after it (a comma, FROM, ...). */
    private static SqlNode singleItem(SqlNode query, SourceText src) {
        SqlSelect select = firstSelect(query, src);
        SqlNodeList items = select.getSelectList();
        SqlNode first = items.get(0);
        if (select.getModifierNode(org.apache.calcite.sql.SqlSelectKeyword.DISTINCT) != null
                || select.getModifierNode(org.apache.calcite.sql.SqlSelectKeyword.ALL) != null
                || select.getModifierNode(org.apache.calcite.sql.SqlSelectKeyword.STREAM) != null
                || select.hasHints()) {
            throw tokenErrorAt(src, 0);
        }
        boolean clean = query == select && items.size() == 1 && select.getFrom() == null && select.getWhere() == null
                && select.getGroup() == null && select.getHaving() == null && select.getWindowList().isEmpty()
                && select.getQualify() == null && select.getOrderList() == null && select.getOffset() == null
                && select.getFetch() == null;
        if (clean) {
            return first;
        }
        SqlNode last = first.getKind() == SqlKind.AS ? ((SqlCall) first).operand(1) : first;
        SqlParserPos pos = last.getParserPosition();
        int after = src.originalOffset(pos.getEndLineNum(), pos.getEndColumnNum()) + 1;
        String text = src.original();
        while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
            after++;
        }
        throw tokenErrorAt(src, after);
    }

    /** The SELECT holding the user's item, below any ORDER BY or set operation it was parsed into. */
    private static SqlSelect firstSelect(SqlNode n, SourceText src) {
        if (n instanceof SqlSelect s) {
            return s;
        }
        if (n instanceof SqlOrderBy o) {
            return firstSelect(o.query, src);
        }
        if (n instanceof SqlCall c && c.operandCount() > 0) {
            return firstSelect(c.operand(0), src);
        }
        throw tokenErrorAt(src, 0);
    }

    private static RuntimeException tokenErrorAt(SourceText src, int offset) {
        String text = src.original();
        if (offset >= text.length()) {
            return SyntaxErrors.at(text, text.length(), null, null);
        }
        int end = src.wordEnd(offset);
        return SyntaxErrors.at(text, offset, text.substring(offset, end < 0 ? offset + 1 : end), null);
    }

    /**
     * Spark reads {@code 10L} as a bigint; Calcite reads it as {@code 10 AS L}. Refuse rather than
     * silently alias: an implicit alias glued to a number is a literal suffix.
     */
    private static void rejectLiteralSuffix(SqlBasicCall as, SourceText src) {
        SqlParserPos value = as.operand(0).getParserPosition();
        SqlParserPos alias = as.operand(1).getParserPosition();
        int valueEnd = src.originalOffset(value.getEndLineNum(), value.getEndColumnNum());
        int aliasStart = src.originalOffset(alias.getLineNum(), alias.getColumnNum());
        String text = src.original();
        if (aliasStart == valueEnd + 1 && valueEnd < text.length() && (Character.isDigit(text.charAt(valueEnd))
                || text.charAt(valueEnd) == '.')) {
            int end = src.wordEnd(aliasStart);
            String suffix = text.substring(aliasStart, end < 0 ? aliasStart + 1 : end);
            throw Unchecked.raise(new ParseException("UNSUPPORTED_EXPRESSION", Map.of("api", "expr()",
                    "what", "the numeric literal suffix '" + suffix + "'", "hint", "; write CAST(<number> AS BIGINT) or a plain number"),
                    text, aliasStart, null));
        }
    }
}
