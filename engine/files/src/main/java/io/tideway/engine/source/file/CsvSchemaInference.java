package io.tideway.engine.source.file;

import io.tideway.engine.format.CsvTokenizer;
import io.tideway.engine.format.CsvTypeInference;
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
        return infer(InferenceInput.files(files), options, format);
    }

    /** The schema of {@code input}'s lines, its first line the header with {@code header}. */
    static StructType infer(InferenceInput input, Options options, CsvFormat format) {
        boolean header = format.headerLines() > 0;
        boolean inferTypes = FileSourceOptions.bool(options, "inferSchema");
        CsvTokenizer tokenizer = format.newTokenizer();
        TimestampParser timestamps = format.timestamps();
        String nullValue = format.nullValue();
        List<String> names = new ArrayList<>();
        List<DataType> types = new ArrayList<>();
        boolean[] first = {true};
        input.forEachLine((n, line) -> {
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
                types.set(i, CsvTypeInference.infer(types.get(i), tokens[i], nullValue, timestamps));
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
}
