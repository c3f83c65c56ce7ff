package io.tideway.engine.source.file;

import io.tideway.engine.spi.BatchScan;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.StringRecordsProvider;
import io.tideway.sql.types.StructType;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** {@code format("json")}: JSON Lines against a required user schema ({@link JsonFormat}). Stateless. */
public final class JsonSourceProvider extends FileSourceProvider implements StringRecordsProvider {
    @Override
    public String shortName() {
        return "json";
    }

    @Override
    protected StructType resolveSchema(StructType userSchema, Options options) {
        return requireUserSchema(userSchema);
    }

    @Override
    protected RecordFormat format(StructType schema, Options options, ZoneId zone) {
        return new JsonFormat(schema, options, zone);
    }

    @Override
    protected StructType inferSchema(java.util.List<java.nio.file.Path> files, Options options, ZoneId zone) {
        if (files.isEmpty()) {
            throw io.tideway.engine.datasource.DataSourceErrors.unableToInferSchema("JSON");
        }
        return JsonSchemaInference.infer(files, options);
    }

    /** {@code spark.read().json(Dataset<String>)}: the strings parsed as {@link StringDatasetScan} does. */
    @Override
    public BatchScan scanStrings(List<String> records, StructType userSchema, Options options, Map<String, String> sessionConf) {
        return StringDatasetScan.json(records, userSchema, options, sessionConf);
    }
}
