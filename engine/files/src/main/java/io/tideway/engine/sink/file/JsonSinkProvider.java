package io.tideway.engine.sink.file;

import io.tideway.engine.spi.Options;
import io.tideway.sql.types.StructType;

/** {@code format("json")} file sink: JSON Lines, Spark's field order, nulls omitted ({@link JsonOutputFormat}). Stateless. */
public final class JsonSinkProvider extends FileSinkProvider {
    @Override
    public String shortName() {
        return "json";
    }

    @Override
    protected OutputFormat format(StructType schema, Options options, java.util.Map<String, String> sessionConf) {
        return new JsonOutputFormat(schema, options);
    }
}
