package io.tideway.sql;

import io.tideway.engine.expr.Average;
import io.tideway.engine.expr.Count;
import io.tideway.engine.expr.CurrentTimestamp;
import io.tideway.engine.expr.Explode;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.MinMax;
import io.tideway.engine.expr.Sum;
import io.tideway.engine.expr.TimeWindow;
import io.tideway.engine.expr.fn.FunctionRegistry;
import io.tideway.engine.expr.sql.SqlExpressionParser;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.StructType;

/**
 * Column functions, mirroring Spark's {@code org.apache.spark.sql.functions}: a Spark program's
 * {@code import static org.apache.spark.sql.functions.*} becomes {@code import static io.tideway.sql.functions.*}.
 *
 * <p>Each method only builds an expression; nothing is evaluated, and a name, argument count or type is
 * checked when a Dataset uses the column, with Spark's error conditions (as in Spark, a few Java arguments,
 * such as {@link #sha2}'s bit length, are checked at once). Most functions are defined once in
 * the function registry, so the same name in {@link #expr}, {@code selectExpr} or {@code sql()} means the same
 * thing. As in Spark, a null argument gives a null result unless a method says otherwise; positions in
 * strings and arrays are 1-based where Spark's are; with ANSI mode on (Spark's default,
 * {@code spark.sql.ansi.enabled}) overflow and invalid input are errors where a method says so, and the
 * {@code try_} forms give null instead; dates and timestamps are read and shown in the session time zone
 * ({@code spark.sql.session.timeZone}).
 *
 * <p>Aggregate functions (marked "Aggregate:") are used in {@code agg}, {@code groupBy(...).agg} or a
 * streaming aggregation; generator functions ({@link #explode} and the like) in {@code select}.
 */
@SuppressWarnings("checkstyle:TypeName")
public final class functions {
    private functions() {
    }

    /**
     * A column by name, resolved when a Dataset uses it: {@code "a.b"} reaches a struct field, backticks quote a name
     * with dots, and {@code "*"} stands for every column.
     */
    public static Column col(String name) {
        return new Column(name);
    }

    /** A column by name; the same as {@link #col(String)}. */
    public static Column column(String name) {
        return new Column(name);
    }

    /**
     * A literal of the value's type ({@code null} gives a null literal of type void); a {@code Column} is returned as
     * it is.
     */
    public static Column lit(Object value) {
        return Column.lit(value);
    }

    /** Parses a SQL expression such as {@code "v * 2 AS doubled"}. */
    public static Column expr(String sqlExpression) {
        return new Column(SqlExpressionParser.parseColumn(sqlExpression).expr(), sqlExpression);
    }

    /** Logical negation of a boolean column; null stays null. */
    public static Column not(Column c) {
        return c.not();
    }

    /** The registry's function {@code name} over these columns: one definition for Java and SQL. */
    private static Column call(String name, Column... args) {
        Expression[] exprs = new Expression[args.length];
        for (int i = 0; i < args.length; i++) {
            exprs[i] = args[i].expr();
        }
        return new Column(FunctionRegistry.callLater(name, exprs));
    }

    // ---- sort orders ----

    /** Ascending sort order on the column, nulls first (Spark's default for ascending). */
    public static Column asc(String columnName) {
        return col(columnName).asc();
    }

    /** Ascending sort order on the column with nulls before the other values. */
    public static Column asc_nulls_first(String columnName) {
        return col(columnName).asc_nulls_first();
    }

    /** Ascending sort order on the column with nulls after the other values. */
    public static Column asc_nulls_last(String columnName) {
        return col(columnName).asc_nulls_last();
    }

    /** Descending sort order on the column, nulls last (Spark's default for descending). */
    public static Column desc(String columnName) {
        return col(columnName).desc();
    }

    /** Descending sort order on the column with nulls before the other values. */
    public static Column desc_nulls_first(String columnName) {
        return col(columnName).desc_nulls_first();
    }

    /** Descending sort order on the column with nulls after the other values. */
    public static Column desc_nulls_last(String columnName) {
        return col(columnName).desc_nulls_last();
    }

    // ---- string functions ----

    /** The string with its letters in upper case; null for null. */
    public static Column upper(Column e) {
        return call("upper", e);
    }

    /** The string with its letters in lower case; null for null. */
    public static Column lower(Column e) {
        return call("lower", e);
    }

    /** The number of characters of a string (trailing spaces count) or of bytes of a binary; null for null. */
    public static Column length(Column e) {
        return call("length", e);
    }

    /** The number of characters of a string or bytes of a binary; the same as {@link #length}. */
    public static Column char_length(Column str) {
        return call("char_length", str);
    }

    /** The number of characters of a string or bytes of a binary; the same as {@link #length}. */
    public static Column character_length(Column str) {
        return call("character_length", str);
    }

    /** The string in upper case; the same as {@link #upper}. */
    public static Column ucase(Column str) {
        return call("ucase", str);
    }

    /** The string in lower case; the same as {@link #lower}. */
    public static Column lcase(Column str) {
        return call("lcase", str);
    }

    /** The number of characters of a string or bytes of a binary; the same as {@link #length}. */
    public static Column len(Column e) {
        return call("len", e);
    }

    /** The number of bytes of a string (in UTF-8) or of a binary; null for null. */
    public static Column octet_length(Column e) {
        return call("octet_length", e);
    }

    /** The number of bits (8 per byte) of a string in UTF-8 or of a binary; null for null. */
    public static Column bit_length(Column e) {
        return call("bit_length", e);
    }

    /** The string with the first letter of each space-separated word in upper case and the others in lower case. */
    public static Column initcap(Column e) {
        return call("initcap", e);
    }

    /** A string with its characters in reverse order, or an array with its elements in reverse order; null for null. */
    public static Column reverse(Column e) {
        return call("reverse", e);
    }

    /** The code point of the first character of the string as an int, 0 for the empty string; null for null. */
    public static Column ascii(Column e) {
        return call("ascii", e);
    }

    /** The one-character string whose code is {@code n} modulo 256; a negative {@code n} gives the empty string. */
    public static Column chr(Column n) {
        return call("chr", n);
    }

    /** The string without its leading and trailing space characters (only {@code ' '}, not tabs or newlines). */
    public static Column trim(Column e) {
        return call("trim", e);
    }

    /** The string without the characters of {@code trimString} at either end. */
    public static Column trim(Column e, String trimString) {
        return call("trim", lit(trimString), e);
    }

    /** The string without the characters of the string {@code trim} at either end; null if either is null. */
    public static Column trim(Column e, Column trim) {
        return call("trim", trim, e);
    }

    /** The string without its leading space characters. */
    public static Column ltrim(Column e) {
        return call("ltrim", e);
    }

    /** The string without the characters of {@code trimString} at its start. */
    public static Column ltrim(Column e, String trimString) {
        return call("ltrim", lit(trimString), e);
    }

    /** The string without the characters of the string {@code trim} at its start; null if either is null. */
    public static Column ltrim(Column e, Column trim) {
        return call("ltrim", trim, e);
    }

    /** The string without its trailing space characters. */
    public static Column rtrim(Column e) {
        return call("rtrim", e);
    }

    /** The string without the characters of {@code trimString} at its end. */
    public static Column rtrim(Column e, String trimString) {
        return call("rtrim", lit(trimString), e);
    }

    /** The string without the characters of the string {@code trim} at its end; null if either is null. */
    public static Column rtrim(Column e, Column trim) {
        return call("rtrim", trim, e);
    }

    /** The string without its leading and trailing spaces; the same as {@link #trim(Column)}. */
    public static Column btrim(Column str) {
        return call("btrim", str);
    }

    /** The string without the characters of {@code trim} at either end (note the order: the string first). */
    public static Column btrim(Column str, Column trim) {
        return call("btrim", str, trim);
    }

    /**
     * The string left-padded with repetitions of {@code pad} to {@code len} characters, or cut to its first {@code len}
     * characters when longer; a {@code len} of 0 or less gives the empty string.
     */
    public static Column lpad(Column str, int len, String pad) {
        return call("lpad", str, lit(len), lit(pad));
    }

    /**
     * The binary left-padded with repetitions of the bytes {@code pad} to {@code len} bytes, or cut to its first
     * {@code len} bytes when longer.
     */
    public static Column lpad(Column str, int len, byte[] pad) {
        return call("lpad", str, lit(len), lit(pad));
    }

    /**
     * The string (or binary) left-padded with {@code pad} to {@code len} characters (or bytes), or cut when longer;
     * null if any argument is null.
     */
    public static Column lpad(Column str, Column len, Column pad) {
        return call("lpad", str, len, pad);
    }

    /**
     * The string right-padded with repetitions of {@code pad} to {@code len} characters, or cut to its first
     * {@code len} characters when longer; a {@code len} of 0 or less gives the empty string.
     */
    public static Column rpad(Column str, int len, String pad) {
        return call("rpad", str, lit(len), lit(pad));
    }

    /**
     * The binary right-padded with repetitions of the bytes {@code pad} to {@code len} bytes, or cut to its first
     * {@code len} bytes when longer.
     */
    public static Column rpad(Column str, int len, byte[] pad) {
        return call("rpad", str, lit(len), lit(pad));
    }

    /**
     * The string (or binary) right-padded with {@code pad} to {@code len} characters (or bytes), or cut when longer;
     * null if any argument is null.
     */
    public static Column rpad(Column str, Column len, Column pad) {
        return call("rpad", str, len, pad);
    }

    /** The string repeated {@code n} times; {@code n} of 0 or less gives the empty string. */
    public static Column repeat(Column str, int n) {
        return call("repeat", str, lit(n));
    }

    /** The string repeated {@code n} times; {@code n} of 0 or less gives the empty string, a null argument null. */
    public static Column repeat(Column str, Column n) {
        return call("repeat", str, n);
    }

    /**
     * The {@code len} characters (bytes of a binary) from the 1-based position {@code pos}; a negative {@code pos}
     * counts from the end and 0 acts as 1.
     */
    public static Column substring(Column str, int pos, int len) {
        return call("substring", str, lit(pos), lit(len));
    }

    /**
     * The {@code len} characters (bytes of a binary) from the 1-based position {@code pos}; a negative {@code pos}
     * counts from the end; null if any argument is null.
     */
    public static Column substring(Column str, Column pos, Column len) {
        return call("substring", str, pos, len);
    }

    /**
     * The characters (bytes of a binary) from the 1-based position {@code pos} to the end; a negative {@code pos}
     * counts from the end.
     */
    public static Column substr(Column str, Column pos) {
        return call("substr", str, pos);
    }

    /**
     * The {@code len} characters (bytes of a binary) from the 1-based position {@code pos}; the same as
     * {@link #substring(Column, Column, Column)}.
     */
    public static Column substr(Column str, Column pos, Column len) {
        return call("substr", str, pos, len);
    }

    /** The first {@code len} characters of the string; a {@code len} of 0 or less gives the empty string. */
    public static Column left(Column str, Column len) {
        return call("left", str, len);
    }

    /** The last {@code len} characters of the string; a {@code len} of 0 or less gives the empty string. */
    public static Column right(Column str, Column len) {
        return call("right", str, len);
    }

    /** The strings, binaries or arrays joined end to end; null if any input is null. */
    public static Column concat(Column... exprs) {
        return call("concat", exprs);
    }

    /**
     * The strings (and the elements of string arrays) joined with {@code sep}; null inputs are skipped, so the result
     * is null only when {@code sep} is.
     */
    public static Column concat_ws(String sep, Column... exprs) {
        Column[] args = new Column[exprs.length + 1];
        args[0] = lit(sep);
        System.arraycopy(exprs, 0, args, 1, exprs.length);
        return call("concat_ws", args);
    }

    /**
     * The string with each character of {@code matchingString} replaced by the character at the same index of
     * {@code replaceString}, or removed when {@code replaceString} is shorter.
     */
    public static Column translate(Column src, String matchingString, String replaceString) {
        return call("translate", src, lit(matchingString), lit(replaceString));
    }

    /** The string with every occurrence of {@code search} removed; an empty {@code search} leaves it unchanged. */
    public static Column replace(Column src, Column search) {
        return call("replace", src, search);
    }

    /**
     * The string with every occurrence of {@code search} replaced by {@code replace}; an empty {@code search} leaves it
     * unchanged.
     */
    public static Column replace(Column src, Column search, Column replace) {
        return call("replace", src, search, replace);
    }

    /**
     * The string (or binary) with {@code replace} written over it from the 1-based position {@code pos}, replacing as
     * many characters as {@code replace} has.
     */
    public static Column overlay(Column src, Column replace, Column pos) {
        return call("overlay", src, replace, pos);
    }

    /**
     * The string (or binary) with its {@code len} characters from the 1-based position {@code pos} replaced by
     * {@code replace}; a negative {@code len} replaces as many as {@code replace} has.
     */
    public static Column overlay(Column src, Column replace, Column pos, Column len) {
        return call("overlay", src, replace, pos, len);
    }

    /**
     * The 1-based position of the first occurrence of {@code substring} in the string, 0 if there is none; null for
     * null.
     */
    public static Column instr(Column str, String substring) {
        return call("instr", str, lit(substring));
    }

    /**
     * The 1-based position of the first occurrence of {@code substring} in the string, 0 if there is none; null if
     * either is null.
     */
    public static Column instr(Column str, Column substring) {
        return call("instr", str, substring);
    }

    /** The 1-based position of the first occurrence of {@code substr} in the string, 0 if there is none. */
    public static Column locate(String substr, Column str) {
        return call("locate", lit(substr), str);
    }

    /**
     * The 1-based position of the first occurrence of {@code substr} at or after the 1-based position {@code pos}, 0 if
     * there is none or {@code pos} is less than 1.
     */
    public static Column locate(String substr, Column str, int pos) {
        return call("locate", lit(substr), str, lit(pos));
    }

    /** The 1-based position of the first occurrence of {@code substr} in {@code str}, 0 if there is none. */
    public static Column position(Column substr, Column str) {
        return call("position", substr, str);
    }

    /**
     * The 1-based position of the first occurrence of {@code substr} in {@code str} at or after the 1-based
     * {@code start}, 0 if there is none.
     */
    public static Column position(Column substr, Column str, Column start) {
        return call("position", substr, str, start);
    }

    /**
     * The part of the string before the {@code count}-th occurrence of {@code delim} counted from the left, or, for a
     * negative {@code count}, after the one counted from the right; a {@code count} of 0 gives the empty string.
     */
    public static Column substring_index(Column str, String delim, int count) {
        return call("substring_index", str, lit(delim), lit(count));
    }

    /**
     * The array of the parts of the string around the matches of the regular expression {@code pattern}; trailing empty
     * parts are kept.
     */
    public static Column split(Column str, Column pattern) {
        return call("split", str, pattern);
    }

    /**
     * The array of the parts of the string around the matches of {@code pattern}: at most {@code limit} parts (the last
     * holds the rest) when {@code limit} is positive, all of them otherwise.
     */
    public static Column split(Column str, Column pattern, Column limit) {
        return call("split", str, pattern, limit);
    }

    /**
     * The string with every match of the Java regular expression {@code pattern} replaced by {@code replacement}, which
     * may name groups as {@code $1}.
     */
    public static Column regexp_replace(Column e, String pattern, String replacement) {
        return call("regexp_replace", e, lit(pattern), lit(replacement));
    }

    /**
     * The string with every match of the regular expression {@code pattern} replaced by {@code replacement}; null if
     * any argument is null.
     */
    public static Column regexp_replace(Column e, Column pattern, Column replacement) {
        return call("regexp_replace", e, pattern, replacement);
    }

    /**
     * Group {@code groupIdx} (0: the whole match) of the first match of {@code exp} in the string, the empty string
     * when nothing matches; a group index the pattern lacks is an error.
     */
    public static Column regexp_extract(Column e, String exp, int groupIdx) {
        return call("regexp_extract", e, lit(exp), lit(groupIdx));
    }

    /** The array of group 1 of every match of {@code regexp} in the string. */
    public static Column regexp_extract_all(Column str, Column regexp) {
        return call("regexp_extract_all", str, regexp);
    }

    /** The array of group {@code idx} (0: the whole match) of every match of {@code regexp} in the string. */
    public static Column regexp_extract_all(Column str, Column regexp, Column idx) {
        return call("regexp_extract_all", str, regexp, idx);
    }

    /** The number of matches of the regular expression in the string; null if either is null. */
    public static Column regexp_count(Column str, Column regexp) {
        return call("regexp_count", str, regexp);
    }

    /** The first substring that matches the regular expression; null when nothing matches. */
    public static Column regexp_substr(Column str, Column regexp) {
        return call("regexp_substr", str, regexp);
    }

    /** The 1-based position where the first match of the regular expression starts, 0 when nothing matches. */
    public static Column regexp_instr(Column str, Column regexp) {
        return call("regexp_instr", str, regexp);
    }

    /**
     * The 1-based position where the first match of the regular expression starts, 0 when nothing matches; as in Spark,
     * {@code idx} must be a group of the pattern but the position is that of the whole match.
     */
    public static Column regexp_instr(Column str, Column regexp, Column idx) {
        return call("regexp_instr", str, regexp, idx);
    }

    /**
     * The input whose 1-based index the first input names, among the others; an index out of range is an error in ANSI
     * mode (Spark's default) and null otherwise.
     */
    public static Column elt(Column... inputs) {
        return call("elt", inputs);
    }

    /**
     * The string with upper-case letters replaced by {@code X}, lower-case ones by {@code x} and digits by {@code n};
     * other characters stay.
     */
    public static Column mask(Column input) {
        return call("mask", input);
    }

    /**
     * The string masked as {@link #mask(Column)}, upper-case letters replaced by {@code upperChar} (null keeps them).
     */
    public static Column mask(Column input, Column upperChar) {
        return call("mask", input, upperChar);
    }

    /**
     * The string masked as {@link #mask(Column)} with the given replacements for upper- and lower-case letters (a null
     * one keeps those characters).
     */
    public static Column mask(Column input, Column upperChar, Column lowerChar) {
        return call("mask", input, upperChar, lowerChar);
    }

    /**
     * The string masked as {@link #mask(Column)} with the given replacements for letters and digits (a null one keeps
     * those characters).
     */
    public static Column mask(Column input, Column upperChar, Column lowerChar, Column digitChar) {
        return call("mask", input, upperChar, lowerChar, digitChar);
    }

    /**
     * The string with its upper-case letters, lower-case letters, digits and other characters replaced by the given
     * characters; a null replacement keeps those characters.
     */
    public static Column mask(Column input, Column upperChar, Column lowerChar, Column digitChar, Column otherChar) {
        return call("mask", input, upperChar, lowerChar, digitChar, otherChar);
    }

    /** The binary (or the UTF-8 bytes of a string) encoded as a base64 string; null for null. */
    public static Column base64(Column e) {
        return call("base64", e);
    }

    /** The binary a base64 string decodes to; null for null. */
    public static Column unbase64(Column e) {
        return call("unbase64", e);
    }

    /** The hexadecimal digits (upper case) of a long, or of the bytes of a string or binary; null for null. */
    public static Column hex(Column column) {
        return call("hex", column);
    }

    /** The binary whose bytes a string of hexadecimal digits spells; null if the string is not hexadecimal. */
    public static Column unhex(Column column) {
        return call("unhex", column);
    }

    /** The MD5 digest of a binary as 32 lower-case hex digits; null for null. */
    public static Column md5(Column e) {
        return call("md5", e);
    }

    /** The SHA-1 digest of a binary as 40 lower-case hex digits; null for null. */
    public static Column sha1(Column e) {
        return call("sha1", e);
    }

    /** The SHA-1 digest, as {@link #sha1(Column)}, under the name {@code sha}. */
    public static Column sha(Column e) {
        return call("sha", e);
    }

    /** The CRC-32 checksum of a binary as a bigint; null for null. */
    public static Column crc32(Column e) {
        return call("crc32", e);
    }

