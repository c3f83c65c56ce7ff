package io.tideway.parquet;

import io.tideway.engine.datasource.DataSourceErrors;
import io.tideway.engine.source.file.FileReadFormat;
import io.tideway.engine.source.file.FileSourceProvider;
import io.tideway.engine.spi.Options;
import io.tideway.sql.types.StructType;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code format("parquet")} for {@code readStream()} and {@code read()}. A batch read without a
 * schema takes the first file's footer schema ({@link ParquetFooters}), as Spark does without
 * {@code mergeSchema}; a stream needs the user's schema, as Spark's file source does unless
 * {@code spark.sql.streaming.schemaInference} is set. Stateless.
 */
public final class ParquetSourceProvider extends FileSourceProvider {
    @Override
    public String shortName() {
        return "parquet";
    }

    @Override
    protected StructType resolveSchema(StructType userSchema, Options options) {
        return requireUserSchema(userSchema);
    }

    @Override
    protected StructType inferSchema(List<Path> files, Options options, ZoneId zone) {
        if (files.isEmpty()) {
            throw DataSourceErrors.unableToInferSchema("Parquet");
        }
        return ParquetFooters.schema(files.get(0));
    }

    @Override
    protected FileReadFormat format(StructType dataSchema, Options options, ZoneId zone) {
        return new ParquetReadFormat(dataSchema);
    }
}
