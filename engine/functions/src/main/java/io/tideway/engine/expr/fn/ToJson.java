package io.tideway.engine.expr.fn;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tideway.engine.expr.BytesOut;
import io.tideway.engine.format.JsonOptions;
import io.tideway.engine.format.JsonValueWriter;
import io.tideway.engine.row.CollectionCodec;
import io.tideway.engine.row.RowConverter;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.MapType;
import io.tideway.sql.types.StructType;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Map;

/**
 * One {@code to_json} call site: its input type and options ({@code timestampFormat},
 * {@code dateFormat}, {@code ignoreNullFields}, {@code pretty}, {@code timeZone}); writes a struct,
 * array or map value as JSON text with {@link JsonValueWriter}, the JSON sink's writer. A
 * generated-code constant; one per call site, used by one thread.
 */
public final class ToJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final DataType type;
    private final JsonValueWriter writer;
    private final boolean pretty;
    private final RowConverter rows;
    /** The zone a variant's timestamps are written in (the session's; Spark ignores the options for a variant). */
    private final ZoneId variantZone;

    ToJson(DataType type, ZoneId sessionZone, Map<String, String> options) {
        this.type = type;
        String tz = options.get("timeZone");
        this.variantZone = sessionZone;
        this.writer = new JsonValueWriter(tz == null ? sessionZone : ZoneId.of(tz), options);
        this.pretty = JsonOptions.bool(options, "pretty", false);
        this.rows = type instanceof StructType st ? new RowConverter(st) : null;
    }

    /** Writes the JSON text of the value at {@code (b, off, len)} into {@code out}; returns its length. */
    public int write(DirectBuffer b, int off, int len, BytesOut out) {
        Object value;
        if (type == io.tideway.sql.types.DataTypes.VariantType) {
            return VariantKernels.toJson(b, off, len, SessionZone.of(variantZone), out);
        } else if (type instanceof StructType st) {
            value = rows.toRow(b, off, len);
        } else if (type instanceof ArrayType at) {
            value = CollectionCodec.readArray(b, off, len, at.elementType());
        } else {
            value = CollectionCodec.readMap(b, off, len, (MapType) type);
        }
        StringWriter text = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            writer.write(g, value, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.reset().append(text.toString());
        return out.length();
    }
}