    /** The binary a string of hexadecimal digits spells; a string that is not hexadecimal is an error. */
    public static Column to_binary(Column e) {
        return call("to_binary", e);
    }

    /**
     * The SHA-2 digest of a binary as lower-case hex digits; {@code numBits} is 224, 256, 384 or 512 (0 means 256), any
     * other value is refused here with an {@link IllegalArgumentException}.
     */
    public static Column sha2(Column e, int numBits) {
        if (numBits != 0 && numBits != 224 && numBits != 256 && numBits != 384 && numBits != 512) {
            throw new IllegalArgumentException("requirement failed: numBits " + numBits
                    + " is not in the permitted values (0, 224, 256, 384, 512)");
        }
        return call("sha2", e, lit(numBits));
    }

    /**
     * The 32-bit Murmur3 hash of the values (seed 42) as an int, the one Spark's hash partitioning uses; nulls leave
     * the hash unchanged.
     */
    public static Column hash(Column... cols) {
        return call("hash", cols);
    }

    /** The 64-bit xxHash of the values (seed 42) as a bigint; nulls leave the hash unchanged. */
    public static Column xxhash64(Column... cols) {
        return call("xxhash64", cols);
    }

    /**
     * The bytes of the string in the character set {@code charset} (such as {@code UTF-8}, {@code UTF-16LE},
     * {@code ISO-8859-1}); an unknown charset is an error.
     */
    public static Column encode(Column value, String charset) {
        return call("encode", value, lit(charset));
    }

    /** The string the binary spells in the character set {@code charset}; an unknown charset is an error. */
    public static Column decode(Column value, String charset) {
        return call("decode", value, lit(charset));
    }

    /**
     * The binary a string spells in the format {@code f}: {@code 'hex'}, {@code 'utf-8'} or {@code 'base64'}; input not
     * valid in that format is an error.
     */
    public static Column to_binary(Column e, Column f) {
        return call("to_binary", e, f);
    }

    /** The binary a string of hexadecimal digits spells, null where it is not hexadecimal. */
    public static Column try_to_binary(Column e) {
        return call("try_to_binary", e);
    }

    /**
     * The binary a string spells in the format {@code f} ({@code 'hex'}, {@code 'utf-8'}, {@code 'base64'}), null where
     * it is not valid in that format.
     */
    public static Column try_to_binary(Column e, Column f) {
        return call("try_to_binary", e, f);
    }

    /**
     * The value as a string in {@code format}: a number format such as {@code '999,999.00'} for numbers, a datetime
     * pattern for dates and timestamps, {@code 'hex'}/{@code 'base64'}/{@code 'utf-8'} for binaries.
     */
    public static Column to_char(Column e, Column format) {
        return call("to_char", e, format);
    }

    /** The value as a string in {@code format}; the same as {@link #to_char}. */
    public static Column to_varchar(Column e, Column format) {
        return call("to_varchar", e, format);
    }

    /** The arguments formatted by the printf-style {@code format} (as {@link String#format}). */
    public static Column format_string(String format, Column... arguments) {
        Column[] args = new Column[arguments.length + 1];
        args[0] = lit(format);
        System.arraycopy(arguments, 0, args, 1, arguments.length);
        return call("format_string", args);
    }

    /** The arguments formatted by the printf-style format string column; the same as {@link #format_string}. */
    public static Column printf(Column format, Column... arguments) {
        Column[] args = new Column[arguments.length + 1];
        args[0] = format;
        System.arraycopy(arguments, 0, args, 1, arguments.length);
        return call("printf", args);
    }

    /**
     * The number as a string like {@code '#,###,###.##'}, rounded to {@code d} decimal places; a negative {@code d}
     * gives null.
     */
    public static Column format_number(Column x, int d) {
        return call("format_number", x, lit(d));
    }

    /** The Levenshtein (edit) distance between the two strings; null if either is null. */
    public static Column levenshtein(Column l, Column r) {
        return call("levenshtein", l, r);
    }

    /** The Levenshtein distance between the two strings, or -1 when it is greater than {@code threshold}. */
    public static Column levenshtein(Column l, Column r, int threshold) {
        return call("levenshtein", l, r, lit(threshold));
    }

    /**
     * The four-character Soundex code of the string; a string that does not start with a letter is returned as it is.
     */
    public static Column soundex(Column e) {
        return call("soundex", e);
    }

    /** A random version-4 UUID string, a new one for each row (not deterministic). */
    public static Column uuid() {
        return call("uuid");
    }

    /**
     * The part of the URL named by {@code partToExtract}: {@code HOST}, {@code PATH}, {@code QUERY}, {@code REF},
     * {@code PROTOCOL}, {@code FILE}, {@code AUTHORITY} or {@code USERINFO}; null if it has none. An invalid URL is an
     * error in ANSI mode (Spark's default), else null.
     */
    public static Column parse_url(Column url, Column partToExtract) {
        return call("parse_url", url, partToExtract);
    }

    /**
     * The value of the query parameter {@code key} when {@code partToExtract} is {@code QUERY}; null if there is none.
     */
    public static Column parse_url(Column url, Column partToExtract, Column key) {
        return call("parse_url", url, partToExtract, key);
    }

    /**
     * The part of the URL named by {@code partToExtract}, as {@link #parse_url(Column, Column)}, but null for an
     * invalid URL.
     */
    public static Column try_parse_url(Column url, Column partToExtract) {
        return call("try_parse_url", url, partToExtract);
    }

    /**
     * The value of the query parameter {@code key} when {@code partToExtract} is {@code QUERY}, null for an invalid
     * URL.
     */
    public static Column try_parse_url(Column url, Column partToExtract, Column key) {
        return call("try_parse_url", url, partToExtract, key);
    }

    // ---- end of string functions ----

    // ---- math functions ----

    /**
     * The absolute value of a number or interval; the smallest int or long overflows, an error in ANSI mode (Spark's
     * default).
     */
    public static Column abs(Column e) {
        return call("abs", e);
    }

    /** The value with its sign flipped ({@code -e}); the smallest int or long overflows, an error in ANSI mode. */
    public static Column negative(Column e) {
        return call("negative", e);
    }

    /** The value with its sign flipped; the same as {@link #negative}. */
    public static Column negate(Column e) {
        return call("negative", e);
    }

    /** The value itself ({@code +e}). */
    public static Column positive(Column e) {
        return call("positive", e);
    }

    /** -1.0, 0.0 or 1.0 as the number is negative, zero or positive (NaN for NaN); null for null. */
    public static Column sign(Column e) {
        return call("sign", e);
    }

    /** -1.0, 0.0 or 1.0 as the number is negative, zero or positive; the same as {@link #sign}. */
    public static Column signum(Column e) {
        return call("signum", e);
    }

    /** -1.0, 0.0 or 1.0 as the named column's value is negative, zero or positive. */
    public static Column signum(String columnName) {
        return signum(col(columnName));
    }

    /** The number rounded to a whole number, halves away from zero (HALF_UP). */
    public static Column round(Column e) {
        return call("round", e);
    }

    /**
     * The number rounded to {@code scale} decimal places, halves away from zero; a negative {@code scale} rounds to
     * tens, hundreds, ...
     */
    public static Column round(Column e, int scale) {
        return call("round", e, lit(scale));
    }

    /** The number rounded to {@code scale} decimal places (a constant), halves away from zero. */
    public static Column round(Column e, Column scale) {
        return call("round", e, scale);
    }

    /** The number rounded to a whole number, halves to the even neighbour (HALF_EVEN, banker's rounding). */
    public static Column bround(Column e) {
        return call("bround", e);
    }

    /**
     * The number rounded to {@code scale} decimal places, halves to the even neighbour; a negative {@code scale} rounds
     * to tens, hundreds, ...
     */
    public static Column bround(Column e, int scale) {
        return call("bround", e, lit(scale));
    }

    /** The number rounded to {@code scale} decimal places (a constant), halves to the even neighbour. */
    public static Column bround(Column e, Column scale) {
        return call("bround", e, scale);
    }

    /**
     * The smallest whole number not less than the value: a bigint for floating and integral input, a decimal of scale 0
     * for a decimal.
     */
    public static Column ceil(Column e) {
        return call("ceil", e);
    }

    /** The smallest whole number not less than the named column's value. */
    public static Column ceil(String columnName) {
        return ceil(col(columnName));
    }

    /**
     * The value rounded up to {@code scale} decimal places (a constant int); a negative {@code scale} rounds up to
     * tens, hundreds, ...
     */
    public static Column ceil(Column e, Column scale) {
        return call("ceil", e, scale);
    }

    /** The smallest whole number not less than the value; the same as {@link #ceil(Column)}. */
    public static Column ceiling(Column e) {
        return call("ceiling", e);
    }

    /** The value rounded up to {@code scale} decimal places; the same as {@link #ceil(Column, Column)}. */
    public static Column ceiling(Column e, Column scale) {
        return call("ceiling", e, scale);
    }

    /**
     * The largest whole number not greater than the value: a bigint for floating and integral input, a decimal of scale
     * 0 for a decimal.
     */
    public static Column floor(Column e) {
        return call("floor", e);
    }

    /** The largest whole number not greater than the named column's value. */
    public static Column floor(String columnName) {
        return floor(col(columnName));
    }

    /**
     * The value rounded down to {@code scale} decimal places (a constant int); a negative {@code scale} rounds down to
     * tens, hundreds, ...
     */
    public static Column floor(Column e, Column scale) {
        return call("floor", e, scale);
    }

    /** The double nearest the value that is a whole number, halves to the even one. */
    public static Column rint(Column e) {
        return call("rint", e);
    }

    /** The double nearest the named column's value that is a whole number, halves to the even one. */
    public static Column rint(String columnName) {
        return rint(col(columnName));
    }

    /** The square root as a double; NaN for a negative value. */
    public static Column sqrt(Column e) {
        return call("sqrt", e);
    }

    /** The square root of the named column's value as a double. */
    public static Column sqrt(String columnName) {
        return sqrt(col(columnName));
    }

    /** The cube root as a double. */
    public static Column cbrt(Column e) {
        return call("cbrt", e);
    }

    /** The cube root of the named column's value as a double. */
    public static Column cbrt(String columnName) {
        return cbrt(col(columnName));
    }

    /** Euler's number raised to the value, as a double. */
    public static Column exp(Column e) {
        return call("exp", e);
    }

    /** Euler's number raised to the named column's value, as a double. */
    public static Column exp(String columnName) {
        return exp(col(columnName));
    }

    /** {@code exp(e) - 1} as a double, exact for values near zero. */
    public static Column expm1(Column e) {
        return call("expm1", e);
    }

    /** {@code exp(x) - 1} of the named column's value as a double. */
    public static Column expm1(String columnName) {
        return expm1(col(columnName));
    }

    /** The base-10 logarithm as a double; null for zero or a negative value. */
    public static Column log10(Column e) {
        return call("log10", e);
    }

    /** The base-10 logarithm of the named column's value; null for zero or a negative value. */
    public static Column log10(String columnName) {
        return log10(col(columnName));
    }

    /** The base-2 logarithm as a double; null for zero or a negative value. */
    public static Column log2(Column e) {
        return call("log2", e);
    }

    /** The base-2 logarithm of the named column's value; null for zero or a negative value. */
    public static Column log2(String columnName) {
        return log2(col(columnName));
    }

    /** The natural logarithm of {@code 1 + e} as a double, exact for values near zero; null for -1 or less. */
    public static Column log1p(Column e) {
        return call("log1p", e);
    }

    /** The natural logarithm of one plus the named column's value; null for -1 or less. */
    public static Column log1p(String columnName) {
        return log1p(col(columnName));
    }

    /** The sine of an angle in radians, as a double. */
    public static Column sin(Column e) {
        return call("sin", e);
    }

    /** The sine of the named column's value (radians), as a double. */
    public static Column sin(String columnName) {
        return sin(col(columnName));
    }

    /** The cosine of an angle in radians, as a double. */
    public static Column cos(Column e) {
        return call("cos", e);
    }

    /** The cosine of the named column's value (radians), as a double. */
    public static Column cos(String columnName) {
        return cos(col(columnName));
    }

    /** The tangent of an angle in radians, as a double. */
    public static Column tan(Column e) {
        return call("tan", e);
    }

    /** The tangent of the named column's value (radians), as a double. */
    public static Column tan(String columnName) {
        return tan(col(columnName));
    }

    /** The arc sine in radians, as a double; NaN outside [-1, 1]. */
    public static Column asin(Column e) {
        return call("asin", e);
    }

    /** The arc sine of the named column's value in radians; NaN outside [-1, 1]. */
    public static Column asin(String columnName) {
        return asin(col(columnName));
    }

    /** The arc cosine in radians, as a double; NaN outside [-1, 1]. */
    public static Column acos(Column e) {
        return call("acos", e);
    }

    /** The arc cosine of the named column's value in radians; NaN outside [-1, 1]. */
    public static Column acos(String columnName) {
        return acos(col(columnName));
    }

    /** The arc tangent in radians, as a double. */
    public static Column atan(Column e) {
        return call("atan", e);
    }

    /** The arc tangent of the named column's value in radians. */
    public static Column atan(String columnName) {
        return atan(col(columnName));
    }

    /** The hyperbolic sine, as a double. */
    public static Column sinh(Column e) {
        return call("sinh", e);
    }

    /** The hyperbolic sine of the named column's value. */
    public static Column sinh(String columnName) {
        return sinh(col(columnName));
    }

    /** The hyperbolic cosine, as a double. */
    public static Column cosh(Column e) {
        return call("cosh", e);
    }

    /** The hyperbolic cosine of the named column's value. */
    public static Column cosh(String columnName) {
        return cosh(col(columnName));
    }

    /** The hyperbolic tangent, as a double. */
    public static Column tanh(Column e) {
        return call("tanh", e);
    }

    /** The hyperbolic tangent of the named column's value. */
    public static Column tanh(String columnName) {
        return tanh(col(columnName));
    }

    /** The inverse hyperbolic sine, as a double. */
    public static Column asinh(Column e) {
        return call("asinh", e);
    }

    /** The inverse hyperbolic sine of the named column's value. */
    public static Column asinh(String columnName) {
        return asinh(col(columnName));
    }

    /** The inverse hyperbolic cosine, as a double; NaN below 1. */
    public static Column acosh(Column e) {
        return call("acosh", e);
    }

    /** The inverse hyperbolic cosine of the named column's value; NaN below 1. */
    public static Column acosh(String columnName) {
        return acosh(col(columnName));
    }

    /** The inverse hyperbolic tangent, as a double; NaN outside [-1, 1]. */
    public static Column atanh(Column e) {
        return call("atanh", e);
    }

    /** The inverse hyperbolic tangent of the named column's value; NaN outside [-1, 1]. */
    public static Column atanh(String columnName) {
        return atanh(col(columnName));
    }

    /** The angle in radians converted to degrees, as a double. */
    public static Column degrees(Column e) {
        return call("degrees", e);
    }

    /** The named column's angle in radians converted to degrees. */
    public static Column degrees(String columnName) {
        return degrees(col(columnName));
    }

    /** The angle in degrees converted to radians, as a double. */
    public static Column radians(Column e) {
        return call("radians", e);
    }

    /** The named column's angle in degrees converted to radians. */
    public static Column radians(String columnName) {
        return radians(col(columnName));
    }

    /** The angle in radians converted to degrees; Spark's older name for {@link #degrees(Column)}. */
    public static Column toDegrees(Column e) {
        return call("degrees", e);
    }

    /** The named column's angle in radians converted to degrees; Spark's older name for {@link #degrees(String)}. */
    public static Column toDegrees(String columnName) {
        return toDegrees(col(columnName));
    }

    /** The angle in degrees converted to radians; Spark's older name for {@link #radians(Column)}. */
    public static Column toRadians(Column e) {
        return call("radians", e);
    }

    /** The named column's angle in degrees converted to radians; Spark's older name for {@link #radians(String)}. */
    public static Column toRadians(String columnName) {
        return toRadians(col(columnName));
    }

    /** The cotangent ({@code 1 / tan}) of an angle in radians, as a double. */
    public static Column cot(Column e) {
        return call("cot", e);
    }

    /** The secant ({@code 1 / cos}) of an angle in radians, as a double. */
    public static Column sec(Column e) {
        return call("sec", e);
    }

    /** The cosecant ({@code 1 / sin}) of an angle in radians, as a double. */
    public static Column csc(Column e) {
        return call("csc", e);
    }

    /** The natural logarithm as a double (shown as {@code ln}); null for zero or a negative value. */
    public static Column log(Column e) {
        return call("ln", e);
    }

    /** The natural logarithm of the named column's value; null for zero or a negative value. */
    public static Column log(String columnName) {
        return log(col(columnName));
    }

    /** The natural logarithm as a double; null for zero or a negative value. */
    public static Column ln(Column e) {
        return call("ln", e);
    }

    /** The logarithm of the value to {@code base}, as a double; null for zero or a negative value. */
    public static Column log(double base, Column a) {
        return call("log", lit(base), a);
    }

    /** The logarithm of the named column's value to {@code base}; null for zero or a negative value. */
    public static Column log(double base, String columnName) {
        return log(base, col(columnName));
    }

    /** {@code l} raised to the power {@code r}, as a double. */
    public static Column pow(Column l, Column r) {
        return call("power", l, r);
    }

    /** {@code l} raised to the power of the named column, as a double. */
    public static Column pow(Column l, String rightName) {
        return pow(l, col(rightName));
    }

    /** The named column raised to the power {@code r}, as a double. */
    public static Column pow(String leftName, Column r) {
        return pow(col(leftName), r);
    }

    /** The first named column raised to the power of the second, as a double. */
    public static Column pow(String leftName, String rightName) {
        return pow(col(leftName), col(rightName));
    }

    /** {@code l} raised to the power {@code r}, as a double. */
    public static Column pow(Column l, double r) {
        return pow(l, lit(r));
    }

    /** The named column raised to the power {@code r}, as a double. */
    public static Column pow(String leftName, double r) {
        return pow(col(leftName), lit(r));
    }

    /** {@code l} raised to the power {@code r}, as a double. */
    public static Column pow(double l, Column r) {
        return pow(lit(l), r);
    }

    /** {@code l} raised to the power of the named column, as a double. */
    public static Column pow(double l, String rightName) {
        return pow(lit(l), col(rightName));
    }

    /** The angle in radians, in [-pi, pi], of the point ({@code r}, {@code l}): {@code l} is y and {@code r} is x. */
    public static Column atan2(Column l, Column r) {
        return call("atan2", l, r);
    }

    /** The angle in radians of the point (x: the named column, y: {@code l}). */
    public static Column atan2(Column l, String rightName) {
        return atan2(l, col(rightName));
    }

    /** The angle in radians of the point (x: {@code r}, y: the named column). */
    public static Column atan2(String leftName, Column r) {
        return atan2(col(leftName), r);
    }

    /** The angle in radians of the point (x: the second named column, y: the first). */
    public static Column atan2(String leftName, String rightName) {
        return atan2(col(leftName), col(rightName));
    }

    /** The angle in radians of the point (x: {@code r}, y: {@code l}). */
    public static Column atan2(Column l, double r) {
        return atan2(l, lit(r));
    }

    /** The angle in radians of the point (x: {@code r}, y: the named column). */
    public static Column atan2(String leftName, double r) {
        return atan2(col(leftName), lit(r));
    }

    /** The angle in radians of the point (x: {@code r}, y: {@code l}). */
    public static Column atan2(double l, Column r) {
        return atan2(lit(l), r);
    }

    /** The angle in radians of the point (x: the named column, y: {@code l}). */
    public static Column atan2(double l, String rightName) {
        return atan2(lit(l), col(rightName));
    }

    /** {@code sqrt(l * l + r * r)} as a double, without overflow in the squares. */
    public static Column hypot(Column l, Column r) {
        return call("hypot", l, r);
    }

