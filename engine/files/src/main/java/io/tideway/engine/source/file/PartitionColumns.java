package io.tideway.engine.source.file;

import io.tideway.engine.conf.TidewayConf;

import io.tideway.SparkRuntimeException;
import io.tideway.engine.error.ErrorParams;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Partition discovery, as Spark's {@code PartitioningUtils}: the {@code key=value} directories
 * between a file's root and the file become columns appended after the data columns. Discovered
 * once when the source is loaded, from the files there then: a column the user's schema names
 * takes that type (and its place stays last); others are inferred from all their values (int,
 * long, double, timestamp, date, else string, {@code spark.sql.sources.partitionColumnTypeInference.enabled})
 * or strings when inference is off. {@code __HIVE_DEFAULT_PARTITION__} is null. A value that does
 * not convert to its column's type fails with {@code INVALID_PARTITION_VALUE}.
 *
 * <p>Threading: immutable.
 */
final class PartitionColumns {
    static final String TYPE_INFERENCE_CONF = io.tideway.engine.conf.TidewayConf.PARTITION_TYPE_INFERENCE.key();
    static final String DEFAULT_PARTITION_NAME = "__HIVE_DEFAULT_PARTITION__";
    private static final PartitionColumns NONE = new PartitionColumns(new StructType(), ZoneId.of("UTC"));
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Spark's partition timestamp pattern {@code yyyy-MM-dd HH:mm:ss[.S]}. */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);

    private final StructType schema;
    /** Where a partition timestamp without an offset is; the session time zone. */
    private final ZoneId zone;

    private PartitionColumns(StructType schema, ZoneId zone) {
        this.schema = schema;
        this.zone = zone;
    }

    static PartitionColumns none() {
        return NONE;
    }

    /**
     * The partition columns of {@code files}; a column named in {@code userSchema} (case-insensitive)
     * takes its type and every value found must convert to it.
     */
    static PartitionColumns discover(List<FileLister.ListedFile> files, FileLister lister, StructType userSchema,
                                     boolean typeInference, ZoneId zone) {
        return discover(files, lister::rootOf, lister.base(), userSchema, typeInference, zone);
    }

