package io.tideway.engine.spi;

import io.tideway.sql.types.StructType;

import java.util.List;
import java.util.Map;

/**
 * A source provider whose records can also come from strings, as {@code spark.read().json(Dataset<String>)}
 * and {@code csv(Dataset<String>)} parse them: the seam through which {@code DataFrameReader} reaches
 * the file formats' parsers (module {@code tideway-files}) without naming them. Stateless and thread-safe.
 */
public interface StringRecordsProvider extends SourceProvider {
    /**
     * A scan of {@code records}, one record per string, parsed with {@code options} against
     * {@code userSchema}, or a schema inferred from the strings when it is null.
     */
    BatchScan scanStrings(List<String> records, StructType userSchema, Options options, Map<String, String> sessionConf);
}