    /** The hypotenuse of {@code l} and the named column, as a double. */
    public static Column hypot(Column l, String rightName) {
        return hypot(l, col(rightName));
    }

    /** The hypotenuse of the named column and {@code r}, as a double. */
    public static Column hypot(String leftName, Column r) {
        return hypot(col(leftName), r);
    }

    /** The hypotenuse of the two named columns, as a double. */
    public static Column hypot(String leftName, String rightName) {
        return hypot(col(leftName), col(rightName));
    }

    /** The hypotenuse of {@code l} and {@code r}, as a double. */
    public static Column hypot(Column l, double r) {
        return hypot(l, lit(r));
    }

    /** The hypotenuse of the named column and {@code r}, as a double. */
    public static Column hypot(String leftName, double r) {
        return hypot(col(leftName), lit(r));
    }

    /** The hypotenuse of {@code l} and {@code r}, as a double. */
    public static Column hypot(double l, Column r) {
        return hypot(lit(l), r);
    }

    /** The hypotenuse of {@code l} and the named column, as a double. */
    public static Column hypot(double l, String rightName) {
        return hypot(lit(l), col(rightName));
    }

    /** {@code l} raised to the power {@code r}, as a double; the same as {@link #pow(Column, Column)}. */
    public static Column power(Column l, Column r) {
        return call("power", l, r);
    }

    /** The constant pi as a double. */
    public static Column pi() {
        return call("pi");
    }

    /** Euler's number e as a double. */
    public static Column e() {
        return call("e");
    }

    /**
     * The remainder of the division, made non-negative for a positive divisor; a zero divisor is an error in ANSI mode
     * (Spark's default), else null.
     */
    public static Column pmod(Column dividend, Column divisor) {
        return call("pmod", dividend, divisor);
    }

    /** The binary digits of a long as a string (two's complement for a negative value). */
    public static Column bin(Column e) {
        return call("bin", e);
    }

    /** The binary digits of the named column's long value as a string. */
    public static Column bin(String columnName) {
        return bin(col(columnName));
    }

    /**
     * The number written in the string {@code num} in base {@code fromBase}, rewritten in base {@code toBase} (bases 2
     * to 36, a negative {@code toBase} for a signed result); null for an invalid base, and overflow is an error in ANSI
     * mode.
     */
    public static Column conv(Column num, int fromBase, int toBase) {
        return call("conv", num, lit(fromBase), lit(toBase));
    }

    /** The factorial of an int from 0 to 20 as a bigint; null outside that range. */
    public static Column factorial(Column e) {
        return call("factorial", e);
    }

    /** A random double in [0, 1), independent for each row, from the given seed. */
    public static Column rand(long seed) {
        return call("rand", lit(seed));
    }

    /** A random double in [0, 1), independent for each row, from a random seed. */
    public static Column rand() {
        return call("rand");
    }

    /** A random double from the standard normal distribution, independent for each row, from the given seed. */
    public static Column randn(long seed) {
        return call("randn", lit(seed));
    }

    /** A random double from the standard normal distribution, independent for each row, from a random seed. */
    public static Column randn() {
        return call("randn");
    }

    /** A random double in [0, 1) for each row from the seed (a constant); the same as {@link #rand(long)}. */
    public static Column random(Column seed) {
        return call("random", seed);
    }

    /** A random double in [0, 1) for each row; the same as {@link #rand()}. */
    public static Column random() {
        return call("random");
    }

    /**
     * A random number between {@code min} and {@code max} (constants) for each row, an integer when both are integers,
     * from a random seed.
     */
    public static Column uniform(Column min, Column max) {
        return call("uniform", min, max);
    }

    /**
     * A random number between {@code min} and {@code max} (constants) for each row, an integer when both are integers,
     * from the given seed.
     */
    public static Column uniform(Column min, Column max, Column seed) {
        return call("uniform", min, max, seed);
    }

    /**
     * The 1-based bucket {@code v} falls in among {@code numBucket} equal-width buckets over [{@code min},
     * {@code max}): 0 below, {@code numBucket + 1} at or above; null for a bucket count that is not positive or equal
     * bounds.
     */
    public static Column width_bucket(Column v, Column min, Column max, Column numBucket) {
        return call("width_bucket", v, min, max, numBucket);
    }

    /** {@code left + right} (numbers, dates, timestamps, intervals), null where it overflows. */
    public static Column try_add(Column left, Column right) {
        return call("try_add", left, right);
    }

    /** {@code left - right} (numbers, dates, timestamps, intervals), null where it overflows. */
    public static Column try_subtract(Column left, Column right) {
        return call("try_subtract", left, right);
    }

    /** {@code left * right} (numbers, or an interval by a number), null where it overflows. */
    public static Column try_multiply(Column left, Column right) {
        return call("try_multiply", left, right);
    }

    /** {@code left / right} (numbers, or an interval by a number), null for a zero divisor or overflow. */
    public static Column try_divide(Column left, Column right) {
        return call("try_divide", left, right);
    }

    /** The remainder {@code left % right}, null for a zero divisor. */
    public static Column try_mod(Column left, Column right) {
        return call("try_mod", left, right);
    }
    // ---- end of math functions ----

    // ---- date and time functions ----

    /**
     * The current date in the session time zone, one value for a whole query (in a stream, for a whole micro-batch,
     * kept when the batch is re-run).
     */
    public static Column current_date() {
        return call("current_date");
    }

    /** The current date in the session time zone; the same as {@link #current_date}. */
    public static Column curdate() {
        return call("curdate");
    }

    /** The current timestamp, one value for a whole query or micro-batch; the same as {@link #current_timestamp}. */
    public static Column now() {
        return call("now");
    }

    /** The whole seconds since 1970-01-01 00:00:00 UTC of a timestamp, as a bigint (rounded down). */
    public static Column unix_seconds(Column e) {
        return call("unix_seconds", e);
    }

    /** The milliseconds since 1970-01-01 00:00:00 UTC of a timestamp, as a bigint (rounded down). */
    public static Column unix_millis(Column e) {
        return call("unix_millis", e);
    }

    /** The microseconds since 1970-01-01 00:00:00 UTC of a timestamp, as a bigint. */
    public static Column unix_micros(Column e) {
        return call("unix_micros", e);
    }

    /** The number of days since 1970-01-01 of a date, as an int. */
    public static Column unix_date(Column e) {
        return call("unix_date", e);
    }

    /** The date that many days after 1970-01-01. */
    public static Column date_from_unix_date(Column days) {
        return call("date_from_unix_date", days);
    }

    /** The timestamp that many seconds (a fraction allowed) after 1970-01-01 00:00:00 UTC; overflow is an error. */
    public static Column timestamp_seconds(Column e) {
        return call("timestamp_seconds", e);
    }

    /** The timestamp that many milliseconds after 1970-01-01 00:00:00 UTC; overflow is an error. */
    public static Column timestamp_millis(Column e) {
        return call("timestamp_millis", e);
    }

    /** The timestamp that many microseconds after 1970-01-01 00:00:00 UTC. */
    public static Column timestamp_micros(Column e) {
        return call("timestamp_micros", e);
    }

    /** The year of a date or timestamp (a string is cast first), in the session time zone; null for null. */
    public static Column year(Column e) {
        return call("year", e);
    }

    /** The quarter of the year (1 to 4) of a date or timestamp. */
    public static Column quarter(Column e) {
        return call("quarter", e);
    }

    /** The month (1 to 12) of a date or timestamp. */
    public static Column month(Column e) {
        return call("month", e);
    }

    /** The day of the month (1 to 31) of a date or timestamp. */
    public static Column dayofmonth(Column e) {
        return call("dayofmonth", e);
    }

    /** The day of the month of a date or timestamp; the same as {@link #dayofmonth}. */
    public static Column day(Column e) {
        return call("day", e);
    }

    /** The day of the week of a date or timestamp, 1 for Sunday to 7 for Saturday. */
    public static Column dayofweek(Column e) {
        return call("dayofweek", e);
    }

    /** The day of the week of a date or timestamp, 0 for Monday to 6 for Sunday. */
    public static Column weekday(Column e) {
        return call("weekday", e);
    }

    /** The day of the year (1 to 366) of a date or timestamp. */
    public static Column dayofyear(Column e) {
        return call("dayofyear", e);
    }

    /**
     * The ISO 8601 week of the year (1 to 53) of a date or timestamp: weeks start on Monday and week 1 holds the year's
     * first Thursday.
     */
    public static Column weekofyear(Column e) {
        return call("weekofyear", e);
    }

    /** The hour (0 to 23) of a timestamp in the session time zone. */
    public static Column hour(Column e) {
        return call("hour", e);
    }

    /** The minute (0 to 59) of a timestamp in the session time zone. */
    public static Column minute(Column e) {
        return call("minute", e);
    }

    /** The whole second (0 to 59) of a timestamp. */
    public static Column second(Column e) {
        return call("second", e);
    }

    /**
     * The number of days from {@code start} to {@code end} (negative when {@code end} is earlier); times of day are
     * ignored.
     */
    public static Column datediff(Column end, Column start) {
        return call("datediff", end, start);
    }

    /** The number of days from {@code start} to {@code end}; the same as {@link #datediff}. */
    public static Column date_diff(Column end, Column start) {
        return call("date_diff", end, start);
    }

    /** The last day of the month the date falls in. */
    public static Column last_day(Column e) {
        return call("last_day", e);
    }

    /**
     * The date of the given year, month and day; fields that make no date are an error in ANSI mode (Spark's default),
     * else null.
     */
    public static Column make_date(Column year, Column month, Column day) {
        return call("make_date", year, month, day);
    }

    /** The date {@code days} days after {@code start} (before it for a negative count). */
    public static Column date_add(Column start, int days) {
        return call("date_add", start, lit(days));
    }

    /** The date {@code days} days after {@code start}; null if either is null. */
    public static Column date_add(Column start, Column days) {
        return call("date_add", start, days);
    }

    /** The date {@code days} days before {@code start}. */
    public static Column date_sub(Column start, int days) {
        return call("date_sub", start, lit(days));
    }

    /** The date {@code days} days before {@code start}; null if either is null. */
    public static Column date_sub(Column start, Column days) {
        return call("date_sub", start, days);
    }

    /**
     * The date {@code numMonths} months after {@code startDate}, its day of month kept or cut to the last day of a
     * shorter month.
     */
    public static Column add_months(Column startDate, int numMonths) {
        return call("add_months", startDate, lit(numMonths));
    }

    /** The date {@code numMonths} months after {@code startDate}, the day cut to the month's last day when needed. */
    public static Column add_months(Column startDate, Column numMonths) {
        return call("add_months", startDate, numMonths);
    }
    /** The session time zone's ID ({@code spark.sql.session.timeZone}) as a string. */
    public static Column current_timezone() {
        return call("current_timezone");
    }

    /**
     * The date or timestamp as a string in the datetime pattern {@code format} (such as {@code yyyy-MM-dd HH:mm}), in
     * the session time zone.
     */
    public static Column date_format(Column dateExpr, String format) {
        return call("date_format", dateExpr, lit(format));
    }

    /** The seconds since 1970-01-01 00:00:00 UTC as a {@code yyyy-MM-dd HH:mm:ss} string in the session time zone. */
    public static Column from_unixtime(Column ut) {
        return call("from_unixtime", ut);
    }

    /**
     * The seconds since 1970-01-01 00:00:00 UTC as a string in the datetime pattern {@code f}, in the session time
     * zone.
     */
    public static Column from_unixtime(Column ut, String f) {
        return call("from_unixtime", ut, lit(f));
    }

    /**
     * The value cast to a timestamp (a string read in the session time zone); text that is no timestamp is an error in
     * ANSI mode (Spark's default), else null.
     */
    public static Column to_timestamp(Column s) {
        return call("to_timestamp", s);
    }

    /**
     * The string parsed with the datetime pattern {@code fmt} into a timestamp; text that does not match is an error in
     * ANSI mode (Spark's default), else null.
     */
    public static Column to_timestamp(Column s, String fmt) {
        return call("to_timestamp", s, lit(fmt));
    }

    /** The string parsed into a timestamp, null where it is no timestamp. */
    public static Column try_to_timestamp(Column s) {
        return call("try_to_timestamp", s);
    }

    /** The string parsed with the datetime pattern {@code format} into a timestamp, null where it does not match. */
    public static Column try_to_timestamp(Column s, Column format) {
        return call("try_to_timestamp", s, format);
    }

    /**
     * The value cast to a date (a timestamp's date in the session time zone); text that is no date is an error in ANSI
     * mode (Spark's default), else null.
     */
    public static Column to_date(Column e) {
        return call("to_date", e);
    }

    /**
     * The string parsed with the datetime pattern {@code fmt} into a date; text that does not match is an error in ANSI
     * mode (Spark's default), else null.
     */
    public static Column to_date(Column e, String fmt) {
        return call("to_date", e, lit(fmt));
    }

    /** The current time as whole seconds since 1970-01-01 00:00:00 UTC, one value for a query or micro-batch. */
    public static Column unix_timestamp() {
        return call("unix_timestamp");
    }

    /**
     * The seconds since 1970-01-01 00:00:00 UTC of a date, timestamp or {@code yyyy-MM-dd HH:mm:ss} string (in the
     * session time zone); unparseable text is an error in ANSI mode, else null.
     */
    public static Column unix_timestamp(Column s) {
        return call("unix_timestamp", s);
    }

    /**
     * The seconds since 1970-01-01 00:00:00 UTC of a string parsed with the datetime pattern {@code p}; text that does
     * not match is an error in ANSI mode, else null.
     */
    public static Column unix_timestamp(Column s, String p) {
        return call("unix_timestamp", s, lit(p));
    }

    /** The seconds since 1970-01-01 00:00:00 UTC of a date, timestamp or {@code yyyy-MM-dd HH:mm:ss} string. */
    public static Column to_unix_timestamp(Column timeExp) {
        return call("to_unix_timestamp", timeExp);
    }

    /** The seconds since 1970-01-01 00:00:00 UTC of a string parsed with the datetime pattern {@code format}. */
    public static Column to_unix_timestamp(Column timeExp, Column format) {
        return call("to_unix_timestamp", timeExp, format);
    }

    /**
     * The date truncated to the start of the unit {@code format}: {@code year} ({@code yyyy}, {@code yy}),
     * {@code quarter}, {@code month} ({@code mm}, {@code mon}) or {@code week}; null for another unit.
     */
    public static Column trunc(Column date, String format) {
        return call("trunc", date, lit(format));
    }

    /**
     * The timestamp truncated to the unit {@code format} ({@code year}, {@code quarter}, {@code month}, {@code week},
     * {@code day}, {@code hour}, {@code minute}, {@code second}, {@code millisecond}, {@code microsecond}) in the
     * session time zone; null for another unit.
     */
    public static Column date_trunc(String format, Column timestamp) {
        return call("date_trunc", lit(format), timestamp);
    }

    /** The date {@code days} days after {@code start}; the same as {@link #date_add(Column, Column)}. */
    public static Column dateadd(Column start, Column days) {
        return call("dateadd", start, days);
    }

    /**
     * The current local date-time in the session time zone as a {@code timestamp_ntz}, one value for a query or
     * micro-batch.
     */
    public static Column localtimestamp() {
        return call("localtimestamp");
    }

    /** The three-letter English name of the day of the week ({@code Mon}) of a date or timestamp. */
    public static Column dayname(Column date) {
        return call("dayname", date);
    }

    /** The three-letter English name of the month ({@code Jan}) of a date or timestamp. */
    public static Column monthname(Column date) {
        return call("monthname", date);
    }

    /**
     * The field named by the string literal {@code field} ({@code YEAR}, {@code MONTH}, {@code DAY}, {@code HOUR},
     * {@code SECOND} with its fraction, ...) of a date, timestamp or interval.
     */
    public static Column extract(Column field, Column source) {
        return call("extract", field, source);
    }

    /** The named field of a date, timestamp or interval; the same as {@link #extract}. */
    public static Column date_part(Column field, Column source) {
        return call("date_part", field, source);
    }

    /** The named field of a date, timestamp or interval; the same as {@link #extract}. */
    public static Column datepart(Column field, Column source) {
        return call("datepart", field, source);
    }

    /**
     * The months from {@code start} to {@code end} as a double: whole when the days of month match or both are month
     * ends, else with a fraction over 31-day months, rounded to 8 digits.
     */
    public static Column months_between(Column end, Column start) {
        return call("months_between", end, start);
    }

    /** The months from {@code start} to {@code end} as a double, rounded to 8 digits only when {@code roundOff}. */
    public static Column months_between(Column end, Column start, boolean roundOff) {
        return call("months_between", end, start, lit(roundOff));
    }

    /**
     * The first date after {@code date} that falls on {@code dayOfWeek} ({@code "Mon"}, {@code "Monday"} or
     * {@code "MO"}); an unknown day name is an error in ANSI mode (Spark's default), else null.
     */
    public static Column next_day(Column date, String dayOfWeek) {
        return call("next_day", date, lit(dayOfWeek));
    }

    /** The first date after {@code date} that falls on the named day of the week; null if either is null. */
    public static Column next_day(Column date, Column dayOfWeek) {
        return call("next_day", date, dayOfWeek);
    }

    /**
     * The timestamp of the given fields in the session time zone ({@code secs} may have a fraction, 60 means the next
     * minute); fields that make no timestamp are an error in ANSI mode (Spark's default), else null.
     */
    public static Column make_timestamp(Column years, Column months, Column days, Column hours, Column mins, Column secs) {
        return call("make_timestamp", years, months, days, hours, mins, secs);
    }

    /**
     * The timestamp of the given fields in the time zone {@code timezone}; fields that make no timestamp are an error
     * in ANSI mode, else null.
     */
    public static Column make_timestamp(Column years, Column months, Column days, Column hours, Column mins, Column secs,
            Column timezone) {
        return call("make_timestamp", years, months, days, hours, mins, secs, timezone);
    }

    /**
     * The timestamp {@code quantity} units after {@code ts}; {@code unit} is {@code YEAR}, {@code QUARTER},
     * {@code MONTH}, {@code WEEK}, {@code DAY}, {@code HOUR}, {@code MINUTE}, {@code SECOND}, {@code MILLISECOND} or
     * {@code MICROSECOND}.
     */
    public static Column timestamp_add(String unit, Column quantity, Column ts) {
        return call("timestampadd", lit(unit), quantity, ts);
    }

    /** The number of whole units (as for {@link #timestamp_add}) from {@code start} to {@code end}, as a bigint. */
    public static Column timestamp_diff(String unit, Column start, Column end) {
        return call("timestampdiff", lit(unit), start, end);
    }

    /**
     * The timestamp taken as UTC wall-clock time and shifted to the same instant's wall-clock time in the zone
     * {@code tz}.
     */
    public static Column from_utc_timestamp(Column ts, String tz) {
        return call("from_utc_timestamp", ts, lit(tz));
    }

    /** The timestamp taken as UTC wall-clock time and shifted to the wall-clock time in the zone {@code tz}. */
    public static Column from_utc_timestamp(Column ts, Column tz) {
        return call("from_utc_timestamp", ts, tz);
    }

    /** The timestamp taken as wall-clock time in the zone {@code tz} and shifted to UTC wall-clock time. */
    public static Column to_utc_timestamp(Column ts, String tz) {
        return call("to_utc_timestamp", ts, lit(tz));
    }

    /** The timestamp taken as wall-clock time in the zone {@code tz} and shifted to UTC wall-clock time. */
    public static Column to_utc_timestamp(Column ts, Column tz) {
        return call("to_utc_timestamp", ts, tz);
    }

    /**
     * The {@code timestamp_ntz} wall-clock time in the session time zone converted to the wall-clock time in
     * {@code targetTz}.
     */
    public static Column convert_timezone(Column targetTz, Column sourceTs) {
        return call("convert_timezone", targetTz, sourceTs);
    }