    /** As above, for files listed under several paths: {@code rootOf} gives each file's root, {@code base} is named in errors. */
    static PartitionColumns discover(List<FileLister.ListedFile> files, java.util.function.UnaryOperator<Path> rootOf,
                                     Path base, StructType userSchema, boolean typeInference, ZoneId zone) {
        List<String> names = null;
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (FileLister.ListedFile f : files) {
            List<String[]> pairs = parse(rootOf.apply(f.path()), f.path());
            if (pairs.isEmpty()) {
                continue;
            }
            List<String> these = new ArrayList<>();
            for (String[] kv : pairs) {
                these.add(kv[0]);
                values.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv[1]);
            }
            if (names == null) {
                names = these;
            } else if (!names.equals(these)) {
                throw new IllegalStateException("Conflicting directory structures detected. Suspicious paths: "
                        + names + " and " + these + " (under " + base + "). If provided paths are partition"
                        + " directories, please set \"basePath\" in the options of the data source to specify the root"
                        + " directory of the table.");
            }
        }
        if (names == null) {
            return NONE;
        }
        StructType schema = new StructType();
        for (String name : names) {
            StructField user = userSchema == null ? null : find(userSchema, name);
            DataType type;
            if (user != null) {
                type = user.dataType();
                for (String raw : values.get(name)) {
                    convert(name, raw, type, zone);
                }
            } else {
                type = typeInference ? infer(values.get(name)) : DataTypes.StringType;
            }
            schema = schema.add(user != null ? user.name() : name, type, true);
        }
        return new PartitionColumns(schema, zone);
    }

    /** The columns named in {@code names} (as {@link #names()} of a loaded source), from {@code schema}. */
    static PartitionColumns of(StructType schema, List<String> names, ZoneId zone) {
        StructType s = new StructType();
        for (String n : names) {
            StructField f = find(schema, n);
            if (f != null) {
                s = s.add(f);
            }
        }
        return s.length() == 0 ? NONE : new PartitionColumns(s, zone);
    }

    /** The partition columns, in directory order. */
    StructType schema() {
        return schema;
    }

    DataType[] types() {
        DataType[] t = new DataType[size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = schema.apply(i).dataType();
        }
        return t;
    }

    List<String> names() {
        return List.of(schema.fieldNames());
    }

    int size() {
        return schema.length();
    }

    /** {@code userSchema} without the partition columns: the data columns the user declared. */
    StructType dataColumns(StructType userSchema) {
        if (userSchema == null || size() == 0) {
            return userSchema;
        }
        StructType data = new StructType();
        for (StructField f : userSchema.fields()) {
            if (find(schema, f.name()) == null) {
                data = data.add(f);
            }
        }
        return data;
    }

    /** The data columns then the partition columns, Spark's order whatever the user's schema says. */
    StructType appendTo(StructType dataSchema) {
        StructType all = dataSchema;
        for (StructField f : schema.fields()) {
            all = all.add(f);
        }
        return all;
    }

    /** The partition values of {@code file} in column order (null where a directory is missing). */
    Object[] values(Path root, Path file) {
        Object[] out = new Object[size()];
        if (out.length == 0) {
            return out;
        }
        for (String[] kv : parse(root, file)) {
            int i = indexOf(kv[0]);
            if (i >= 0) {
                out[i] = convert(schema.apply(i).name(), kv[1], schema.apply(i).dataType(), zone);
            }
        }
        return out;
    }

    private int indexOf(String name) {
        for (int i = 0; i < schema.length(); i++) {
            if (schema.apply(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The {@code key=value} pairs of the directories between {@code root} and {@code file}, top
     * down. As Spark, read from the file's directory upwards, stopping at the first directory that
     * is not {@code key=value} once a pair was found.
     */
    static List<String[]> parse(Path root, Path file) {
        List<String[]> pairs = new ArrayList<>();
        Path dir = file.getParent();
        while (dir != null && !dir.equals(root) && dir.startsWith(root)) {
            String name = dir.getFileName().toString();
            int eq = name.indexOf('=');
            if (eq > 0) {
                pairs.add(0, new String[]{unescape(name.substring(0, eq)), unescape(name.substring(eq + 1))});
            } else if (!pairs.isEmpty()) {
                break;
            }
            dir = dir.getParent();
        }
        return pairs;
    }

    /** Spark's {@code unescapePathName}: {@code %XX} is the character XX. */
    static String unescape(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0
                    && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /** The type of one column from its values: each value's own type, widened (Spark's inference). */
    private static DataType infer(List<String> raws) {
        DataType widest = null;
        for (String raw : raws) {
            DataType t = inferOne(raw);
            if (t == DataTypes.NullType) {
                continue;
            }
            widest = widest == null ? t : wider(widest, t);
        }
        return widest == null ? DataTypes.StringType : widest;
    }

    private static DataType inferOne(String raw) {
        if (raw.equals(DEFAULT_PARTITION_NAME)) {
            return DataTypes.NullType;
        }
        try {
            Integer.parseInt(raw);
            return DataTypes.IntegerType;
        } catch (NumberFormatException ignored) {
            // next
        }
        try {
            Long.parseLong(raw);
            return DataTypes.LongType;
        } catch (NumberFormatException ignored) {
            // next
        }
        try {
            Double.parseDouble(raw);
            return DataTypes.DoubleType;
        } catch (NumberFormatException ignored) {
            // next
        }
        if (timestamp(raw, ZoneId.of("UTC")) != null) {
            return DataTypes.TimestampType;
        }
        if (date(raw) != null) {
            return DataTypes.DateType;
        }
        return DataTypes.StringType;
    }

    /** Spark's {@code findWiderTypeForPartitionColumn}: numbers widen, date widens to timestamp, else string. */
    private static DataType wider(DataType a, DataType b) {
        if (a == b) {
            return a;
        }
        List<DataType> numeric = List.of(DataTypes.IntegerType, DataTypes.LongType, DataTypes.DoubleType);
        if (numeric.contains(a) && numeric.contains(b)) {
            return numeric.get(Math.max(numeric.indexOf(a), numeric.indexOf(b)));
        }
        if ((a == DataTypes.DateType && b == DataTypes.TimestampType) || (a == DataTypes.TimestampType && b == DataTypes.DateType)) {
            return DataTypes.TimestampType;
        }
        return DataTypes.StringType;
    }

    /** {@code raw} as a value of {@code type}; {@code INVALID_PARTITION_VALUE} when it does not convert. */
    private static Object convert(String column, String raw, DataType type, ZoneId zone) {
        if (raw.equals(DEFAULT_PARTITION_NAME)) {
            return null;
        }
        Object v;
        try {
            if (type == DataTypes.StringType) {
                v = raw;
            } else if (type == DataTypes.IntegerType) {
                v = Integer.parseInt(raw.trim());
            } else if (type == DataTypes.LongType) {
                v = Long.parseLong(raw.trim());
            } else if (type == DataTypes.DoubleType) {
                v = Double.parseDouble(raw.trim());
            } else if (type == DataTypes.BooleanType) {
                String t = raw.trim().toLowerCase(Locale.ROOT);
                v = t.equals("true") ? Boolean.TRUE : t.equals("false") ? Boolean.FALSE : null;
            } else if (type == DataTypes.DateType) {
                v = date(raw.trim());
            } else if (type == DataTypes.TimestampType) {
                v = timestamp(raw.trim(), zone);
            } else {
                v = null;
            }
        } catch (RuntimeException e) {
            v = null;
        }
        if (v == null) {
            throw new SparkRuntimeException("INVALID_PARTITION_VALUE", Map.of("value", ErrorParams.value(raw),
                    "dataType", ErrorParams.type(type), "columnName", ErrorParams.id(column)));
        }
        return v;
    }

    private static Date date(String raw) {
        if (!DATE.matcher(raw).matches()) {
            return null;
        }
        try {
            return Date.valueOf(LocalDate.parse(raw));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static java.sql.Timestamp timestamp(String raw, ZoneId zone) {
        try {
            LocalDateTime t = LocalDateTime.parse(raw, TIMESTAMP);
            return java.sql.Timestamp.from(t.atZone(zone).toInstant());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The field of {@code schema} named {@code name}, ignoring case (Spark's default resolver), or null. */
    private static StructField find(StructType schema, String name) {
        for (StructField f : schema.fields()) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }
}
