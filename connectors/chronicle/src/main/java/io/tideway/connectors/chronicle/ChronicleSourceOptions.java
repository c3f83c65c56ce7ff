package io.tideway.connectors.chronicle;

import io.tideway.engine.source.file.ParseMode;
import io.tideway.engine.spi.Options;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import net.openhft.chronicle.queue.RollCycle;

import java.util.Locale;

/**
 * The {@code chronicle} source's options, parsed and validated once (errors name the option).
 * {@code startingPosition} applies to new queries only; {@code maxRecordsPerTrigger} (micro-batch)
 * is -1 when unset. Immutable.
 */
record ChronicleSourceOptions(QueueRef queue, ExcerptFormat format, String startingPosition, long maxRecordsPerTrigger,
                              ParseMode mode, String corruptColumn, RollCycle rollCycle) {
    static final String STARTING_POSITION = "startingPosition";
    static final String MAX_RECORDS = "maxRecordsPerTrigger";
    static final String CORRUPT_COLUMN = "columnNameOfCorruptRecord";

    static ChronicleSourceOptions parse(Options options) {
        QueueRef ref = QueueRef.parse(options, true);
        ExcerptFormat format = ExcerptFormat.parse(options);
        String start = options.getOrDefault(STARTING_POSITION, "earliest").trim().toLowerCase(Locale.ROOT);
        if (!start.equals("earliest") && !start.equals("latest")) {
            try {
                if (Long.parseLong(start) < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Invalid value '" + options.get(STARTING_POSITION).orElse("")
                        + "' for option '" + STARTING_POSITION + "', must be 'earliest', 'latest' or a queue index (a"
                        + " non-negative long)");
            }
        }
        long max = options.contains(MAX_RECORDS) ? options.getPositiveLong(MAX_RECORDS, 1) : -1;
        return new ChronicleSourceOptions(ref, format, start, max, ParseMode.fromOptions(options),
                options.getOrDefault(CORRUPT_COLUMN, "_corrupt_record"), RollCycleOption.parse(options));
    }

    /** Validates the user's schema against the format and returns the source's schema. */
    StructType schema(StructType userSchema) {
        if (format == ExcerptFormat.BYTES) {
            if (userSchema != null && !userSchema.equals(ExcerptFormat.BYTES_SCHEMA)) {
                throw new IllegalArgumentException("The chronicle source with option 'format' = 'bytes' has a fixed schema"
                        + " (index long, value binary) and cannot be set with a custom one; use option 'format' = 'wire'"
                        + " to read named fields");
            }
            return ExcerptFormat.BYTES_SCHEMA;
        }
        if (userSchema == null || userSchema.length() == 0) {
            throw new IllegalArgumentException("Schema must be specified when creating a streaming source DataFrame with"
                    + " option 'format' = 'wire': its columns are the wire fields read by name");
        }
        ExcerptFormat.checkWireColumns(userSchema, corruptColumn);
        int c = userSchema.indexOf(corruptColumn);
        if (c >= 0 && (userSchema.apply(c).dataType() != DataTypes.StringType || !userSchema.apply(c).nullable())) {
            throw new IllegalArgumentException("The field for corrupt records must be string type and nullable"
                    + " (option '" + CORRUPT_COLUMN + "' = '" + corruptColumn + "')");
        }
        return userSchema;
    }
}