    /**
     * The {@code timestamp_ntz} wall-clock time in {@code sourceTz} converted to the wall-clock time in
     * {@code targetTz}.
     */
    public static Column convert_timezone(Column sourceTz, Column targetTz, Column sourceTs) {
        return call("convert_timezone", sourceTz, targetTz, sourceTs);
    }

    /** The event time of a time window (the {@code window} struct): its end minus one microsecond. */
    public static Column window_time(Column windowColumn) {
        return call("window_time", windowColumn);
    }

    /** The day-time interval of {@code days} days. */
    public static Column make_dt_interval(Column days) {
        return call("make_dt_interval", days);
    }

    /**
     * The day-time interval of the given days, hours, minutes and seconds ({@code secs} may have a fraction); overflow
     * is an error.
     */
    public static Column make_dt_interval(Column days, Column hours, Column mins, Column secs) {
        return call("make_dt_interval", days, hours, mins, secs);
    }

    /** The year-month interval of {@code years} years. */
    public static Column make_ym_interval(Column years) {
        return call("make_ym_interval", years);
    }

    /** The year-month interval of the given years and months; overflow is an error. */
    public static Column make_ym_interval(Column years, Column months) {
        return call("make_ym_interval", years, months);
    }

    /** The calendar interval of the given fields ({@code secs} may have a fraction); overflow is an error. */
    public static Column make_interval(Column years, Column months, Column weeks, Column days, Column hours, Column mins,
            Column secs) {
        return call("make_interval", years, months, weeks, days, hours, mins, secs);
    }

    // ---- end of date and time functions ----

    // ---- partition transforms (io.tideway.engine.expr.PartitionTransform; only inside writeTo(...).partitionedBy) ----

    /** Partitions a {@code writeTo} table by the year of a date or timestamp; evaluated elsewhere it fails, as in Spark. */
    public static Column years(Column e) {
        return transform("years", e);
    }

    /** Partitions a {@code writeTo} table by the month of a date or timestamp; evaluated elsewhere it fails, as in Spark. */
    public static Column months(Column e) {
        return transform("months", e);
    }

    /** Partitions a {@code writeTo} table by the day of a date or timestamp; evaluated elsewhere it fails, as in Spark. */
    public static Column days(Column e) {
        return transform("days", e);
    }

    /** Partitions a {@code writeTo} table by the hour of a timestamp; evaluated elsewhere it fails, as in Spark. */
    public static Column hours(Column e) {
        return transform("hours", e);
    }

    /** Buckets a {@code writeTo} table by a hash of {@code e} into {@code numBuckets} buckets; evaluated elsewhere it fails, as in Spark. */
    public static Column bucket(Column numBuckets, Column e) {
        return transform("bucket", numBuckets, e);
    }

    /** As {@link #bucket(Column, Column)} with a literal count. */
    public static Column bucket(int numBuckets, Column e) {
        return bucket(lit(numBuckets), e);
    }

    private static Column transform(String name, Column... args) {
        java.util.List<Expression> exprs = new java.util.ArrayList<>();
        for (Column a : args) {
            exprs.add(a.expr());
        }
        return new Column(new io.tideway.engine.expr.PartitionTransform(name, exprs));
    }

    // ---- end of partition transforms ----

    // ---- interval and timestamp_ntz functions (IntervalFunctions, TimestampNtzFunctions) ----

    /** The day-time interval of the given days, hours and minutes. */
    public static Column make_dt_interval(Column days, Column hours, Column mins) {
        return call("make_dt_interval", days, hours, mins);
    }

    /** The day-time interval of the given days and hours. */
    public static Column make_dt_interval(Column days, Column hours) {
        return call("make_dt_interval", days, hours);
    }

    /** The day-time interval of zero. */
    public static Column make_dt_interval() {
        return call("make_dt_interval");
    }

    /** The year-month interval of zero. */
    public static Column make_ym_interval() {
        return call("make_ym_interval");
    }

    /** The calendar interval of the given years, months, weeks, days, hours and minutes. */
    public static Column make_interval(Column years, Column months, Column weeks, Column days, Column hours, Column mins) {
        return call("make_interval", years, months, weeks, days, hours, mins);
    }

    /** The calendar interval of the given years, months, weeks, days and hours. */
    public static Column make_interval(Column years, Column months, Column weeks, Column days, Column hours) {
        return call("make_interval", years, months, weeks, days, hours);
    }

    /** The calendar interval of the given years, months, weeks and days. */
    public static Column make_interval(Column years, Column months, Column weeks, Column days) {
        return call("make_interval", years, months, weeks, days);
    }

    /** The calendar interval of the given years, months and weeks. */
    public static Column make_interval(Column years, Column months, Column weeks) {
        return call("make_interval", years, months, weeks);
    }

    /** The calendar interval of the given years and months. */
    public static Column make_interval(Column years, Column months) {
        return call("make_interval", years, months);
    }

    /** The calendar interval of {@code years} years. */
    public static Column make_interval(Column years) {
        return call("make_interval", years);
    }

    /** The calendar interval of zero. */
    public static Column make_interval() {
        return call("make_interval");
    }

    /** {@code make_interval} that gives null where it would overflow. */
    public static Column try_make_interval(Column years, Column months, Column weeks, Column days, Column hours, Column mins,
            Column secs) {
        return call("try_make_interval", years, months, weeks, days, hours, mins, secs);
    }

    /** The calendar interval of the given fields, null where it would overflow. */
    public static Column try_make_interval(Column years, Column months, Column weeks, Column days, Column hours, Column mins) {
        return call("try_make_interval", years, months, weeks, days, hours, mins);
    }

    /** The calendar interval of the given fields, null where it would overflow. */
    public static Column try_make_interval(Column years, Column months, Column weeks, Column days, Column hours) {
        return call("try_make_interval", years, months, weeks, days, hours);
    }

    /** The calendar interval of the given fields, null where it would overflow. */
    public static Column try_make_interval(Column years, Column months, Column weeks, Column days) {
        return call("try_make_interval", years, months, weeks, days);
    }

    /** The calendar interval of the given fields, null where it would overflow. */
    public static Column try_make_interval(Column years, Column months, Column weeks) {
        return call("try_make_interval", years, months, weeks);
    }

    /** The calendar interval of the given years and months, null where it would overflow. */
    public static Column try_make_interval(Column years, Column months) {
        return call("try_make_interval", years, months);
    }

    /** The calendar interval of {@code years} years, null where it would overflow. */
    public static Column try_make_interval(Column years) {
        return call("try_make_interval", years);
    }

    /** A {@code timestamp_ntz} (wall-clock time) from its fields; {@code secs} may have a fraction. */
    public static Column make_timestamp_ntz(Column years, Column months, Column days, Column hours, Column mins, Column secs) {
        return call("make_timestamp_ntz", years, months, days, hours, mins, secs);
    }

    /** {@code CAST(timestamp AS TIMESTAMP_NTZ)}. */
    public static Column to_timestamp_ntz(Column timestamp) {
        return call("to_timestamp_ntz", timestamp);
    }

    /** A string parsed with a datetime pattern into a {@code timestamp_ntz}. */
    public static Column to_timestamp_ntz(Column timestamp, Column format) {
        return call("to_timestamp_ntz", timestamp, format);
    }

    // ---- end of interval and timestamp_ntz functions ----

    // ---- conditional, null and predicate functions ----

    /**
     * A {@code CASE WHEN condition THEN value END}: {@code value} where the condition is true, null elsewhere; chain
     * further branches with {@link Column#when} and a default with {@link Column#otherwise}.
     */
    public static Column when(Column condition, Object value) {
        return new Column(new io.tideway.engine.expr.CaseWhen(java.util.List.of(condition.expr(), lit(value).expr()), false, false));
    }

    /** The first of the values that is not null; null if all are. */
    public static Column coalesce(Column... e) {
        return call("coalesce", e);
    }

    /** {@code col1}, or {@code col2} where {@code col1} is null. */
    public static Column nvl(Column col1, Column col2) {
        return call("nvl", col1, col2);
    }

    /** {@code col1}, or {@code col2} where {@code col1} is null; the same as {@link #nvl}. */
    public static Column ifnull(Column col1, Column col2) {
        return call("ifnull", col1, col2);
    }

    /** {@code col2} where {@code col1} is not null, else {@code col3}. */
    public static Column nvl2(Column col1, Column col2, Column col3) {
        return call("nvl2", col1, col2, col3);
    }

    /** Null where {@code col1} equals {@code col2}, else {@code col1}. */
    public static Column nullif(Column col1, Column col2) {
        return call("nullif", col1, col2);
    }

    /** Null where the value is 0, else the value. */
    public static Column nullifzero(Column col) {
        return call("nullifzero", col);
    }

    /** 0 where the value is null, else the value. */
    public static Column zeroifnull(Column col) {
        return call("zeroifnull", col);
    }

    /** Whether the value is null; never null itself. */
    public static Column isnull(Column e) {
        return call("isnull", e);
    }

    /** Whether the value is not null; never null itself. */
    public static Column isnotnull(Column col) {
        return call("isnotnull", col);
    }

    /** Null-safe equality ({@code <=>}): true when both are null, false when only one is; never null. */
    public static Column equal_null(Column col1, Column col2) {
        return call("equal_null", col1, col2);
    }

    /** Whether the float or double is NaN; false for null. */
    public static Column isnan(Column e) {
        return call("isnan", e);
    }

    /** {@code col1}, or {@code col2} where {@code col1} is NaN (both float or double). */
    public static Column nanvl(Column col1, Column col2) {
        return call("nanvl", col1, col2);
    }

    /** The largest of the values (two at least), skipping nulls; null only when all are null. */
    public static Column greatest(Column... exprs) {
        return call("greatest", exprs);
    }

    /** The largest of the named columns' values, skipping nulls; null only when all are null. */
    public static Column greatest(String columnName, String... columnNames) {
        return call("greatest", columns(columnName, columnNames));
    }

    /** The smallest of the values (two at least), skipping nulls; null only when all are null. */
    public static Column least(Column... exprs) {
        return call("least", exprs);
    }

    /** The smallest of the named columns' values, skipping nulls; null only when all are null. */
    public static Column least(String columnName, String... columnNames) {
        return call("least", columns(columnName, columnNames));
    }

    /**
     * Whether the string matches the SQL {@code LIKE} pattern ({@code _}: one character, {@code %}: any run; {@code \}
     * escapes); null if either is null.
     */
    public static Column like(Column str, Column pattern) {
        return call("like", str, pattern);
    }

    /**
     * Whether the string matches the SQL {@code LIKE} pattern, with {@code escapeChar} (a one-character literal) as the
     * escape character.
     */
    public static Column like(Column str, Column pattern, Column escapeChar) {
        return call("like", str, pattern, escapeChar);
    }

    /** Whether the string matches the {@code LIKE} pattern, ignoring case. */
    public static Column ilike(Column str, Column pattern) {
        return call("ilike", str, pattern);
    }

    /**
     * Whether the string matches the {@code LIKE} pattern ignoring case, with {@code escapeChar} as the escape
     * character.
     */
    public static Column ilike(Column str, Column pattern, Column escapeChar) {
        return call("ilike", str, pattern, escapeChar);
    }

    /** Whether the Java regular expression matches somewhere in the string; null if either is null. */
    public static Column rlike(Column str, Column regexp) {
        return call("rlike", str, regexp);
    }

    /** Whether the regular expression matches somewhere in the string; the same as {@link #rlike}. */
    public static Column regexp(Column str, Column regexp) {
        return call("regexp", str, regexp);
    }

    /** Whether the regular expression matches somewhere in the string; the same as {@link #rlike}. */
    public static Column regexp_like(Column str, Column regexp) {
        return call("regexp_like", str, regexp);
    }

    /** Whether the string (or binary) starts with {@code prefix}; null if either is null. */
    public static Column startswith(Column str, Column prefix) {
        return call("startswith", str, prefix);
    }

    /** Whether the string (or binary) ends with {@code suffix}; null if either is null. */
    public static Column endswith(Column str, Column suffix) {
        return call("endswith", str, suffix);
    }

    /**
     * Whether the string (or binary) {@code left} contains {@code right} (always true for an empty {@code right}); null
     * if either is null.
     */
    public static Column contains(Column left, Column right) {
        return call("contains", left, right);
    }

    /** The bitwise complement ({@code ~e}) of an integral value. */
    public static Column bitwise_not(Column e) {
        return call("~", e);
    }

    /** @deprecated as in Spark: use {@link #bitwise_not}. */
    @Deprecated
    public static Column bitwiseNOT(Column e) {
        return bitwise_not(e);
    }

    /** The int or long shifted left by {@code numBits} (taken modulo the width, as in Java). */
    public static Column shiftleft(Column e, int numBits) {
        return call("shiftleft", e, lit(numBits));
    }

    /** The int or long shifted right by {@code numBits}, keeping the sign. */
    public static Column shiftright(Column e, int numBits) {
        return call("shiftright", e, lit(numBits));
    }

    /** The int or long shifted right by {@code numBits}, filling with zeros. */
    public static Column shiftrightunsigned(Column e, int numBits) {
        return call("shiftrightunsigned", e, lit(numBits));
    }

    /** @deprecated as in Spark: use {@link #shiftleft}. */
    @Deprecated
    public static Column shiftLeft(Column e, int numBits) {
        return shiftleft(e, numBits);
    }

    /** @deprecated as in Spark: use {@link #shiftright}. */
    @Deprecated
    public static Column shiftRight(Column e, int numBits) {
        return shiftright(e, numBits);
    }

    /** @deprecated as in Spark: use {@link #shiftrightunsigned}. */
    @Deprecated
    public static Column shiftRightUnsigned(Column e, int numBits) {
        return shiftrightunsigned(e, numBits);
    }

    /** The number of bits set in the integral value (two's complement) or boolean, as an int. */
    public static Column bit_count(Column e) {
        return call("bit_count", e);
    }

    /**
     * The bit (0 or 1) at {@code pos} of the integral value, counting from 0 at the right; a position outside the
     * type's bits is an error.
     */
    public static Column getbit(Column e, Column pos) {
        return call("getbit", e, pos);
    }

    /**
     * The bit (0 or 1) at {@code pos} of the integral value, counting from 0 at the right; the same as {@link #getbit}.
     */
    public static Column bit_get(Column e, Column pos) {
        return call("bit_get", e, pos);
    }

    private static Column[] columns(String first, String... rest) {
        Column[] c = new Column[rest.length + 1];
        c[0] = col(first);
        for (int i = 0; i < rest.length; i++) {
            c[i + 1] = col(rest[i]);
        }
        return c;
    }

    // ---- end of conditional, null and predicate functions ----

    // ---- collection and JSON functions ----
    // structs (StructFunctions), JSON (JsonFunctions), CSV (CsvFunctions)

    /** A struct of the columns, each field named after its column (or alias), else {@code col1}, {@code col2}, ... */
    public static Column struct(Column... cols) {
        return call("struct", cols);
    }

    /** A struct of the named columns, each field named after its column. */
    public static Column struct(String colName, String... colNames) {
        return call("struct", columns(colName, colNames));
    }

    /** A struct of name/value pairs; the names must be string literals. */
    public static Column named_struct(Column... cols) {
        return call("named_struct", cols);
    }

    /** A JSON string of a struct, array or map column. */
    public static Column to_json(Column e) {
        return call("to_json", e);
    }

    /** A JSON string, with Spark's JSON options ({@code timestampFormat}, {@code pretty}, ...). */
    public static Column to_json(Column e, java.util.Map<String, String> options) {
        return call("to_json", e, optionsMap(options));
    }

    /** Parses a JSON string column into {@code schema} (a struct, array or map type). */
    public static Column from_json(Column e, DataType schema) {
        return call("from_json", e, schemaText(schema));
    }

    /** The JSON string parsed into a struct of {@code schema}; malformed input gives a struct of nulls. */
    public static Column from_json(Column e, StructType schema) {
        return from_json(e, (DataType) schema);
    }

    /**
     * The JSON string parsed into {@code schema} with the JSON data source's options (such as {@code allowComments},
     * {@code timestampFormat}).
     */
    public static Column from_json(Column e, DataType schema, java.util.Map<String, String> options) {
        return call("from_json", e, schemaText(schema), optionsMap(options));
    }

    /** The JSON string parsed into a struct of {@code schema} with the JSON data source's options. */
    public static Column from_json(Column e, StructType schema, java.util.Map<String, String> options) {
        return from_json(e, (DataType) schema, options);
    }

    /** The schema as DDL ({@code a INT, b STRING}) or a type name ({@code MAP<STRING, INT>}). */
    public static Column from_json(Column e, String schema, java.util.Map<String, String> options) {
        return call("from_json", e, lit(schema), optionsMap(options));
    }

    /** The schema as a column: a string literal, or {@code schema_of_json} of one. */
    public static Column from_json(Column e, Column schema) {
        return call("from_json", e, schema);
    }

    /**
     * The JSON string parsed into the schema given as a column (a DDL string literal or {@code schema_of_json}), with
     * the JSON data source's options.
     */
    public static Column from_json(Column e, Column schema, java.util.Map<String, String> options) {
        return call("from_json", e, schema, optionsMap(options));
    }

    /** The value at a JSON path ({@code $.a.b[0]}) of a JSON string, as a string. */
    public static Column get_json_object(Column e, String path) {
        return call("get_json_object", e, lit(path));
    }

    /** The schema Spark infers for a JSON literal, as DDL. */
    public static Column schema_of_json(String json) {
        return schema_of_json(lit(json));
    }

    /** The schema Spark infers for the JSON string literal (or foldable column), as DDL. */
    public static Column schema_of_json(Column json) {
        return call("schema_of_json", json);
    }

    /** The schema Spark infers for the JSON string literal with the JSON data source's options, as DDL. */
    public static Column schema_of_json(Column json, java.util.Map<String, String> options) {
        return call("schema_of_json", json, optionsMap(options));
    }

    /** The array of the top-level keys of a JSON object string; null if the string is no valid JSON object. */
    public static Column json_object_keys(Column e) {
        return call("json_object_keys", e);
    }

    /** The number of elements of the outermost JSON array; null if the string is no valid JSON array. */
    public static Column json_array_length(Column e) {
        return call("json_array_length", e);
    }

    /** Parses a CSV line column into a struct of {@code schema} (a DDL string literal or {@code schema_of_csv}). */
    public static Column from_csv(Column e, Column schema, java.util.Map<String, String> options) {
        return call("from_csv", e, schema, optionsMap(options));
    }

    /** A CSV line of a struct column. */
    public static Column to_csv(Column e) {
        return call("to_csv", e);
    }

    /** A CSV line of a struct column, with the CSV data source's options (such as {@code sep}). */
    public static Column to_csv(Column e, java.util.Map<String, String> options) {
        return call("to_csv", e, optionsMap(options));
    }

    /** The schema Spark infers for a CSV line literal, as DDL. */
    public static Column schema_of_csv(String csv) {
        return schema_of_csv(lit(csv));
    }

    /** The schema Spark infers for the CSV line literal (or foldable column), as DDL. */
    public static Column schema_of_csv(Column csv) {
        return call("schema_of_csv", csv);
    }

    /** The schema Spark infers for the CSV line literal with the CSV data source's options, as DDL. */
    public static Column schema_of_csv(Column csv, java.util.Map<String, String> options) {
        return call("schema_of_csv", csv, optionsMap(options));
    }

    /** Options as the map literal the JSON and CSV functions read. */
    private static Column optionsMap(java.util.Map<String, String> options) {
        java.util.List<Column> kv = new java.util.ArrayList<>();
        new java.util.TreeMap<>(options).forEach((k, v) -> {
            kv.add(lit(k));
            kv.add(lit(v));
        });
        return call("map", kv.toArray(new Column[0]));
    }

