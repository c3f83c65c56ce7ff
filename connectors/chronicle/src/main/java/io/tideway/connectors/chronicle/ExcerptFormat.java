package io.tideway.connectors.chronicle;

import io.tideway.engine.spi.Options;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.util.Locale;
import java.util.Set;

/**
 * Option {@code format}: how an excerpt maps to a row. {@code bytes} (default): the raw excerpt,
 * schema {@code index long, value binary} on read, the {@code value} column on write.
 * {@code wire}: self-describing Chronicle wire fields, one per column, matched by name.
 */
enum ExcerptFormat {
    BYTES,
    WIRE;

    static final String OPTION = "format";
    /** The {@code bytes} source's fixed schema. */
    static final StructType BYTES_SCHEMA = new StructType()
            .add("index", DataTypes.LongType, false)
            .add("value", DataTypes.BinaryType, true);
    /** Column types a wire field can be read into or written from. */
    static final Set<DataType> WIRE_TYPES = Set.of(DataTypes.LongType, DataTypes.IntegerType, DataTypes.DoubleType,
            DataTypes.BooleanType, DataTypes.StringType, DataTypes.TimestampType, DataTypes.BinaryType);

    static ExcerptFormat parse(Options options) {
        String v = options.getOrDefault(OPTION, "bytes").trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "bytes" -> BYTES;
            case "wire" -> WIRE;
            default -> throw new IllegalArgumentException("Invalid value '" + options.get(OPTION).orElse("")
                    + "' for option '" + OPTION + "', must be 'bytes' or 'wire'");
        };
    }

    /** Rejects a column a wire excerpt cannot carry, naming it and the option. */
    static void checkWireColumns(StructType schema, String skipColumn) {
        for (StructField f : schema.fields()) {
            if (!f.name().equals(skipColumn) && !WIRE_TYPES.contains(f.dataType())) {
                throw new IllegalArgumentException("Column '" + f.name() + "' has type " + f.dataType().simpleString()
                        + ", which option 'format' = 'wire' does not support (long, int, double, boolean, string,"
                        + " timestamp, binary)");
            }
        }
    }
}
