package io.tideway.engine.source.file;

import io.tideway.engine.spi.Options;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

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
        if (userSchema == null) {
            return SCHEMA;
        }
        if (userSchema.length() != 1 || userSchema.apply(0).dataType() != DataTypes.StringType) {
            throw new IllegalArgumentException("Text data source supports only a single column, and you have "
                    + userSchema.length() + " columns.");
        }
        return userSchema;
    }

    @Override
    RecordFormat format(StructType schema, Options options, ZoneId zone) {
        return new TextFormat(FileSourceOptions.bool(options, "wholetext"));
    }
}