    private static Column schemaText(DataType schema) {
        return lit(io.tideway.engine.error.ErrorParams.sql(schema));
    }
    // ---- end of collection and JSON functions ----

    // ---- XML, xpath, AES, URL, UTF-8, randstr and reflect functions (XmlFunctions, XPathFunctions, CryptoFunctions,
    // TextCheckFunctions, RandomTextFunctions, ReflectFunctions) ----

    /** Parses an XML document column into a struct of {@code schema}; the root element is the row. */
    public static Column from_xml(Column e, StructType schema) {
        return call("from_xml", e, schemaText(schema));
    }

    /** Parses an XML document column with the XML data source's options ({@code attributePrefix}, {@code mode}, ...). */
    public static Column from_xml(Column e, StructType schema, java.util.Map<String, String> options) {
        return call("from_xml", e, schemaText(schema), optionsMap(options));
    }

    /** Parses an XML document column into a struct of the DDL {@code schema}, with options. */
    public static Column from_xml(Column e, String schema, java.util.Map<String, String> options) {
        return call("from_xml", e, lit(schema), optionsMap(options));
    }

    /** Parses an XML document column into a struct of {@code schema} (a DDL string literal or {@code schema_of_xml}). */
    public static Column from_xml(Column e, Column schema) {
        return call("from_xml", e, schema);
    }

    /** Parses an XML document column into a struct of {@code schema}, with options. */
    public static Column from_xml(Column e, Column schema, java.util.Map<String, String> options) {
        return call("from_xml", e, schema, optionsMap(options));
    }

    /** The XML document of a struct column: a {@code ROW} element, fields as child elements (attributes by prefix). */
    public static Column to_xml(Column e) {
        return call("to_xml", e);
    }

    /** The XML document of a struct column, with the XML data source's options ({@code rowTag}, {@code indent}, ...). */
    public static Column to_xml(Column e, java.util.Map<String, String> options) {
        return call("to_xml", e, optionsMap(options));
    }

    /** The schema Spark infers for an XML document literal, as DDL. */
    public static Column schema_of_xml(String xml) {
        return schema_of_xml(lit(xml));
    }

    /** The schema Spark infers for the XML document literal (or foldable column), as DDL. */
    public static Column schema_of_xml(Column xml) {
        return call("schema_of_xml", xml);
    }

    /** The schema Spark infers for the XML document literal with the XML data source's options, as DDL. */
    public static Column schema_of_xml(Column xml, java.util.Map<String, String> options) {
        return call("schema_of_xml", xml, optionsMap(options));
    }

    /** The values of the nodes of the XML document that the XPath expression {@code path} matches (a string literal). */
    public static Column xpath(Column xml, Column path) {
        return call("xpath", xml, path);
    }

    /** The text of the first node the XPath expression matches; null for an empty document. */
    public static Column xpath_string(Column xml, Column path) {
        return call("xpath_string", xml, path);
    }

    /** Whether the XPath expression is true or matches a node. */
    public static Column xpath_boolean(Column xml, Column path) {
        return call("xpath_boolean", xml, path);
    }

    /** The XPath expression's value as a short: 0 if nothing matches or the match is no number. */
    public static Column xpath_short(Column xml, Column path) {
        return call("xpath_short", xml, path);
    }

    /** The XPath expression's value as an int: 0 if nothing matches or the match is no number. */
    public static Column xpath_int(Column xml, Column path) {
        return call("xpath_int", xml, path);
    }

    /** The XPath expression's value as a long: 0 if nothing matches or the match is no number. */
    public static Column xpath_long(Column xml, Column path) {
        return call("xpath_long", xml, path);
    }

    /** The XPath expression's value as a float: 0 if nothing matches, NaN if the match is no number. */
    public static Column xpath_float(Column xml, Column path) {
        return call("xpath_float", xml, path);
    }

    /** The XPath expression's value as a double: 0 if nothing matches, NaN if the match is no number. */
    public static Column xpath_double(Column xml, Column path) {
        return call("xpath_double", xml, path);
    }

    /** {@link #xpath_double} under its other name. */
    public static Column xpath_number(Column xml, Column path) {
        return call("xpath_number", xml, path);
    }
    /** AES encryption of {@code input} with {@code key} (16, 24 or 32 bytes) in GCM mode; a random IV leads the result. */
    public static Column aes_encrypt(Column input, Column key) {
        return call("aes_encrypt", input, key);
    }

    /** AES encryption in {@code mode} (GCM, CBC or ECB). */
    public static Column aes_encrypt(Column input, Column key, Column mode) {
        return call("aes_encrypt", input, key, mode);
    }

    /** AES encryption in {@code mode} with {@code padding} (DEFAULT, NONE for GCM, PKCS for CBC and ECB). */
    public static Column aes_encrypt(Column input, Column key, Column mode, Column padding) {
        return call("aes_encrypt", input, key, mode, padding);
    }

    /** AES encryption with the initialization vector {@code iv} (12 bytes for GCM, 16 for CBC; empty for a random one). */
    public static Column aes_encrypt(Column input, Column key, Column mode, Column padding, Column iv) {
        return call("aes_encrypt", input, key, mode, padding, iv);
    }

    /** AES encryption with an IV and GCM's additional authenticated data {@code aad}. */
    public static Column aes_encrypt(Column input, Column key, Column mode, Column padding, Column iv, Column aad) {
        return call("aes_encrypt", input, key, mode, padding, iv, aad);
    }

    /** AES decryption of what {@link #aes_encrypt} wrote, in GCM mode. */
    public static Column aes_decrypt(Column input, Column key) {
        return call("aes_decrypt", input, key);
    }

    /** AES decryption in {@code mode}. */
    public static Column aes_decrypt(Column input, Column key, Column mode) {
        return call("aes_decrypt", input, key, mode);
    }

    /** AES decryption in {@code mode} with {@code padding}. */
    public static Column aes_decrypt(Column input, Column key, Column mode, Column padding) {
        return call("aes_decrypt", input, key, mode, padding);
    }

    /** AES decryption with GCM's additional authenticated data {@code aad}. */
    public static Column aes_decrypt(Column input, Column key, Column mode, Column padding, Column aad) {
        return call("aes_decrypt", input, key, mode, padding, aad);
    }

    /** As {@link #aes_decrypt}, null where it fails. */
    public static Column try_aes_decrypt(Column input, Column key) {
        return call("try_aes_decrypt", input, key);
    }

    /** As {@link #aes_decrypt}, null where it fails. */
    public static Column try_aes_decrypt(Column input, Column key, Column mode) {
        return call("try_aes_decrypt", input, key, mode);
    }

    /** As {@link #aes_decrypt}, null where it fails. */
    public static Column try_aes_decrypt(Column input, Column key, Column mode, Column padding) {
        return call("try_aes_decrypt", input, key, mode, padding);
    }

    /** As {@link #aes_decrypt}, null where it fails. */
    public static Column try_aes_decrypt(Column input, Column key, Column mode, Column padding, Column aad) {
        return call("try_aes_decrypt", input, key, mode, padding, aad);
    }

    /** The string encoded as an {@code application/x-www-form-urlencoded} URL part in UTF-8. */
    public static Column url_encode(Column str) {
        return call("url_encode", str);
    }

    /** The {@code application/x-www-form-urlencoded} string decoded; an error for a malformed escape. */
    public static Column url_decode(Column str) {
        return call("url_decode", str);
    }

    /** As {@link #url_decode}, null for a malformed escape. */
    public static Column try_url_decode(Column str) {
        return call("try_url_decode", str);
    }

    /** Whether the string is well-formed UTF-8. */
    public static Column is_valid_utf8(Column str) {
        return call("is_valid_utf8", str);
    }

    /** The string with each invalid UTF-8 sequence replaced by U+FFFD. */
    public static Column make_valid_utf8(Column str) {
        return call("make_valid_utf8", str);
    }

    /** The string if it is well-formed UTF-8, an error otherwise. */
    public static Column validate_utf8(Column str) {
        return call("validate_utf8", str);
    }

    /** The string if it is well-formed UTF-8, null otherwise. */
    public static Column try_validate_utf8(Column str) {
        return call("try_validate_utf8", str);
    }

    /** A string of {@code length} random characters from 0-9, a-z, A-Z (a random seed, shown in the column name as Spark does). */
    public static Column randstr(Column length) {
        return call("randstr", length, lit(new java.util.Random().nextLong()));
    }

    /** A string of {@code length} random characters from 0-9, a-z, A-Z, drawn with {@code seed}. */
    public static Column randstr(Column length, Column seed) {
        return call("randstr", length, seed);
    }

    /** Calls the public static method {@code cols[1]} of the class {@code cols[0]} (string literals) with the other columns; its result as a string. */
    public static Column reflect(Column... cols) {
        return call("reflect", cols);
    }

    /** {@link #reflect} under its other name. */
    public static Column java_method(Column... cols) {
        return call("java_method", cols);
    }

    /** As {@link #reflect}, null where the method throws. */
    public static Column try_reflect(Column... cols) {
        return call("try_reflect", cols);
    }
    // ---- end of XML, xpath, AES, URL, UTF-8, randstr and reflect functions ----

    // ---- variant functions (VariantFunctions, io.tideway.types.variant) ----

    /** Parses a JSON string into a variant; text that is not JSON fails. */
    public static Column parse_json(Column json) {
        return call("parse_json", json);
    }

    /** Parses a JSON string into a variant; text that is not JSON gives null. */
    public static Column try_parse_json(Column json) {
        return call("try_parse_json", json);
    }

    /** The value at {@code path} of a variant, cast to {@code targetType}; a failed cast fails. */
    public static Column variant_get(Column v, String path, String targetType) {
        return call("variant_get", v, lit(path), lit(targetType));
    }

    /** The value at a path computed per row, cast to {@code targetType}; a failed cast fails. */
    public static Column variant_get(Column v, Column path, String targetType) {
        return call("variant_get", v, path, lit(targetType));
    }

    /** The value at {@code path} of a variant, cast to {@code targetType}; a failed cast gives null. */
    public static Column try_variant_get(Column v, String path, String targetType) {
        return call("try_variant_get", v, lit(path), lit(targetType));
    }

    /** The value at a path computed per row, cast to {@code targetType}; a failed cast gives null. */
    public static Column try_variant_get(Column v, Column path, String targetType) {
        return call("try_variant_get", v, path, lit(targetType));
    }

    /** Whether a variant is a JSON null (a SQL NULL is not). */
    public static Column is_variant_null(Column v) {
        return call("is_variant_null", v);
    }

    /** The schema of a variant as SQL text ({@code OBJECT<a: BIGINT>}). */
    public static Column schema_of_variant(Column v) {
        return call("schema_of_variant", v);
    }

    /** The schemas of a column's variants merged into one, as SQL text (an aggregate). */
    public static Column schema_of_variant_agg(Column v) {
        return call("schema_of_variant_agg", v);
    }
    // ---- end of variant functions ----

    /**
     * The array of the parts of the string around the matches of the regular expression {@code pattern}; trailing empty
     * parts are kept.
     */
    public static Column split(Column str, String pattern) {
        return split(str, pattern, -1);
    }

    /**
     * The array of the parts of the string around the matches of {@code pattern}: at most {@code limit} parts (the last
     * holds the rest) when {@code limit} is positive, all of them otherwise.
     */
    public static Column split(Column str, String pattern, int limit) {
        return call("split", str, lit(pattern), lit(limit));
    }

    /**
     * A generator: one row per element of an array (column {@code col}) or per entry of a map ({@code key},
     * {@code value}); a null or empty input gives no row.
     */
    public static Column explode(Column array) {
        return new Column(new Explode(array.expr()));
    }

    /** As {@link #explode}, and a null or empty input gives one row of nulls. */
    public static Column explode_outer(Column array) {
        return new Column(new Explode(array.expr(), true));
    }

    // ---- generators with several columns ----

    /** One row per element with its position ({@code pos}, {@code col}), or per map entry ({@code pos}, {@code key}, {@code value}). */
    public static Column posexplode(Column e) {
        return new Column(new Explode(e.expr(), false, true));
    }

    /** As {@link #posexplode}, and a null or empty input gives one row of nulls. */
    public static Column posexplode_outer(Column e) {
        return new Column(new Explode(e.expr(), true, true));
    }

    /** One row per struct of an array of structs, its fields as the columns. */
    public static Column inline(Column e) {
        return call("inline", e);
    }

    /** As {@link #inline}, and a null or empty array gives one row of nulls. */
    public static Column inline_outer(Column e) {
        return call("inline_outer", e);
    }

    /** {@code json_tuple(json, fields...)}: one row, the named top-level fields of the JSON object as strings {@code c0, c1, ...}. */
    public static Column json_tuple(Column json, String... fields) {
        Column[] args = new Column[fields.length + 1];
        args[0] = json;
        for (int i = 0; i < fields.length; i++) {
            args[i + 1] = lit(fields[i]);
        }
        return call("json_tuple", args);
    }

    /** {@code stack(n, v1, ..., vk)}: the values in {@code n} rows of columns {@code col0, col1, ...}. */
    public static Column stack(Column... cols) {
        return call("stack", cols);
    }

    // ---- end of generators with several columns ----

    // ---- higher-order functions (lambdas) ----

    /** The lambda {@code f} over new variables, as Spark's Java API builds it ({@code x}, {@code y}, {@code z}). */
    private static Expression lambda(int arity, java.util.function.Function<Column[], Column> f) {
        java.util.List<String> names = java.util.List.of("x", "y", "z").subList(0, arity);
        return io.tideway.engine.expr.LambdaFunction.of(names, vars -> {
            Column[] cols = new Column[vars.size()];
            for (int i = 0; i < cols.length; i++) {
                cols[i] = new Column(vars.get(i));
            }
            return f.apply(cols).expr();
        });
    }

    private static Expression lambda1(scala.Function1<Column, Column> f) {
        return lambda(1, v -> f.apply(v[0]));
    }

    private static Expression lambda2(scala.Function2<Column, Column, Column> f) {
        return lambda(2, v -> f.apply(v[0], v[1]));
    }

    private static Column hof(String name, Expression... args) {
        return new Column(FunctionRegistry.callLater(name, args));
    }

    /** {@code transform(array, x -> ...)}: the function's value for each element. */
    public static Column transform(Column column, scala.Function1<Column, Column> f) {
        return hof("transform", column.expr(), lambda1(f));
    }

    /** {@code transform(array, (x, i) -> ...)}: with each element's index. */
    public static Column transform(Column column, scala.Function2<Column, Column, Column> f) {
        return hof("transform", column.expr(), lambda2(f));
    }

    /** Whether the predicate holds for some element (null if it is null for some and true for none). */
    public static Column exists(Column column, scala.Function1<Column, Column> f) {
        return hof("exists", column.expr(), lambda1(f));
    }

    /** Whether the predicate holds for every element (null if it is null for some and false for none). */
    public static Column forall(Column column, scala.Function1<Column, Column> f) {
        return hof("forall", column.expr(), lambda1(f));
    }

    /** The elements for which the predicate is true. */
    public static Column filter(Column column, scala.Function1<Column, Column> f) {
        return hof("filter", column.expr(), lambda1(f));
    }

    /** The elements for which the predicate, given each element and its index, is true. */
    public static Column filter(Column column, scala.Function2<Column, Column, Column> f) {
        return hof("filter", column.expr(), lambda2(f));
    }

    /** Folds the elements into {@code initialValue} with {@code merge}, then applies {@code finish}. */
    public static Column aggregate(Column expr, Column initialValue, scala.Function2<Column, Column, Column> merge,
            scala.Function1<Column, Column> finish) {
        return hof("aggregate", expr.expr(), initialValue.expr(), lambda2(merge), lambda1(finish));
    }

    /** Folds the elements into {@code initialValue} with {@code merge}. */
    public static Column aggregate(Column expr, Column initialValue, scala.Function2<Column, Column, Column> merge) {
        return hof("aggregate", expr.expr(), initialValue.expr(), lambda2(merge),
                io.tideway.engine.expr.fn.LambdaFunctions.identity());
    }

    /** As {@link #aggregate(Column, Column, scala.Function2, scala.Function1)}, named {@code reduce}. */
    public static Column reduce(Column expr, Column initialValue, scala.Function2<Column, Column, Column> merge,
            scala.Function1<Column, Column> finish) {
        return hof("reduce", expr.expr(), initialValue.expr(), lambda2(merge), lambda1(finish));
    }

    /** As {@link #aggregate(Column, Column, scala.Function2)}, named {@code reduce}. */
    public static Column reduce(Column expr, Column initialValue, scala.Function2<Column, Column, Column> merge) {
        return hof("reduce", expr.expr(), initialValue.expr(), lambda2(merge),
                io.tideway.engine.expr.fn.LambdaFunctions.identity());
    }

    /** The arrays merged element by element with {@code f}, the shorter padded with nulls. */
    public static Column zip_with(Column left, Column right, scala.Function2<Column, Column, Column> f) {
        return hof("zip_with", left.expr(), right.expr(), lambda2(f));
    }

    /** The array sorted by {@code comparator}: negative, 0 or positive as its first argument is less, equal or greater. */
    public static Column array_sort(Column e, scala.Function2<Column, Column, Column> comparator) {
        return hof("array_sort", e.expr(), lambda2(comparator));
    }

    /** The entries of the map for which {@code f(key, value)} is true. */
    public static Column map_filter(Column expr, scala.Function2<Column, Column, Column> f) {
        return hof("map_filter", expr.expr(), lambda2(f));
    }

    /** The map with each key replaced by {@code f(key, value)}. */
    public static Column transform_keys(Column expr, scala.Function2<Column, Column, Column> f) {
        return hof("transform_keys", expr.expr(), lambda2(f));
    }

    /** The map with each value replaced by {@code f(key, value)}. */
    public static Column transform_values(Column expr, scala.Function2<Column, Column, Column> f) {
        return hof("transform_values", expr.expr(), lambda2(f));
    }

    /** The maps merged key by key with {@code f(key, value1, value2)}. */
    public static Column map_zip_with(Column left, Column right, scala.Function3<Column, Column, Column, Column> f) {
        return hof("map_zip_with", left.expr(), right.expr(), lambda(3, v -> f.apply(v[0], v[1], v[2])));
    }

    // ---- end of higher-order functions (lambdas) ----

    /**
     * The current timestamp, one value for a whole query; in a stream, the micro-batch's timestamp, kept when the batch
     * is re-run.
     */
    public static Column current_timestamp() {
        return new Column(new CurrentTimestamp());
    }

    /**
     * Aggregate: the number of rows where the value is not null, as a bigint; {@code count(col("*"))} counts every row.
     */
    public static Column count(Column c) {
        if (c.expr() instanceof io.tideway.engine.expr.UnresolvedAttribute a && a.isStar()) {
            return new Column(Count.star());
        }
        return new Column(new Count(c.expr()));
    }

    /** Aggregate: the number of rows where the named column is not null; {@code "*"} counts every row. */
    public static Column count(String columnName) {
        return count(col(columnName));
    }

    /**
     * Aggregate: the sum of the values, ignoring nulls (null when there are none): a bigint for integral input, a
     * double for floating, a wider decimal for decimal; integral overflow is an error in ANSI mode.
     */
    public static Column sum(Column c) {
        return new Column(new Sum(c.expr()));
    }

    /** Aggregate: the sum of the named column's values, ignoring nulls. */
    public static Column sum(String columnName) {
        return sum(col(columnName));
    }

    /**
     * Aggregate: the mean of the values, ignoring nulls (null when there are none), as a double (a decimal for decimal
     * input).
     */
    public static Column avg(Column c) {
        return new Column(new Average(c.expr()));
    }

    /** Aggregate: the mean of the named column's values, ignoring nulls. */
    public static Column avg(String columnName) {
        return avg(col(columnName));
    }

    /** Aggregate: the mean of the values; the same as {@link #avg(Column)}. */
    public static Column mean(Column c) {
        return avg(c);
    }

