package io.tideway.engine.source.file;

import io.tideway.engine.spi.Options;
import io.tideway.sql.types.DataTypes;
import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.util.Map;

import java.time.ZoneId;

/**
 * {@code format("text")}: each line of each new file is a row {@code value: string};
 * {@code wholetext=true} makes each file one row. A user schema must be that single string column.
 * Stateless.
 */
public final class TextSourceProvider extends FileSourceProvider {
    static final StructType SCHEMA = new StructType().add("value", DataTypes.StringType);

    @Override
    public String shortName() {
        return "text";
    }

    @Override
    protected StructType resolveSchema(StructType userSchema, Options options) {
        return userSchema == null ? SCHEMA : userSchema; // checked when the query starts, as Spark
    }

    @Override
    protected RecordFormat format(StructType dataSchema, Options options, ZoneId zone) {
        for (StructField f : dataSchema.fields()) {
            if (f.dataType() != DataTypes.StringType) {
                throw Unchecked.raise(new AnalysisException("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", Map.of(
                        "format", "Text", "columnName", ErrorParams.id(f.name()), "columnType", ErrorParams.type(f.dataType()))));
            }
        }
        if (dataSchema.length() != 1) {
            throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1290",
                    Map.of("schemaSize", Integer.toString(dataSchema.length()))));
        }
        return new TextFormat(FileSourceOptions.bool(options, "wholetext"), lineSep(options));
    }

    /** The {@code lineSep} option, or null for any of {@code \n}, {@code \r\n}, {@code \r}. */
    private static String lineSep(Options options) {
        String sep = options.get("lineSep").orElse(null);
        if (sep != null && sep.isEmpty()) {
            throw new IllegalArgumentException("'lineSep' cannot be an empty string.");
        }
        return sep;
    }

    @Override
    protected StructType inferSchema(java.util.List<java.nio.file.Path> files, Options options, ZoneId zone) {
        return SCHEMA;
    }
}
