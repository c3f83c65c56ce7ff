package io.tideway.sql.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses type names ({@code int}, {@code bigint}, {@code array<string>}, {@code struct<a:int>})
 * and DDL field lists ({@code a INT, b STRING NOT NULL}) by recursive descent over the text, so a
 * failure can name the position Spark's parser names ({@link DdlParseException}). One instance per
 * parse; not thread-safe.
 */
final class TypeNames {
    private final String text;
    /** The next unread character. */
    private int pos;
    /**
     * The first unknown type name: Spark's grammar reads any name as a type and its visitor
     * refuses it later, so a syntax error anywhere in the text is reported before it.
     */
    private DdlParseException unsupported;

    private TypeNames(String text) {
        this.text = text;
    }

    /** Spark's {@code parseDataType}: one type, then the end of the text. */
    static DataType parse(String name) {
        TypeNames p = new TypeNames(name);
        DataType t = p.dataType();
        p.expectEnd();
        p.throwUnsupported();
        return t;
    }

    /** Spark's {@code parseTableSchema}: {@code name type [NOT NULL] [COMMENT 'text']}, comma separated, then the end. */
    static StructType parseFields(String ddl) {
        TypeNames p = new TypeNames(ddl);
        List<StructField> fields = new ArrayList<>();
        do {
            fields.add(p.field(false));
        } while (p.accept(','));
        p.expectEnd();
        p.throwUnsupported();
        return StructType.of(fields);
    }

    /** {@code name [:] type [NOT NULL] [COMMENT 'text']}; the colon only inside {@code struct<...>}. */
    private StructField field(boolean colon) {
        String name = name();
        if (colon) {
            accept(':');
        }
        DataType type = dataType();
        boolean nullable = true;
        int mark = pos;
        if ("not".equalsIgnoreCase(word())) {
            if (!"null".equalsIgnoreCase(word())) {
                throw syntaxError();
            }
            nullable = false;
        } else {
            pos = mark;
        }
        StructField field = new StructField(name, type, nullable);
        mark = pos;
        if ("comment".equalsIgnoreCase(word())) {
            return field.withComment(stringLiteral());
        }
        pos = mark;
        return field;
    }

