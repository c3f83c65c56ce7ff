package io.tideway.engine.sink.file;

import io.tideway.engine.spi.Options;
import io.tideway.sql.types.StructType;

/** {@code format("text")} file sink: the single string column, one line per row ({@link TextOutputFormat}). Stateless. */
public final class TextSinkProvider extends FileSinkProvider {
    @Override
    public String shortName() {
        return "text";
    }

    @Override
    protected OutputFormat format(StructType schema, Options options, java.util.Map<String, String> sessionConf) {
        return new TextOutputFormat(schema);
    }
}