    /** Aggregate: the mean of the named column's values; the same as {@link #avg(String)}. */
    public static Column mean(String columnName) {
        return avg(columnName);
    }

    /** Aggregate: the smallest value, ignoring nulls (null when there are none). */
    public static Column min(Column c) {
        return new Column(new MinMax(c.expr(), false));
    }

    /** Aggregate: the smallest value of the named column, ignoring nulls. */
    public static Column min(String columnName) {
        return min(col(columnName));
    }

    /** Aggregate: the largest value, ignoring nulls (null when there are none). */
    public static Column max(Column c) {
        return new Column(new MinMax(c.expr(), true));
    }

    /** Aggregate: the largest value of the named column, ignoring nulls. */
    public static Column max(String columnName) {
        return max(col(columnName));
    }

    // ---- aggregate functions (AggregateFunctions, io.tideway.engine.expr.agg) ----

    /**
     * Aggregate: the value of the group's first row, null or not; the row order, and so the result, is not
     * deterministic after a shuffle.
     */
    public static Column first(Column e) {
        return call("first", e);
    }

    /** Aggregate: the named column's value of the group's first row, null or not. */
    public static Column first(String columnName) {
        return first(col(columnName));
    }

    /** Aggregate: the value of the group's first row, or with {@code ignoreNulls} its first value that is not null. */
    public static Column first(Column e, boolean ignoreNulls) {
        return call("first", e, lit(ignoreNulls));
    }

    /** Aggregate: the named column's first value, or with {@code ignoreNulls} its first value that is not null. */
    public static Column first(String columnName, boolean ignoreNulls) {
        return first(col(columnName), ignoreNulls);
    }

    /**
     * Aggregate: the value of the group's last row, null or not; the row order, and so the result, is not deterministic
     * after a shuffle.
     */
    public static Column last(Column e) {
        return call("last", e);
    }

    /** Aggregate: the named column's value of the group's last row, null or not. */
    public static Column last(String columnName) {
        return last(col(columnName));
    }

    /** Aggregate: the value of the group's last row, or with {@code ignoreNulls} its last value that is not null. */
    public static Column last(Column e, boolean ignoreNulls) {
        return call("last", e, lit(ignoreNulls));
    }

    /** Aggregate: the named column's last value, or with {@code ignoreNulls} its last value that is not null. */
    public static Column last(String columnName, boolean ignoreNulls) {
        return last(col(columnName), ignoreNulls);
    }

    /** Aggregate: the value of the group's first row, null or not; the same as {@link #first(Column)}. */
    public static Column first_value(Column e) {
        return call("first_value", e);
    }

    /** Aggregate: the group's first value, skipping nulls when {@code ignoreNulls} (a boolean literal) is true. */
    public static Column first_value(Column e, Column ignoreNulls) {
        return call("first_value", e, ignoreNulls);
    }

    /** Aggregate: the value of the group's last row, null or not; the same as {@link #last(Column)}. */
    public static Column last_value(Column e) {
        return call("last_value", e);
    }

    /** Aggregate: the group's last value, skipping nulls when {@code ignoreNulls} (a boolean literal) is true. */
    public static Column last_value(Column e, Column ignoreNulls) {
        return call("last_value", e, ignoreNulls);
    }

    /** Aggregate: some value of the group (null possibly); which one is not specified. */
    public static Column any_value(Column e) {
        return call("any_value", e);
    }

    /**
     * Aggregate: some value of the group, one that is not null when {@code ignoreNulls} (a boolean literal) is true.
     */
    public static Column any_value(Column e, Column ignoreNulls) {
        return call("any_value", e, ignoreNulls);
    }

    /** Aggregate: the number of rows where the boolean is true, as a bigint. */
    public static Column count_if(Column e) {
        return call("count_if", e);
    }

    /** Aggregate: whether the boolean is true in every row, ignoring nulls; null when there are no values. */
    public static Column bool_and(Column e) {
        return call("bool_and", e);
    }

    /** Aggregate: whether the boolean is true in every row; the same as {@link #bool_and}. */
    public static Column every(Column e) {
        return call("every", e);
    }

    /** Aggregate: whether the boolean is true in some row, ignoring nulls; null when there are no values. */
    public static Column bool_or(Column e) {
        return call("bool_or", e);
    }

    /** Aggregate: whether the boolean is true in some row; the same as {@link #bool_or}. */
    public static Column some(Column e) {
        return call("some", e);
    }

    /** Aggregate: whether the boolean is true in some row; the same as {@link #bool_or}. */
    public static Column any(Column e) {
        return call("any", e);
    }

    /** Aggregate: the sample standard deviation as a double, ignoring nulls; null for fewer than two values. */
    public static Column stddev(Column e) {
        return call("stddev", e);
    }

    /** Aggregate: the sample standard deviation of the named column; null for fewer than two values. */
    public static Column stddev(String columnName) {
        return stddev(col(columnName));
    }

    /** Aggregate: the sample standard deviation; the same as {@link #stddev(Column)}. */
    public static Column std(Column e) {
        return call("std", e);
    }

    /** Aggregate: the sample standard deviation as a double, ignoring nulls; null for fewer than two values. */
    public static Column stddev_samp(Column e) {
        return call("stddev_samp", e);
    }

    /** Aggregate: the sample standard deviation of the named column; null for fewer than two values. */
    public static Column stddev_samp(String columnName) {
        return stddev_samp(col(columnName));
    }

    /** Aggregate: the population standard deviation as a double, ignoring nulls; null when there are no values. */
    public static Column stddev_pop(Column e) {
        return call("stddev_pop", e);
    }

    /** Aggregate: the population standard deviation of the named column. */
    public static Column stddev_pop(String columnName) {
        return stddev_pop(col(columnName));
    }

    /** Aggregate: the sample variance as a double, ignoring nulls; null for fewer than two values. */
    public static Column variance(Column e) {
        return call("variance", e);
    }

    /** Aggregate: the sample variance of the named column; null for fewer than two values. */
    public static Column variance(String columnName) {
        return variance(col(columnName));
    }

    /** Aggregate: the sample variance as a double, ignoring nulls; null for fewer than two values. */
    public static Column var_samp(Column e) {
        return call("var_samp", e);
    }

    /** Aggregate: the sample variance of the named column; null for fewer than two values. */
    public static Column var_samp(String columnName) {
        return var_samp(col(columnName));
    }

    /** Aggregate: the population variance as a double, ignoring nulls; null when there are no values. */
    public static Column var_pop(Column e) {
        return call("var_pop", e);
    }

    /** Aggregate: the population variance of the named column. */
    public static Column var_pop(String columnName) {
        return var_pop(col(columnName));
    }

    /** Aggregate: the skewness of the values as a double, ignoring nulls; null when there are no values. */
    public static Column skewness(Column e) {
        return call("skewness", e);
    }

    /** Aggregate: the skewness of the named column's values. */
    public static Column skewness(String columnName) {
        return skewness(col(columnName));
    }

    /** Aggregate: the excess kurtosis of the values as a double, ignoring nulls; null when there are no values. */
    public static Column kurtosis(Column e) {
        return call("kurtosis", e);
    }

    /** Aggregate: the excess kurtosis of the named column's values. */
    public static Column kurtosis(String columnName) {
        return kurtosis(col(columnName));
    }

    /**
     * Aggregate: the Pearson correlation of the two columns as a double, over rows where neither is null; null for
     * fewer than two such rows.
     */
    public static Column corr(Column column1, Column column2) {
        return call("corr", column1, column2);
    }

    /** Aggregate: the Pearson correlation of the two named columns. */
    public static Column corr(String columnName1, String columnName2) {
        return corr(col(columnName1), col(columnName2));
    }

    /** Aggregate: the population covariance of the two columns as a double, over rows where neither is null. */
    public static Column covar_pop(Column column1, Column column2) {
        return call("covar_pop", column1, column2);
    }

    /** Aggregate: the population covariance of the two named columns. */
    public static Column covar_pop(String columnName1, String columnName2) {
        return covar_pop(col(columnName1), col(columnName2));
    }

    /**
     * Aggregate: the sample covariance of the two columns as a double, over rows where neither is null; null for fewer
     * than two such rows.
     */
    public static Column covar_samp(Column column1, Column column2) {
        return call("covar_samp", column1, column2);
    }

    /** Aggregate: the sample covariance of the two named columns. */
    public static Column covar_samp(String columnName1, String columnName2) {
        return covar_samp(col(columnName1), col(columnName2));
    }

    /**
     * Aggregate: the value of {@code e} in the row where {@code ord} is largest (rows with a null {@code ord} skipped);
     * which row wins a tie is not specified.
     */
    public static Column max_by(Column e, Column ord) {
        return call("max_by", e, ord);
    }

    /**
     * Aggregate: the value of {@code e} in the row where {@code ord} is smallest (rows with a null {@code ord}
     * skipped); which row wins a tie is not specified.
     */
    public static Column min_by(Column e, Column ord) {
        return call("min_by", e, ord);
    }

    /**
     * Aggregate: the array of the values that are not null, in the order the rows come (not deterministic after a
     * shuffle).
     */
    public static Column collect_list(Column e) {
        return call("collect_list", e);
    }

    /** Aggregate: the array of the named column's values that are not null. */
    public static Column collect_list(String columnName) {
        return collect_list(col(columnName));
    }

    /** Aggregate: the array of the values that are not null; the same as {@link #collect_list(Column)}. */
    public static Column array_agg(Column e) {
        return call("array_agg", e);
    }

    /** Aggregate: the array of the distinct values that are not null, in no specified order. */
    public static Column collect_set(Column e) {
        return call("collect_set", e);
    }

    /** Aggregate: the array of the named column's distinct values that are not null. */
    public static Column collect_set(String columnName) {
        return collect_set(col(columnName));
    }

    /**
     * Aggregate: an estimate (HyperLogLog++, at most 5% relative standard deviation) of the number of distinct values
     * that are not null, as a bigint.
     */
    public static Column approx_count_distinct(Column e) {
        return call("approx_count_distinct", e);
    }

    /** Aggregate: an estimate of the number of distinct values of the named column. */
    public static Column approx_count_distinct(String columnName) {
        return approx_count_distinct(col(columnName));
    }

    /**
     * Aggregate: an estimate of the number of distinct values that are not null, with at most {@code rsd} relative
     * standard deviation.
     */
    public static Column approx_count_distinct(Column e, double rsd) {
        return call("approx_count_distinct", e, lit(rsd));
    }

    /**
     * Aggregate: an estimate of the number of distinct values of the named column, with at most {@code rsd} relative
     * standard deviation.
     */
    public static Column approx_count_distinct(String columnName, double rsd) {
        return approx_count_distinct(col(columnName), rsd);
    }

    /**
     * Aggregate: an estimate of the number of distinct values.
     * @deprecated as in Spark: use {@link #approx_count_distinct(Column)}.
     */
    @Deprecated
    public static Column approxCountDistinct(Column e) {
        return approx_count_distinct(e);
    }

    /**
     * Aggregate: an estimate of the number of distinct values of the named column.
     * @deprecated as in Spark: use {@link #approx_count_distinct(String)}.
     */
    @Deprecated
    public static Column approxCountDistinct(String columnName) {
        return approx_count_distinct(columnName);
    }

    /**
     * Aggregate: an estimate of the number of distinct values, with at most {@code rsd} relative standard deviation.
     * @deprecated as in Spark: use {@link #approx_count_distinct(Column, double)}.
     */
    @Deprecated
    public static Column approxCountDistinct(Column e, double rsd) {
        return approx_count_distinct(e, rsd);
    }

    /**
     * Aggregate: an estimate of the number of distinct values of the named column, with at most {@code rsd} relative
     * standard deviation.
     * @deprecated as in Spark: use {@link #approx_count_distinct(String, double)}.
     */
    @Deprecated
    public static Column approxCountDistinct(String columnName, double rsd) {
        return approx_count_distinct(columnName, rsd);
    }

    /**
     * Aggregate: the smallest value such that at least {@code percentage} (0 to 1, or an array of them for an array
     * result) of the values are no greater, estimated; a larger {@code accuracy} (such as 10000) costs memory for
     * precision.
     */
    public static Column percentile_approx(Column e, Column percentage, Column accuracy) {
        return call("percentile_approx", e, percentage, accuracy);
    }

    /** Aggregate: an estimated percentile of the values; the same as {@link #percentile_approx}. */
    public static Column approx_percentile(Column e, Column percentage, Column accuracy) {
        return call("approx_percentile", e, percentage, accuracy);
    }

    /**
     * Aggregate: the exact percentile of the numeric values as a double, interpolated between neighbours;
     * {@code percentage} is 0 to 1, or an array of them for an array result.
     */
    public static Column percentile(Column e, Column percentage) {
        return call("percentile", e, percentage);
    }

    /** Aggregate: the exact percentile of the values, each counted {@code frequency} times (a positive integer). */
    public static Column percentile(Column e, Column percentage, Column frequency) {
        return call("percentile", e, percentage, frequency);
    }

    /** Aggregate: the exact median of the numeric values as a double, interpolated between the two middle ones. */
    public static Column median(Column e) {
        return call("median", e);
    }

    /** Aggregate: the most frequent value that is not null; which one wins a tie is not specified. */
    public static Column mode(Column e) {
        return call("mode", e);
    }

    /** Aggregate: the most frequent value that is not null; with {@code deterministic}, the smallest of those tied. */
    public static Column mode(Column e, boolean deterministic) {
        return call("mode", e, lit(deterministic));
    }

    /** Aggregate: the number of distinct rows of the values, counting only rows where none of them is null. */
    public static Column countDistinct(Column expr, Column... exprs) {
        return distinct("count", expr, exprs);
    }

    /** Aggregate: the number of distinct rows of the named columns, counting only rows where none of them is null. */
    public static Column countDistinct(String columnName, String... columnNames) {
        Column[] rest = new Column[columnNames.length];
        for (int i = 0; i < rest.length; i++) {
            rest[i] = col(columnNames[i]);
        }
        return countDistinct(col(columnName), rest);
    }

    /** Aggregate: the number of distinct rows of the values; the same as {@link #countDistinct(Column, Column...)}. */
    public static Column count_distinct(Column expr, Column... exprs) {
        return distinct("count", expr, exprs);
    }

    /** Aggregate: the sum of the distinct values that are not null. */
    public static Column sum_distinct(Column e) {
        return distinct("sum", e);
    }

    /**
     * Aggregate: the sum of the distinct values.
     * @deprecated as in Spark: use {@link #sum_distinct}.
     */
    @Deprecated
    public static Column sumDistinct(Column e) {
        return sum_distinct(e);
    }

    /**
     * Aggregate: the sum of the named column's distinct values.
     * @deprecated as in Spark: use {@link #sum_distinct}.
     */
    @Deprecated
    public static Column sumDistinct(String columnName) {
        return sum_distinct(col(columnName));
    }

    /** {@code name(DISTINCT ...)} of an aggregate. */
    private static Column distinct(String name, Column first, Column... more) {
        java.util.List<Expression> args = new java.util.ArrayList<>();
        args.add(first.expr());
        for (Column c : more) {
            args.add(c.expr());
        }
        return new Column(io.tideway.engine.expr.agg.DistinctAggregate.call(name, args));
    }

    // ---- end of aggregate functions ----

    // ---- aggregate functions the API audit found missing (issue #14: AuditAggregateFunctions, BitmapFunctions,
    // io.tideway.engine.expr.agg) ----

    /** Aggregate: the bitwise AND of the non-null values of an integral column, of its type; null when none. */
    public static Column bit_and(Column e) {
        return call("bit_and", e);
    }

    /** Aggregate: the bitwise OR of the non-null values of an integral column, of its type; null when none. */
    public static Column bit_or(Column e) {
        return call("bit_or", e);
    }

    /** Aggregate: the bitwise XOR of the non-null values of an integral column, of its type; null when none. */
    public static Column bit_xor(Column e) {
        return call("bit_xor", e);
    }

    /** Aggregate: the number of rows where both the dependent {@code y} and the independent {@code x} are non-null. */
    public static Column regr_count(Column y, Column x) {
        return call("regr_count", y, x);
    }

    /** Aggregate: the average of {@code x} over the rows where {@code y} and {@code x} are non-null. */
    public static Column regr_avgx(Column y, Column x) {
        return call("regr_avgx", y, x);
    }

    /** Aggregate: the average of {@code y} over the rows where {@code y} and {@code x} are non-null. */
    public static Column regr_avgy(Column y, Column x) {
        return call("regr_avgy", y, x);
    }

    /** Aggregate: the coefficient of determination of the linear regression of {@code y} on {@code x}. */
    public static Column regr_r2(Column y, Column x) {
        return call("regr_r2", y, x);
    }

    /** Aggregate: the slope of the linear regression line of {@code y} on {@code x}. */
    public static Column regr_slope(Column y, Column x) {
        return call("regr_slope", y, x);
    }

    /** Aggregate: the intercept of the linear regression line of {@code y} on {@code x}. */
    public static Column regr_intercept(Column y, Column x) {
        return call("regr_intercept", y, x);
    }

    /** Aggregate: {@code regr_count(y, x) * var_pop(x)} over the rows where both are non-null. */
    public static Column regr_sxx(Column y, Column x) {
        return call("regr_sxx", y, x);
    }

    /** Aggregate: {@code regr_count(y, x) * var_pop(y)} over the rows where both are non-null. */
    public static Column regr_syy(Column y, Column x) {
        return call("regr_syy", y, x);
    }

    /** Aggregate: {@code regr_count(y, x) * covar_pop(y, x)} over the rows where both are non-null. */
    public static Column regr_sxy(Column y, Column x) {
        return call("regr_sxy", y, x);
    }

    /** Aggregate: the sum of the values, as {@link #sum(Column)}, but null instead of an error on overflow. */
    public static Column try_sum(Column e) {
        return call("try_sum", e);
    }

    /** Aggregate: the average of the values, as {@link #avg(Column)}, but null instead of an error on overflow. */
    public static Column try_avg(Column e) {
        return call("try_avg", e);
    }

    /** Aggregate: the product of the non-null values as a double; null when none. Spark has no SQL name for it. */
    public static Column product(Column e) {
        return new Column(new io.tideway.engine.expr.agg.Product(e.expr()));
    }

    /**
     * Aggregate: a histogram of the numeric column in {@code nBins} bins, an array of structs {@code (x, y)}: bin
     * centres (of the column's type) and heights, by Spark's streaming histogram algorithm.
     */
    public static Column histogram_numeric(Column e, Column nBins) {
        return call("histogram_numeric", e, nBins);
    }

    /** Aggregate: the non-null strings (or binaries) concatenated, without a delimiter. */
    public static Column listagg(Column e) {
        return call("listagg", e);
    }

    /** Aggregate: the non-null strings (or binaries) concatenated, separated by {@code delimiter}. */
    public static Column listagg(Column e, Column delimiter) {
        return call("listagg", e, delimiter);
    }

    /** Aggregate: the distinct non-null strings (or binaries) concatenated, without a delimiter. */
    public static Column listagg_distinct(Column e) {
        return distinct("listagg", e);
    }

    /** Aggregate: the distinct non-null strings (or binaries) concatenated, separated by {@code delimiter}. */
    public static Column listagg_distinct(Column e, Column delimiter) {
        return distinct("listagg", e, delimiter);
    }

    /** Aggregate: the same as {@link #listagg(Column)}. */
    public static Column string_agg(Column e) {
        return call("string_agg", e);
    }

    /** Aggregate: the same as {@link #listagg(Column, Column)}. */
    public static Column string_agg(Column e, Column delimiter) {
        return call("string_agg", e, delimiter);
    }

    /** Aggregate: the same as {@link #listagg_distinct(Column)}. */
    public static Column string_agg_distinct(Column e) {
        return distinct("string_agg", e);
    }