    /** A quoted string ({@code '...'} or {@code "..."}) with Spark's backslash escapes; an unknown escape keeps the character. */
    private String stringLiteral() {
        skipSpaces();
        if (pos >= text.length() || (text.charAt(pos) != '\'' && text.charAt(pos) != '"')) {
            throw syntaxError();
        }
        char quote = text.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != quote) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                char e = text.charAt(pos++);
                sb.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'b' -> '\b';
                    case '0' -> '\0';
                    case 'Z' -> '\u001A';
                    default -> e;
                });
            } else {
                sb.append(c);
            }
        }
        if (pos >= text.length()) {
            throw syntaxError();
        }
        pos++;
        return sb.toString();
    }

    private DataType dataType() {
        skipSpaces();
        int start = pos;
        String word = word();
        if (word == null) {
            throw syntaxError();
        }
        switch (word.toLowerCase(Locale.ROOT)) {
            case "array" -> {
                expect('<');
                DataType element = dataType();
                expect('>');
                return new ArrayType(element, true);
            }
            case "map" -> {
                expect('<');
                DataType key = dataType();
                expect(',');
                DataType value = dataType();
                expect('>');
                return new MapType(key, value, true);
            }
            case "struct" -> {
                expect('<');
                List<StructField> fields = new ArrayList<>();
                if (!accept('>')) {
                    do {
                        fields.add(field(true));
                    } while (accept(','));
                    expect('>');
                }
                return StructType.of(fields);
            }
            case "boolean" -> {
                return DataTypes.BooleanType;
            }
            case "tinyint", "byte" -> {
                return DataTypes.ByteType;
            }
            case "smallint", "short" -> {
                return DataTypes.ShortType;
            }
            case "float", "real" -> {
                return DataTypes.FloatType;
            }
            case "int", "integer" -> {
                return DataTypes.IntegerType;
            }
            case "bigint", "long" -> {
                return DataTypes.LongType;
            }
            case "double" -> {
                return DataTypes.DoubleType;
            }
            case "decimal", "dec", "numeric" -> {
                if (!accept('(')) {
                    return new DecimalType(10, 0);
                }
                int precision = number();
                int scale = accept(',') ? number() : 0;
                expect(')');
                return decimal(precision, scale, start);
            }
            case "string" -> {
                return DataTypes.StringType;
            }
            case "char", "character", "varchar" -> {
                if (!accept('(')) {
                    String name = "\"" + word.toUpperCase(Locale.ROOT) + "\"";
                    if (unsupported == null) {
                        unsupported = new DdlParseException("DATATYPE_MISSING_SIZE", Map.of("type", name), text, start);
                    }
                    return DataTypes.NullType;
                }
                int length = number();
                expect(')');
                return word.equalsIgnoreCase("varchar") ? new VarcharType(length) : new CharType(length);
            }
            case "binary" -> {
                return DataTypes.BinaryType;
            }
            case "variant" -> {
                return DataTypes.VariantType;
            }
            case "timestamp", "timestamp_ltz" -> {
                return DataTypes.TimestampType;
            }
            case "timestamp_ntz" -> {
                return DataTypes.TimestampNTZType;
            }
            case "interval" -> {
                return interval();
            }
            case "date" -> {
                return DataTypes.DateType;
            }
            case "void", "null" -> {
                return DataTypes.NullType;
            }
            default -> {
                return unsupported(word, start);
            }
        }
    }

    /** Notes the first unknown type name; Spark shows it as its toSQLType does: upper-cased, in double quotes. */
    private DataType unsupported(String word, int start) {
        if (unsupported == null) {
            unsupported = new DdlParseException("UNSUPPORTED_DATATYPE",
                    Map.of("typeName", "\"" + word.toUpperCase(Locale.ROOT) + "\""), text, start);
        }
        return DataTypes.NullType;
    }

    /**
     * Spark's {@code INTERVAL} types: {@code interval} alone (a calendar interval), or
     * {@code interval year [to month]} / {@code interval day [to hour|minute|second]} and the other
     * ANSI field ranges, any case.
     */
    private DataType interval() {
        int mark = pos;
        String from = word();
        if (from == null) {
            pos = mark;
            return DataTypes.CalendarIntervalType;
        }
        byte ym = YearMonthIntervalType.stringToField(from);
        byte dt = DayTimeIntervalType.stringToField(from);
        if (ym < 0 && dt < 0) {
            pos = mark;
            return DataTypes.CalendarIntervalType;
        }
        mark = pos;
        String to = null;
        if ("to".equalsIgnoreCase(word())) {
            to = word();
            if (to == null) {
                throw syntaxError();
            }
        } else {
            pos = mark;
        }
        if (ym >= 0) {
            byte end = to == null ? ym : YearMonthIntervalType.stringToField(to);
            if (end < 0 || to != null && end <= ym) {
                throw syntaxError();
            }
            return new YearMonthIntervalType(ym, end);
        }
        byte end = to == null ? dt : DayTimeIntervalType.stringToField(to);
        if (end < 0 || to != null && end <= dt) {
            throw syntaxError();
        }
        return new DayTimeIntervalType(dt, end);
    }

    private int number() {
        String w = word();
        if (w == null || !w.chars().allMatch(Character::isDigit)) {
            throw syntaxError();
        }
        return Integer.parseInt(w);
    }

    private DecimalType decimal(int precision, int scale, int start) {
        if (precision < 1 || precision > DecimalType.MAX_PRECISION || scale > precision) {
            throw new DdlParseException("DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION",
                    Map.of("precision", String.valueOf(precision), "maxPrecision", "38"), text, start);
        }
        return new DecimalType(precision, scale);
    }

    /** A field name: a word, or any text between backquotes (a doubled backquote is one). */
    private String name() {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == '`') {
            StringBuilder b = new StringBuilder();
            for (int i = pos + 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c != '`') {
                    b.append(c);
                } else if (i + 1 < text.length() && text.charAt(i + 1) == '`') {
                    b.append('`');
                    i++;
                } else {
                    pos = i + 1;
                    return b.toString();
                }
            }
            throw syntaxError();
        }
        String word = word();
        if (word == null) {
            throw syntaxError();
        }
        return word;
    }

    /** The next word (letters, digits, underscores), or null with nothing consumed. */
    private String word() {
        skipSpaces();
        int start = pos;
        while (pos < text.length() && isWordPart(text.charAt(pos))) {
            pos++;
        }
        return pos == start ? null : text.substring(start, pos);
    }

    private boolean accept(char c) {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw syntaxError();
        }
    }

    /**
     * The end of the text, or Spark's syntax error at the next token; one last token before the end
     * is its {@code extra input} (ANTLR deletes it and would then have matched).
     */
    private void expectEnd() {
        skipSpaces();
        if (pos < text.length()) {
            int start = pos;
            int end = tokenEnd();
            pos = end;
            skipSpaces();
            if (pos < text.length()) {
                pos = start;
                throw syntaxError();
            }
            String token = "'" + text.substring(start, end) + "'";
            throw new DdlParseException("PARSE_SYNTAX_ERROR", Map.of("error", token, "hint", ": extra input " + token),
                    text, start);
        }
    }

    private void throwUnsupported() {
        if (unsupported != null) {
            throw unsupported;
        }
    }

    /**
     * Spark's {@code PARSE_SYNTAX_ERROR} at the next token: {@code 'token'}, or {@code end of
     * input} placed after the last character.
     */
    private DdlParseException syntaxError() {
        skipSpaces();
        if (pos >= text.length()) {
            return new DdlParseException("PARSE_SYNTAX_ERROR", Map.of("error", "end of input", "hint", ""), text,
                    text.length());
        }
        return new DdlParseException("PARSE_SYNTAX_ERROR",
                Map.of("error", "'" + text.substring(pos, tokenEnd()) + "'", "hint", ""), text, pos);
    }

    /** The end of the token at {@code pos}: a word, or one other character. */
    private int tokenEnd() {
        int end = pos + 1;
        if (isWordPart(text.charAt(pos))) {
            while (end < text.length() && isWordPart(text.charAt(end))) {
                end++;
            }
        }
        return end;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
