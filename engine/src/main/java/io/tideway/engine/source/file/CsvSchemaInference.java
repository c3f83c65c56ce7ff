package io.tideway.engine.source.file;

import io.tideway.engine.format.TimestampParser;
import io.tideway.engine.spi.Options;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The schema of CSV files, as Spark's {@code CSVInferSchema} with its defaults. Columns are named
 * by the first record's tokens with {@code header} (an empty one {@code _c<i>}, a name used twice,
 * in any case, gets its index appended, as Spark's {@code makeSafeHeader}), else {@code _c0},
 * {@code _c1}, ... as many as the first record has. Every column is {@code string} unless
 * {@code inferSchema}; then each column takes the narrowest type all its values parse as, tried
 * in Spark's order from the type so far: {@code int}, {@code bigint}, {@code double},
 * {@code date} ({@code dateFormat}), {@code timestamp}, {@code boolean}, else {@code string}
 * ({@code int} and {@code bigint} widen to {@code double}, {@code date} to {@code timestamp};
 * other mixes are {@code string}; a column only ever null is {@code string}). Null and empty
 * tokens do not count; the header line of every file is skipped. Stateless.
 */
final class CsvSchemaInference {
    private CsvSchemaInference() {
    }

    static StructType infer(List<Path> files, Options options, CsvFormat format) {
        boolean header = format.headerLines() > 0;
        boolean inferTypes = FileSourceOptions.bool(options, "inferSchema");
        CsvTokenizer tokenizer = format.newTokenizer();
        TimestampParser timestamps = format.timestamps();
        String nullValue = format.nullValue();
        List<String> names = new ArrayList<>();
        List<DataType> types = new ArrayList<>();
        boolean[] first = {true};
        RecordLines.forEach(files, (n, line) -> {
            if (format.skipLine(line)) {
                return;
            }
            String[] tokens = tokenizer.tokenize(line);
            if (first[0]) {
                first[0] = false;
                names.addAll(header ? safeHeader(tokens, nullValue) : positional(tokens.length));
                names.forEach(x -> types.add(DataTypes.NullType));
                if (header) {
                    return;
                }
            } else if (header && n == 1) {
                return; // each file's own header line
            }
            if (!inferTypes) {
                return;
            }
            for (int i = 0; i < Math.min(tokens.length, types.size()); i++) {
                types.set(i, infer(types.get(i), tokens[i], nullValue, timestamps));
            }
        });
        StructType schema = new StructType();
        for (int i = 0; i < names.size(); i++) {
            DataType t = types.get(i);
            schema = schema.add(names.get(i), !inferTypes || t == DataTypes.NullType ? DataTypes.StringType : t, true);
        }
        return schema;
    }

    private static List<String> positional(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("_c" + i);
        }
        return names;
    }

    /** Spark's {@code CSVUtils.makeSafeHeader}, case-insensitive as Spark's default. */
    private static List<String> safeHeader(String[] tokens, String nullValue) {
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new HashSet<>();
        for (String t : tokens) {
            if (t != null && !seen.add(t.toLowerCase(Locale.ROOT))) {
                duplicates.add(t.toLowerCase(Locale.ROOT));
            }
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            if (t == null || t.isEmpty() || t.equals(nullValue)) {
                names.add("_c" + i);
            } else {
                names.add(duplicates.contains(t.toLowerCase(Locale.ROOT)) ? t + i : t);
            }
        }
        return names;
    }

    /** Spark's {@code inferField}: the type of {@code token} tried from {@code soFar}, merged with it. */
    private static DataType infer(DataType soFar, String token, String nullValue, TimestampParser timestamps) {
        if (token == null || token.isEmpty() || token.equals(nullValue)) {
            return soFar;
        }
        DataType t;
        if (soFar == DataTypes.NullType || soFar == DataTypes.IntegerType) {
            t = fromInteger(token, timestamps);
        } else if (soFar == DataTypes.LongType) {
            t = fromLong(token, timestamps);
        } else if (soFar == DataTypes.DoubleType) {
            t = fromDouble(token, timestamps);
        } else if (soFar == DataTypes.DateType) {
            t = fromDate(token, timestamps);
        } else if (soFar == DataTypes.TimestampType) {
            t = fromTimestamp(token, timestamps);
        } else if (soFar == DataTypes.BooleanType) {
            t = fromBoolean(token);
        } else {
            return DataTypes.StringType;
        }
        return compatible(soFar, t);
    }

    private static DataType fromInteger(String s, TimestampParser ts) {
        try {
            Integer.parseInt(s);
            return DataTypes.IntegerType;
        } catch (NumberFormatException e) {
            return fromLong(s, ts);
        }
    }

    private static DataType fromLong(String s, TimestampParser ts) {
        try {
            Long.parseLong(s);
            return DataTypes.LongType;
        } catch (NumberFormatException e) {
            return fromDouble(s, ts);
        }
    }

    private static DataType fromDouble(String s, TimestampParser ts) {
        if (s.equals("NaN") || s.equals("Inf") || s.equals("-Inf")) {
            return DataTypes.DoubleType;
        }
        try {
            Double.parseDouble(s);
            return DataTypes.DoubleType;
        } catch (NumberFormatException e) {
            return fromDate(s, ts);
        }
    }

    private static DataType fromDate(String s, TimestampParser ts) {
        try {
            ts.date(s);
            return DataTypes.DateType;
        } catch (RuntimeException e) {
            return fromTimestamp(s, ts);
        }
    }

    private static DataType fromTimestamp(String s, TimestampParser ts) {
        try {
            ts.timestamp(s);
            return DataTypes.TimestampType;
        } catch (RuntimeException e) {
            return fromBoolean(s);
        }
    }

    private static DataType fromBoolean(String s) {
        return s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false") ? DataTypes.BooleanType : DataTypes.StringType;
    }

    /** Spark's {@code CSVInferSchema.compatibleType}: numeric widening, date to timestamp, else string. */
    private static DataType compatible(DataType a, DataType b) {
        if (a.equals(b) || a == DataTypes.NullType) {
            return b;
        }
        if (b == DataTypes.NullType) {
            return a;
        }
        int ra = numericRank(a);
        int rb = numericRank(b);
        if (ra >= 0 && rb >= 0) {
            return ra > rb ? a : b;
        }
        if ((a == DataTypes.DateType && b == DataTypes.TimestampType) || (a == DataTypes.TimestampType && b == DataTypes.DateType)) {
            return DataTypes.TimestampType;
        }
        return DataTypes.StringType;
    }

    private static int numericRank(DataType t) {
        return t == DataTypes.IntegerType ? 0 : t == DataTypes.LongType ? 1 : t == DataTypes.DoubleType ? 2 : -1;
    }
}