    /** Aggregate: the same as {@link #listagg_distinct(Column, Column)}. */
    public static Column string_agg_distinct(Column e, Column delimiter) {
        return distinct("string_agg", e, delimiter);
    }

    /** The bucket of a BIGINT value among bitmaps of 32,768 values each (positive values from bucket 1). */
    public static Column bitmap_bucket_number(Column col) {
        return call("bitmap_bucket_number", col);
    }

    /** The bit position of a BIGINT value in its bitmap bucket ({@link #bitmap_bucket_number(Column)}). */
    public static Column bitmap_bit_position(Column col) {
        return call("bitmap_bit_position", col);
    }

    /** The number of bits set in a bitmap (a binary). */
    public static Column bitmap_count(Column col) {
        return call("bitmap_count", col);
    }

    /** Aggregate: the 4,096-byte bitmap with the bit of every non-null position set (positions 0 to 32,767). */
    public static Column bitmap_construct_agg(Column col) {
        return call("bitmap_construct_agg", col);
    }

    /** Aggregate: the bitwise OR of the bitmaps of a binary column, 4,096 bytes. */
    public static Column bitmap_or_agg(Column col) {
        return call("bitmap_or_agg", col);
    }

    // ---- end of aggregate functions the API audit found missing ----

    // ---- grouping-sets functions (GroupingFunctions; with rollup, cube, groupingSets) ----

    /**
     * Aggregate: 1 when {@code e} is not in the row's grouping set (a subtotal row of a
     * {@code rollup} or {@code cube}), else 0, as a TINYINT.
     */
    public static Column grouping(Column e) {
        return call("grouping", e);
    }

    /** As {@link #grouping(Column)}, of the named column. */
    public static Column grouping(String columnName) {
        return grouping(col(columnName));
    }

    /**
     * Aggregate: the grouping bits of the grouping columns as a BIGINT, the first column the most
     * significant bit ({@code (grouping(c1) << (n-1)) + ... + grouping(cn)}); the columns, if
     * given, must be the grouping columns in order.
     */
    public static Column grouping_id(Column... cols) {
        return call("grouping_id", cols);
    }

    /** As {@link #grouping_id(Column...)}, of the named columns. */
    public static Column grouping_id(String colName, String... colNames) {
        Column[] cols = new Column[colNames.length + 1];
        cols[0] = col(colName);
        for (int i = 0; i < colNames.length; i++) {
            cols[i + 1] = col(colNames[i]);
        }
        return grouping_id(cols);
    }

    // ---- end of grouping-sets functions ----

    // ---- window functions (WindowFunctions, io.tideway.engine.expr.window; use with Column.over) ----

    /** Window function: the row's 1-based position in its partition's order. */
    public static Column row_number() {
        return call("row_number");
    }

    /** Window function: the row's rank in its partition, ties sharing one rank and leaving gaps after them. */
    public static Column rank() {
        return call("rank");
    }

    /** Window function: the row's rank in its partition, ties sharing one rank without gaps. */
    public static Column dense_rank() {
        return call("dense_rank");
    }

    /** Window function: {@code (rank - 1) / (rows in partition - 1)}, 0 for a one-row partition. */
    public static Column percent_rank() {
        return call("percent_rank");
    }

    /** Window function: the fraction of the partition's rows ordered at or before the row (its peers included). */
    public static Column cume_dist() {
        return call("cume_dist");
    }

    /** Window function: the number (1 to {@code n}) of the group the row falls in when its partition is cut into {@code n}. */
    public static Column ntile(int n) {
        return call("ntile", lit(n));
    }

    /** Window function: the value {@code offset} rows before the current row, null when there is none. */
    public static Column lag(Column e, int offset) {
        return lag(e, offset, null);
    }

    /** Window function: the named column's value {@code offset} rows before the current row. */
    public static Column lag(String columnName, int offset) {
        return lag(col(columnName), offset);
    }

    /** Window function: the named column's value {@code offset} rows before the current row, else {@code defaultValue}. */
    public static Column lag(String columnName, int offset, Object defaultValue) {
        return lag(col(columnName), offset, defaultValue);
    }

    /** Window function: the value {@code offset} rows before the current row, else {@code defaultValue}. */
    public static Column lag(Column e, int offset, Object defaultValue) {
        return lag(e, offset, defaultValue, false);
    }

    /** Window function: as {@link #lag(Column, int, Object)}, counting only rows whose value is not null with {@code ignoreNulls}. */
    public static Column lag(Column e, int offset, Object defaultValue, boolean ignoreNulls) {
        return call("lag", e, lit(offset), lit(defaultValue), lit(ignoreNulls));
    }

    /** Window function: the value {@code offset} rows after the current row, null when there is none. */
    public static Column lead(Column e, int offset) {
        return lead(e, offset, null);
    }

    /** Window function: the named column's value {@code offset} rows after the current row. */
    public static Column lead(String columnName, int offset) {
        return lead(col(columnName), offset);
    }

    /** Window function: the named column's value {@code offset} rows after the current row, else {@code defaultValue}. */
    public static Column lead(String columnName, int offset, Object defaultValue) {
        return lead(col(columnName), offset, defaultValue);
    }

    /** Window function: the value {@code offset} rows after the current row, else {@code defaultValue}. */
    public static Column lead(Column e, int offset, Object defaultValue) {
        return lead(e, offset, defaultValue, false);
    }

    /** Window function: as {@link #lead(Column, int, Object)}, counting only rows whose value is not null with {@code ignoreNulls}. */
    public static Column lead(Column e, int offset, Object defaultValue, boolean ignoreNulls) {
        return call("lead", e, lit(offset), lit(defaultValue), lit(ignoreNulls));
    }

    /** Window function: the value at the {@code offset}-th row of the frame, null when the frame is shorter. */
    public static Column nth_value(Column e, int offset) {
        return nth_value(e, offset, false);
    }

    /** Window function: as {@link #nth_value(Column, int)}, counting only values that are not null with {@code ignoreNulls}. */
    public static Column nth_value(Column e, int offset, boolean ignoreNulls) {
        return call("nth_value", e, lit(offset), lit(ignoreNulls));
    }

    // ---- end of window functions ----

    // ---- sketch functions (HllSketchAggregate, HllUnionAggregate, SketchFunctions) ----

    /** An HLL sketch (DataSketches HLL_8, lgConfigK 12) of the non-null values, as binary. */
    public static Column hll_sketch_agg(Column e) {
        return call("hll_sketch_agg", e);
    }

    /** As {@link #hll_sketch_agg(Column)} of the named column. */
    public static Column hll_sketch_agg(String columnName) {
        return hll_sketch_agg(col(columnName));
    }

    /** An HLL sketch with {@code lgConfigK} (4 to 21) of the non-null values. */
    public static Column hll_sketch_agg(Column e, int lgConfigK) {
        return call("hll_sketch_agg", e, lit(lgConfigK));
    }

    /** As {@link #hll_sketch_agg(Column, int)} of the named column. */
    public static Column hll_sketch_agg(String columnName, int lgConfigK) {
        return hll_sketch_agg(col(columnName), lgConfigK);
    }

    /** An HLL sketch with a constant {@code lgConfigK} column. */
    public static Column hll_sketch_agg(Column e, Column lgConfigK) {
        return call("hll_sketch_agg", e, lgConfigK);
    }

    /** The union of the sketches of a column (all of one lgConfigK). */
    public static Column hll_union_agg(Column e) {
        return call("hll_union_agg", e);
    }

    /** As {@link #hll_union_agg(Column)} of the named column. */
    public static Column hll_union_agg(String columnName) {
        return hll_union_agg(col(columnName));
    }

    /** The union of the sketches of a column, of different lgConfigK if allowed. */
    public static Column hll_union_agg(Column e, boolean allowDifferentLgConfigK) {
        return call("hll_union_agg", e, lit(allowDifferentLgConfigK));
    }

    /** As {@link #hll_union_agg(Column, boolean)} of the named column. */
    public static Column hll_union_agg(String columnName, boolean allowDifferentLgConfigK) {
        return hll_union_agg(col(columnName), allowDifferentLgConfigK);
    }

    /** As {@link #hll_union_agg(Column, boolean)} with a constant boolean column. */
    public static Column hll_union_agg(Column e, Column allowDifferentLgConfigK) {
        return call("hll_union_agg", e, allowDifferentLgConfigK);
    }

    /** The estimated number of distinct values of a sketch. */
    public static Column hll_sketch_estimate(Column c) {
        return call("hll_sketch_estimate", c);
    }

    /** As {@link #hll_sketch_estimate(Column)} of the named column. */
    public static Column hll_sketch_estimate(String columnName) {
        return hll_sketch_estimate(col(columnName));
    }

    /** The union of two sketches of one lgConfigK. */
    public static Column hll_union(Column c1, Column c2) {
        return call("hll_union", c1, c2);
    }

    /** As {@link #hll_union(Column, Column)} of the named columns. */
    public static Column hll_union(String columnName1, String columnName2) {
        return hll_union(col(columnName1), col(columnName2));
    }

    /** The union of two sketches, of different lgConfigK if allowed. */
    public static Column hll_union(Column c1, Column c2, boolean allowDifferentLgConfigK) {
        return call("hll_union", c1, c2, lit(allowDifferentLgConfigK));
    }

    /** As {@link #hll_union(Column, Column, boolean)} of the named columns. */
    public static Column hll_union(String columnName1, String columnName2, boolean allowDifferentLgConfigK) {
        return hll_union(col(columnName1), col(columnName2), allowDifferentLgConfigK);
    }
    // ---- end of sketch functions ----

    // ---- statistics sketch functions (StatSketchFunctions, io.tideway.engine.expr.agg.CountMinSketchAggregate) ----

    /**
     * A Count-min sketch of the column's non-null values (integral, string or binary) with relative
     * error {@code eps}, {@code confidence} and {@code seed} (constants: doubles, and an int or
     * bigint), as binary in Spark's format ({@code io.tideway.util.sketch.CountMinSketch.readFrom}).
     */
    public static Column count_min_sketch(Column e, Column eps, Column confidence, Column seed) {
        return call("count_min_sketch", e, eps, confidence, seed);
    }

    /** As {@link #count_min_sketch(Column, Column, Column, Column)} with a random seed, as Spark's. */
    public static Column count_min_sketch(Column e, Column eps, Column confidence) {
        return count_min_sketch(e, eps, confidence, lit(java.util.concurrent.ThreadLocalRandom.current().nextLong()));
    }

    // ---- end of statistics sketch functions ----

    // ---- user-defined aggregate functions (Aggregator, io.tideway.engine.expr.agg.TypedAggregate) ----

    /**
     * An {@link io.tideway.sql.expressions.Aggregator} as a function of columns for untyped
     * aggregations: its input objects are read with {@code inputEncoder} from the columns the
     * function is applied to, one per column of the encoder, by position.
     */
    public static <IN, BUF, OUT> io.tideway.sql.expressions.UserDefinedFunction udaf(
            io.tideway.sql.expressions.Aggregator<IN, BUF, OUT> agg, Encoder<IN> inputEncoder) {
        return io.tideway.sql.expressions.UserDefinedAggregator.of(agg, inputEncoder);
    }

    // ---- end of user-defined aggregate functions ----

    // ---- user-defined and miscellaneous functions (Java UDFs: io.tideway.sql.api.java, io.tideway.engine.expr.udf; MiscFunctions) ----

    /**
     * A Java UDF of 0 arguments returning {@code returnType}: apply it to columns, or
     * register it with {@code session.udf().register} to call it by name.
     */
    public static io.tideway.sql.expressions.UserDefinedFunction udf(io.tideway.sql.api.java.UDF0<?> f, DataType returnType) {
        return io.tideway.sql.expressions.JavaUserDefinedFunction.of(f, returnType);
    }

    /**
     * A Java UDF of 1 argument returning {@code returnType}: apply it to columns, or
     * register it with {@code session.udf().register} to call it by name.
     */
    public static io.tideway.sql.expressions.UserDefinedFunction udf(io.tideway.sql.api.java.UDF1<?, ?> f, DataType returnType) {
        return io.tideway.sql.expressions.JavaUserDefinedFunction.of(f, returnType);
    }

    /**
     * A Java UDF of 2 arguments returning {@code returnType}: apply it to columns, or
     * register it with {@code session.udf().register} to call it by name.
     */
    public static io.tideway.sql.expressions.UserDefinedFunction udf(io.tideway.sql.api.java.UDF2<?, ?, ?> f, DataType returnType) {
        return io.tideway.sql.expressions.JavaUserDefinedFunction.of(f, returnType);
    }

    /**
     * A Java UDF of 3 arguments returning {@code returnType}: apply it to columns, or
     * register it with {@code session.udf().register} to call it by name.
     */
    public static io.tideway.sql.expressions.UserDefinedFunction udf(io.tideway.sql.api.java.UDF3<?, ?, ?, ?> f, DataType returnType) {
        return io.tideway.sql.expressions.JavaUserDefinedFunction.of(f, returnType);
    }

    /**
     * A Java UDF of 4 arguments returning {@code returnType}: apply it to columns, or
     * register it with {@code session.udf().register} to call it by name.
     */
    public static io.tideway.sql.expressions.UserDefinedFunction udf(io.tideway.sql.api.java.UDF4<?, ?, ?, ?, ?> f, DataType returnType) {
        return io.tideway.sql.expressions.JavaUserDefinedFunction.of(f, returnType);
    }

    /**
     * A Java UDF of 5 arguments returning {@code returnType}: apply it to columns, or
     * register it with {@code session.udf().register} to call it by name.
     */
    public static io.tideway.sql.expressions.UserDefinedFunction udf(io.tideway.sql.api.java.UDF5<?, ?, ?, ?, ?, ?> f, DataType returnType) {
        return io.tideway.sql.expressions.JavaUserDefinedFunction.of(f, returnType);
    }

    /**
     * A Java UDF of 6 arguments returning {@code returnType}: apply it to columns, or
     * register it with {@code session.udf().register} to call it by name.
     */
    public static io.tideway.sql.expressions.UserDefinedFunction udf(io.tideway.sql.api.java.UDF6<?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        return io.tideway.sql.expressions.JavaUserDefinedFunction.of(f, returnType);
    }

    /**
     * A Java UDF of 7 arguments returning {@code returnType}: apply it to columns, or
     * register it with {@code session.udf().register} to call it by name.
     */
    public static io.tideway.sql.expressions.UserDefinedFunction udf(io.tideway.sql.api.java.UDF7<?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        return io.tideway.sql.expressions.JavaUserDefinedFunction.of(f, returnType);
    }

    /**
     * A Java UDF of 8 arguments returning {@code returnType}: apply it to columns, or
     * register it with {@code session.udf().register} to call it by name.
     */
    public static io.tideway.sql.expressions.UserDefinedFunction udf(io.tideway.sql.api.java.UDF8<?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        return io.tideway.sql.expressions.JavaUserDefinedFunction.of(f, returnType);
    }

    /**
     * A Java UDF of 9 arguments returning {@code returnType}: apply it to columns, or
     * register it with {@code session.udf().register} to call it by name.
     */
    public static io.tideway.sql.expressions.UserDefinedFunction udf(io.tideway.sql.api.java.UDF9<?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        return io.tideway.sql.expressions.JavaUserDefinedFunction.of(f, returnType);
    }

    /**
     * A Java UDF of 10 arguments returning {@code returnType}: apply it to columns, or
     * register it with {@code session.udf().register} to call it by name.
     */
    public static io.tideway.sql.expressions.UserDefinedFunction udf(io.tideway.sql.api.java.UDF10<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        return io.tideway.sql.expressions.JavaUserDefinedFunction.of(f, returnType);
    }

    /**
     * A Java UDF of 11 arguments returning {@code returnType}: apply it to columns, or
     * register it with {@code session.udf().register} to call it by name.
     */
    public static io.tideway.sql.expressions.UserDefinedFunction udf(io.tideway.sql.api.java.UDF11<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        return io.tideway.sql.expressions.JavaUserDefinedFunction.of(f, returnType);
    }

    /**
     * A Java UDF of 12 arguments returning {@code returnType}: apply it to columns, or
     * register it with {@code session.udf().register} to call it by name.
     */
    public static io.tideway.sql.expressions.UserDefinedFunction udf(io.tideway.sql.api.java.UDF12<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        return io.tideway.sql.expressions.JavaUserDefinedFunction.of(f, returnType);
    }

    /**
     * A Java UDF of 13 arguments returning {@code returnType}: apply it to columns, or
     * register it with {@code session.udf().register} to call it by name.
     */
    public static io.tideway.sql.expressions.UserDefinedFunction udf(io.tideway.sql.api.java.UDF13<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        return io.tideway.sql.expressions.JavaUserDefinedFunction.of(f, returnType);
    }

    /**
     * A Java UDF of 14 arguments returning {@code returnType}: apply it to columns, or
     * register it with {@code session.udf().register} to call it by name.
     */
    public static io.tideway.sql.expressions.UserDefinedFunction udf(io.tideway.sql.api.java.UDF14<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        return io.tideway.sql.expressions.JavaUserDefinedFunction.of(f, returnType);
    }

    /**
     * A Java UDF of 15 arguments returning {@code returnType}: apply it to columns, or
     * register it with {@code session.udf().register} to call it by name.
     */
    public static io.tideway.sql.expressions.UserDefinedFunction udf(io.tideway.sql.api.java.UDF15<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        return io.tideway.sql.expressions.JavaUserDefinedFunction.of(f, returnType);
    }

    /**
     * A Java UDF of 16 arguments returning {@code returnType}: apply it to columns, or
     * register it with {@code session.udf().register} to call it by name.
     */
    public static io.tideway.sql.expressions.UserDefinedFunction udf(io.tideway.sql.api.java.UDF16<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        return io.tideway.sql.expressions.JavaUserDefinedFunction.of(f, returnType);
    }

    /**
     * A Java UDF of 17 arguments returning {@code returnType}: apply it to columns, or
     * register it with {@code session.udf().register} to call it by name.
     */
    public static io.tideway.sql.expressions.UserDefinedFunction udf(io.tideway.sql.api.java.UDF17<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        return io.tideway.sql.expressions.JavaUserDefinedFunction.of(f, returnType);
    }

    /**
     * A Java UDF of 18 arguments returning {@code returnType}: apply it to columns, or
     * register it with {@code session.udf().register} to call it by name.
     */
    public static io.tideway.sql.expressions.UserDefinedFunction udf(io.tideway.sql.api.java.UDF18<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        return io.tideway.sql.expressions.JavaUserDefinedFunction.of(f, returnType);
    }

    /**
     * A Java UDF of 19 arguments returning {@code returnType}: apply it to columns, or
     * register it with {@code session.udf().register} to call it by name.
     */
    public static io.tideway.sql.expressions.UserDefinedFunction udf(io.tideway.sql.api.java.UDF19<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        return io.tideway.sql.expressions.JavaUserDefinedFunction.of(f, returnType);
    }

    /**
     * A Java UDF of 20 arguments returning {@code returnType}: apply it to columns, or
     * register it with {@code session.udf().register} to call it by name.
     */
    public static io.tideway.sql.expressions.UserDefinedFunction udf(io.tideway.sql.api.java.UDF20<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        return io.tideway.sql.expressions.JavaUserDefinedFunction.of(f, returnType);
    }

    /**
     * A Java UDF of 21 arguments returning {@code returnType}: apply it to columns, or
     * register it with {@code session.udf().register} to call it by name.
     */
    public static io.tideway.sql.expressions.UserDefinedFunction udf(io.tideway.sql.api.java.UDF21<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        return io.tideway.sql.expressions.JavaUserDefinedFunction.of(f, returnType);
    }

    /**
     * A Java UDF of 22 arguments returning {@code returnType}: apply it to columns, or
     * register it with {@code session.udf().register} to call it by name.
     */
    public static io.tideway.sql.expressions.UserDefinedFunction udf(io.tideway.sql.api.java.UDF22<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        return io.tideway.sql.expressions.JavaUserDefinedFunction.of(f, returnType);
    }

