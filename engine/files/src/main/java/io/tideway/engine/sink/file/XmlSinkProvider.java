package io.tideway.engine.sink.file;

import io.tideway.engine.conf.TidewayConf;
import io.tideway.engine.spi.Options;
import io.tideway.sql.types.StructType;

import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/** {@code format("xml")} file sink: a {@code rootTag} element of {@code rowTag} rows per file ({@link XmlOutputFormat}). Stateless. */
public final class XmlSinkProvider extends FileSinkProvider {
    @Override
    public String shortName() {
        return "xml";
    }

    @Override
    protected FileWriteFormat format(StructType schema, Options options, Map<String, String> sessionConf) {
        ZoneId zone = Objects.requireNonNullElseGet(TidewayConf.SESSION_TIME_ZONE.get(sessionConf), ZoneId::systemDefault);
        return new XmlOutputFormat(schema, options, zone);
    }
}
