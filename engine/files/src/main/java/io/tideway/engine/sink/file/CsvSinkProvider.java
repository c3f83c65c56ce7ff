package io.tideway.engine.sink.file;

import io.tideway.engine.spi.Options;
import io.tideway.sql.types.StructType;

/** {@code format("csv")} file sink: CSV lines, no header unless header=true ({@link CsvOutputFormat}). Stateless. */
public final class CsvSinkProvider extends FileSinkProvider {
    @Override
    public String shortName() {
        return "csv";
    }

    @Override
    protected OutputFormat format(StructType schema, Options options, java.util.Map<String, String> sessionConf) {
        return new CsvOutputFormat(schema, options);
    }
}