    /** The function {@code udfName} (a registered UDF or a built-in function) on {@code cols}. Deprecated in Spark for {@link #call_udf}. */
    @Deprecated
    public static Column callUDF(String udfName, Column... cols) {
        return call_function(udfName, cols);
    }

    /** The function {@code udfName} (a registered UDF or a built-in function) on {@code cols}. */
    public static Column call_udf(String udfName, Column... cols) {
        return call_function(udfName, cols);
    }

    /** The function {@code funcName}, built-in or registered by the session, on {@code cols}; an unknown name fails when the column is analysed. */
    public static Column call_function(String funcName, Column... cols) {
        Expression[] args = new Expression[cols.length];
        for (int i = 0; i < cols.length; i++) {
            args[i] = cols[i].expr();
        }
        return new Column(FunctionRegistry.callByNameLater(funcName, args));
    }

    /**
     * Spark's {@code broadcast(df)}: marks a DataFrame as small enough to broadcast in a join. A hint
     * only: Tideway's stream-static join already holds the static side whole, so {@code df} is
     * returned as it is and the join's result is the same. Generic because the Dataset class lives
     * in the engine module; it takes and returns a {@code Dataset<T>} in Spark's Java API.
     */
    public static <D> D broadcast(D df) {
        return df;
    }

    /** The partition the row is in: 0, as a Tideway task reads a batch's input as one partition. */
    public static Column spark_partition_id() {
        return call("spark_partition_id");
    }

    /**
     * An id that increases with each row: Spark's partition id shifted left by 33 bits plus the
     * row's number in its task, so 0, 1, 2, ... from the start of each batch here.
     */
    public static Column monotonically_increasing_id() {
        return call("monotonically_increasing_id");
    }

    /**
     * As {@link #monotonically_increasing_id()}.
     * @deprecated as in Spark: use {@link #monotonically_increasing_id()}.
     */
    @Deprecated
    public static Column monotonicallyIncreasingId() {
        return monotonically_increasing_id();
    }

    /** The file the row was read from (the file source's), else the empty string. */
    public static Column input_file_name() {
        return call("input_file_name");
    }


    // ---- end of user-defined and miscellaneous functions ----

    // ---- user-defined types (UdtFunctions) ----

    /** Spark's {@code unwrap_udt(col)}: the values of a user-defined type column as its SQL type. */
    public static Column unwrap_udt(Column column) {
        return call("unwrap_udt", column);
    }

    // ---- end of user-defined types ----

    // ---- functions the API audit found missing (issue #14: ArrayFunctions, StringFunctions, MiscFunctions) ----

    /** The array with {@code element} added at its end; null for a null array. */
    public static Column array_append(Column column, Object element) {
        return call("array_append", column, lit(element));
    }

    /** The array with {@code element} added at its start; null for a null array. */
    public static Column array_prepend(Column column, Object element) {
        return call("array_prepend", column, lit(element));
    }

    /**
     * The array with {@code value} inserted at 1-based {@code pos} (negative: from the end, -1 appends); positions past
     * either end pad with nulls.
     */
    public static Column array_insert(Column arr, Column pos, Column value) {
        return call("array_insert", arr, pos, value);
    }

    /** The array without its null elements. */
    public static Column array_compact(Column column) {
        return call("array_compact", column);
    }

    /** The number of elements of an array; null for a null array. */
    public static Column array_size(Column e) {
        return call("array_size", e);
    }

    /** The {@code partNum}-th piece (1-based, negative from the end) of {@code str} split at {@code delimiter}; '' if none. */
    public static Column split_part(Column str, Column delimiter, Column partNum) {
        return call("split_part", str, delimiter, partNum);
    }

    /** The 1-based position of {@code str} in the comma-separated {@code strArray}; 0 if absent. */
    public static Column find_in_set(Column str, Column strArray) {
        return call("find_in_set", str, strArray);
    }

    /** The session's current database: {@code default}. */
    public static Column current_database() {
        return call("current_database");
    }

    /** The session's current schema: {@code default}. */
    public static Column current_schema() {
        return call("current_schema");
    }

    /** The session's current catalog: {@code spark_catalog}. */
    public static Column current_catalog() {
        return call("current_catalog");
    }

    /** The user running the session (SPARK_USER, else the JVM's user). */
    public static Column current_user() {
        return call("current_user");
    }

    /** The user running the session; the same as {@link #current_user}. */
    public static Column user() {
        return call("user");
    }

    /** The user running the session; the same as {@link #current_user}. */
    public static Column session_user() {
        return call("session_user");
    }

    /** The Spark release Tideway follows and its git revision, as Spark's {@code version()} prints them. */
    public static Column version() {
        return call("version");
    }

    // ---- end of functions the API audit found missing ----

    // ---- miscellaneous scalar functions (issue #14: MiscScalarFunctions, NumberParseFunctions, SentenceFunctions,
    // CollationFunctions, DateTimeFunctions' timestamp constructors, VariantFunctions' to_variant_object) ----
    // Spark's functions.char is not here: char is a Java keyword, so no Java program can call it; SQL's char(n) is chr.

    /** The DDL name of {@code col}'s type ({@code int}, {@code array<string>}); never null. */
    public static Column typeof(Column col) {
        return call("typeof", col);
    }

    /** The timestamp of the given fields in the session time zone; the same as {@link #make_timestamp}. */
    public static Column make_timestamp_ltz(Column years, Column months, Column days, Column hours, Column mins, Column secs) {
        return call("make_timestamp_ltz", years, months, days, hours, mins, secs);
    }

    /** The timestamp of the given fields in {@code timezone}; the same as {@link #make_timestamp}. */
    public static Column make_timestamp_ltz(Column years, Column months, Column days, Column hours, Column mins, Column secs,
            Column timezone) {
        return call("make_timestamp_ltz", years, months, days, hours, mins, secs, timezone);
    }

    /** {@link #make_timestamp}, null (never an error) where the fields make no timestamp. */
    public static Column try_make_timestamp(Column years, Column months, Column days, Column hours, Column mins, Column secs) {
        return call("try_make_timestamp", years, months, days, hours, mins, secs);
    }

    /** {@link #make_timestamp} in {@code timezone}, null (never an error) where the fields make no timestamp. */
    public static Column try_make_timestamp(Column years, Column months, Column days, Column hours, Column mins, Column secs,
            Column timezone) {
        return call("try_make_timestamp", years, months, days, hours, mins, secs, timezone);
    }

    /** {@link #make_timestamp_ltz}, null (never an error) where the fields make no timestamp. */
    public static Column try_make_timestamp_ltz(Column years, Column months, Column days, Column hours, Column mins,
            Column secs) {
        return call("try_make_timestamp_ltz", years, months, days, hours, mins, secs);
    }

    /** {@link #make_timestamp_ltz} in {@code timezone}, null (never an error) where the fields make no timestamp. */
    public static Column try_make_timestamp_ltz(Column years, Column months, Column days, Column hours, Column mins,
            Column secs, Column timezone) {
        return call("try_make_timestamp_ltz", years, months, days, hours, mins, secs, timezone);
    }

    /** {@link #make_timestamp_ntz}, null (never an error) where the fields make no timestamp. */
    public static Column try_make_timestamp_ntz(Column years, Column months, Column days, Column hours, Column mins,
            Column secs) {
        return call("try_make_timestamp_ntz", years, months, days, hours, mins, secs);
    }

    /** {@code timestamp} as a timestamp (with the session time zone); the same as {@link #to_timestamp(Column)}. */
    public static Column to_timestamp_ltz(Column timestamp) {
        return call("to_timestamp_ltz", timestamp);
    }

    /** The text {@code timestamp} parsed with the datetime pattern {@code format} in the session time zone. */
    public static Column to_timestamp_ltz(Column timestamp, Column format) {
        return call("to_timestamp_ltz", timestamp, format);
    }

    /** The start offset of the file block being read, -1 where rows do not come from a file. */
    public static Column input_file_block_start() {
        return call("input_file_block_start");
    }

    /** The length of the file block being read, -1 where rows do not come from a file. */
    public static Column input_file_block_length() {
        return call("input_file_block_length");
    }

    /** Fails the query with Spark's {@code USER_RAISED_EXCEPTION} and the message {@code c}; typed null. */
    public static Column raise_error(Column c) {
        return call("raise_error", c);
    }

    /** Null if {@code c} is true, else fails the query with {@code '<c>' is not true!}. */
    public static Column assert_true(Column c) {
        // Spark's text is the call as written, without the message the column name shows
        return new Column(call("assert_true", c).expr(), "assert_true(" + c + ")");
    }

    /** Null if {@code c} is true, else fails the query with the message {@code e}. */
    public static Column assert_true(Column c, Column e) {
        return new Column(call("assert_true", c, e).expr(), "assert_true(" + c + ", " + e + ")");
    }

    /** The text's sentences, each an array of its words, split by the default locale's rules. */
    public static Column sentences(Column string) {
        return call("sentences", string);
    }

    /** The text's sentences, each an array of its words, split by {@code language}'s rules. */
    public static Column sentences(Column string, Column language) {
        return call("sentences", string, language);
    }

    /** The text's sentences, each an array of its words, split by the rules of {@code language} and {@code country}. */
    public static Column sentences(Column string, Column language, Column country) {
        return call("sentences", string, language, country);
    }

    /** The text {@code e} as a decimal, read with the number format {@code format}; an error if it does not match. */
    public static Column to_number(Column e, Column format) {
        return call("to_number", e, format);
    }

    /** {@link #to_number}, null where the text does not match the format. */
    public static Column try_to_number(Column e, Column format) {
        return call("try_to_number", e, format);
    }

    /** The string {@code e} with the collation {@code collation}. */
    public static Column collate(Column e, String collation) {
        return call("collate", e, lit(collation));
    }

    /** The collation name of the string {@code e}. */
    public static Column collation(Column e) {
        return call("collation", e);
    }

    /** The struct {@code col} (or a map, or an array of them, nested) as a VARIANT object. */
    public static Column to_variant_object(Column col) {
        return call("to_variant_object", col);
    }

    /**
     * Spark's untyped Scala UDF: always refused with {@code UNTYPED_SCALA_UDF}, as Spark refuses it by default (a Java
     * program has no Scala closure to give it; use the {@code udf(UDFn, DataType)} forms).
     */
    public static io.tideway.sql.expressions.UserDefinedFunction udf(Object f, DataType dataType) {
        throw io.tideway.engine.error.Unchecked.raise(new AnalysisException("UNTYPED_SCALA_UDF", java.util.Map.of()));
    }

    // ---- end of miscellaneous scalar functions ----

    /** Tumbling event-time windows of {@code windowDuration} (e.g. {@code "10 minutes"}). */
    public static Column window(Column timeColumn, String windowDuration) {
        return window(timeColumn, windowDuration, windowDuration, "0 seconds");
    }

    /** Sliding event-time windows: each row falls in {@code ceil(window / slide)} windows. */
    public static Column window(Column timeColumn, String windowDuration, String slideDuration) {
        return window(timeColumn, windowDuration, slideDuration, "0 seconds");
    }

    /**
     * Windows aligned to the epoch plus {@code startTime}, e.g. hourly windows starting at :15.
     * As in Spark, the durations are checked when a Dataset uses the column, not here.
     */
    public static Column window(Column timeColumn, String windowDuration, String slideDuration, String startTime) {
        return new Column(TimeWindow.call(timeColumn.expr(), windowDuration, slideDuration, startTime));
    }

    /**
     * Session windows: a row opens {@code [t, t + gapDuration)}; overlapping sessions of a group
     * merge. As in Spark, a gap that is no interval or not positive is not refused: every row
     * is dropped.
     */
    public static Column session_window(Column timeColumn, String gapDuration) {
        return session_window(timeColumn, lit(gapDuration));
    }

    /** Session windows with a per-row gap (a string column such as {@code "5 minutes"}, or an interval). */
    public static Column session_window(Column timeColumn, Column gapDuration) {
        return new Column(new io.tideway.engine.expr.SessionWindow(timeColumn.expr(), gapDuration.expr()));
    }

    // ---- collections: arrays and maps (ArrayFunctions, MapFunctions) ----

    /** An array of the values, cast to their common type. */
    public static Column array(Column... cols) {
        return call("array", cols);
    }

    /** An array of the named columns' values, cast to their common type. */
    public static Column array(String colName, String... colNames) {
        return call("array", columns(colName, colNames));
    }

    /**
     * The number of elements of an array or entries of a map; null for null in ANSI mode (Spark's default), -1 without
     * it.
     */
    public static Column size(Column e) {
        return call("size", e);
    }

    /** The number of elements of an array or entries of a map; the same as {@link #size}. */
    public static Column cardinality(Column e) {
        return call("cardinality", e);
    }

    /**
     * The array's element at the 1-based index {@code value} (negative counts from the end; 0 is an error; out of range
     * is an error in ANSI mode, else null), or the map's value for the key {@code value} (null if absent).
     */
    public static Column element_at(Column column, Object value) {
        return call("element_at", column, Column.lit(value));
    }

    /**
     * The array's element at the 1-based index (null out of range), or the map's value for the key (null if absent).
     */
    public static Column try_element_at(Column column, Column value) {
        return call("try_element_at", column, value);
    }

    /** The array's element at the 0-based {@code index}; null out of range. */
    public static Column get(Column column, Column index) {
        return call("get", column, index);
    }

    /** Whether the array holds {@code value}: true if found, else null if the array holds a null, else false. */
    public static Column array_contains(Column column, Object value) {
        return call("array_contains", column, Column.lit(value));
    }

    /** The 1-based position of the first element equal to {@code value} as a bigint, 0 if none. */
    public static Column array_position(Column column, Object value) {
        return call("array_position", column, Column.lit(value));
    }

    /** The array without the elements equal to {@code element}. */
    public static Column array_remove(Column column, Object element) {
        return call("array_remove", column, Column.lit(element));
    }

    /** The array without duplicates, the first occurrence of each element kept in order. */
    public static Column array_distinct(Column e) {
        return call("array_distinct", e);
    }

    /** The distinct elements of both arrays, in the order they first appear. */
    public static Column array_union(Column col1, Column col2) {
        return call("array_union", col1, col2);
    }

    /** The distinct elements in both arrays, in the order of the first. */
    public static Column array_intersect(Column col1, Column col2) {
        return call("array_intersect", col1, col2);
    }

    /** The distinct elements of the first array that are not in the second. */
    public static Column array_except(Column col1, Column col2) {
        return call("array_except", col1, col2);
    }

    /**
     * Whether the arrays share an element that is not null: true if so, else null if either holds a null (and both are
     * non-empty), else false.
     */
    public static Column arrays_overlap(Column a1, Column a2) {
        return call("arrays_overlap", a1, a2);
    }

    /** The string elements joined with {@code delimiter}, null elements skipped. */
    public static Column array_join(Column column, String delimiter) {
        return call("array_join", column, lit(delimiter));
    }

    /** The string elements joined with {@code delimiter}, each null element written as {@code nullReplacement}. */
    public static Column array_join(Column column, String delimiter, String nullReplacement) {
        return call("array_join", column, lit(delimiter), lit(nullReplacement));
    }

    /** The largest element that is not null (NaN is above every double); null for an empty array. */
    public static Column array_max(Column e) {
        return call("array_max", e);
    }

    /** The smallest element that is not null; null for an empty array. */
    public static Column array_min(Column e) {
        return call("array_min", e);
    }

    /** The array sorted ascending, nulls first. */
    public static Column sort_array(Column e) {
        return call("sort_array", e, lit(true));
    }

    /** The array sorted ascending with nulls first, or descending with nulls last. */
    public static Column sort_array(Column e, boolean asc) {
        return call("sort_array", e, lit(asc));
    }

    /** The array sorted ascending with nulls last. */
    public static Column array_sort(Column e) {
        return call("array_sort", e);
    }

    /**
     * The {@code length} elements from the 1-based {@code start} (negative counts from the end); a {@code start} of 0
     * or a negative {@code length} is an error.
     */
    public static Column slice(Column x, int start, int length) {
        return call("slice", x, lit(start), lit(length));
    }

    /**
     * The {@code length} elements from the 1-based {@code start} (negative counts from the end); a {@code start} of 0
     * or a negative {@code length} is an error.
     */
    public static Column slice(Column x, Column start, Column length) {
        return call("slice", x, start, length);
    }

    /**
     * An array of structs whose n-th struct holds the n-th element of each array (nulls past a shorter one), the fields
     * named after the columns.
     */
    public static Column arrays_zip(Column... e) {
        return call("arrays_zip", e);
    }

    /** The arrays of an array of arrays joined into one; null if any of them is null. */
    public static Column flatten(Column e) {
        return call("flatten", e);
    }

    /**
     * A random permutation of the array (non-deterministic): each task's generator is seeded with a
     * seed drawn for the call plus the task's partition index, as Spark's.
     */
    public static Column shuffle(Column e) {
        return call("shuffle", e);
    }

    /** {@link #shuffle(Column)} with the generator seeded from {@code seed}, a constant. */
    public static Column shuffle(Column e, Column seed) {
        return call("shuffle", e, seed);
    }

    /**
     * The array of integers (step 1 or -1), dates or timestamps (step a day) from {@code start} to {@code stop}
     * inclusive.
     */
    public static Column sequence(Column start, Column stop) {
        return call("sequence", start, stop);
    }

    /**
     * The array from {@code start} to {@code stop} inclusive by {@code step} (an integer, or an interval for dates and
     * timestamps); a step that goes the wrong way is an error.
     */
    public static Column sequence(Column start, Column stop, Column step) {
        return call("sequence", start, stop, step);
    }

    /** The array of {@code left} repeated {@code right} times. */
    public static Column array_repeat(Column left, Column right) {
        return call("array_repeat", left, right);
    }

    /** The array of {@code e} repeated {@code count} times. */
    public static Column array_repeat(Column e, int count) {
        return call("array_repeat", e, lit(count));
    }

    /** A map of alternating keys and values ({@code key1, value1, key2, ...}); a null or duplicate key is an error. */
    public static Column map(Column... cols) {
        return call("map", cols);
    }

    /** The array of the map's keys. */
    public static Column map_keys(Column e) {
        return call("map_keys", e);
    }

    /** The array of the map's values. */
    public static Column map_values(Column e) {
        return call("map_values", e);
    }

    /** The array of the map's entries as structs ({@code key}, {@code value}). */
    public static Column map_entries(Column e) {
        return call("map_entries", e);
    }

    /** The map pairing the elements of two arrays of equal length; a null or duplicate key is an error. */
    public static Column map_from_arrays(Column keys, Column values) {
        return call("map_from_arrays", keys, values);
    }

    /** The map of an array of two-field structs (key, value); a null or duplicate key is an error. */
    public static Column map_from_entries(Column e) {
        return call("map_from_entries", e);
    }

    /** Whether the map has the key. */
    public static Column map_contains_key(Column column, Object key) {
        return call("map_contains_key", column, Column.lit(key));
    }

    /** The union of the maps; a key in more than one is an error; null if any map is null. */
    public static Column map_concat(Column... cols) {
        return call("map_concat", cols);
    }

    /** The map of a string of {@code key:value} pairs separated by commas. */
    public static Column str_to_map(Column text) {
        return call("str_to_map", text);
    }

    /** The map of a string of {@code key:value} pairs separated by the regular expression {@code pairDelim}. */
    public static Column str_to_map(Column text, Column pairDelim) {
        return call("str_to_map", text, pairDelim);
    }

    /**
     * The map of a string of pairs separated by the regular expression {@code pairDelim}, each split into key and value
     * by {@code keyValueDelim}; a duplicate key is an error.
     */
    public static Column str_to_map(Column text, Column pairDelim, Column keyValueDelim) {
        return call("str_to_map", text, pairDelim, keyValueDelim);
    }
}
