package io.tideway.engine.source.file;

import io.tideway.engine.spi.BatchScan;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.StringRecordsProvider;
import io.tideway.sql.types.StructType;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** {@code format("csv")}: CSV lines against a required user schema ({@link CsvFormat}). Stateless. */
public final class CsvSourceProvider extends FileSourceProvider implements StringRecordsProvider {
    @Override
    public String shortName() {
        return "csv";
    }

    @Override
    protected StructType resolveSchema(StructType userSchema, Options options) {
        return requireUserSchema(userSchema);
    }

    @Override
    protected RecordFormat format(StructType schema, Options options, ZoneId zone) {
        return new CsvFormat(schema, options, zone);
    }

    @Override
    protected StructType inferSchema(java.util.List<java.nio.file.Path> files, Options options, ZoneId zone) {
        if (files.isEmpty()) {
            throw io.tideway.engine.datasource.DataSourceErrors.unableToInferSchema("CSV");
        }
        return CsvSchemaInference.infer(files, options, new CsvFormat(new StructType(), options, zone));
    }

    /** {@code spark.read().csv(Dataset<String>)}: the strings parsed as {@link StringDatasetScan} does. */
    @Override
    public BatchScan scanStrings(List<String> records, StructType userSchema, Options options, Map<String, String> sessionConf) {
        return StringDatasetScan.csv(records, userSchema, options, sessionConf);
    }
}
