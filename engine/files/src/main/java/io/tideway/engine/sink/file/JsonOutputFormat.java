package io.tideway.engine.sink.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tideway.engine.row.RowConverter;
import io.tideway.engine.spi.Options;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.Row;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.io.IOException;
import java.io.Writer;

/**
 * JSON Lines output as Spark writes it: one object per row in schema field order, null fields
 * omitted ({@code ignoreNullFields=true}), timestamps as {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX},
 * dates as {@code yyyy-MM-dd}, binary as base64, NaN and infinities as strings. Immutable.
 */
final class JsonOutputFormat implements OutputFormat {
    private static final JsonFactory FACTORY = new JsonFactory().setRootValueSeparator(null);

    private final StructType schema;
    private final ValueFormats formats;
    private final boolean ignoreNullFields;
    /** Nested values, written as {@code to_json} writes them. */
    private final io.tideway.engine.format.JsonValueWriter values;

    JsonOutputFormat(StructType schema, Options options) {
        this.schema = schema;
        this.formats = new ValueFormats(options);
        this.ignoreNullFields = booleanOption(options, "ignoreNullFields", true);
        this.values = new io.tideway.engine.format.JsonValueWriter(formats.zone(), options.asMap());
    }

    static boolean booleanOption(Options options, String name, boolean dflt) {
        String v = options.getOrDefault(name, Boolean.toString(dflt)).trim();
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException("Invalid value '" + v + "' for option '" + name + "', must be 'true' or 'false'");
    }

    @Override
    public String extension() {
        return "json";
    }

    @Override
    public RowFormatter formatter(Writer out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return new Formatter(g);
    }

    /** Writes one file's rows; owned by one partition writer. */
    private final class Formatter implements RowFormatter {
        private final JsonGenerator g;
        private final RowConverter converter = new RowConverter(schema);
        private final String[] names = schema.fieldNames();

        Formatter(JsonGenerator g) {
            this.g = g;
        }

        @Override
        public void write(RowReader row) throws IOException {
            g.writeStartObject();
            Row converted = null;
            for (int i = 0; i < names.length; i++) {
                DataType t = schema.apply(i).dataType();
                if (row.isNullAt(i)) {
                    if (!ignoreNullFields) {
                        g.writeNullField(names[i]);
                    }
                    continue;
                }
                g.writeFieldName(names[i]);
                if (t instanceof ArrayType || t instanceof StructType || t instanceof io.tideway.sql.types.MapType) {
                    if (converted == null) {
                        converted = converter.toRow(row);
                    }
                    writeValue(converted.get(i), t);
                } else {
                    writeScalar(row, i, t);
                }
            }
            g.writeEndObject();
            g.writeRaw('\n');
        }

        private void writeScalar(RowReader row, int i, DataType t) throws IOException {
            if (t == DataTypes.StringType) {
                g.writeString(row.getString(i));
            } else if (t == DataTypes.IntegerType) {
                g.writeNumber(row.getInt(i));
            } else if (t == DataTypes.LongType || t == DataTypes.ByteType || t == DataTypes.ShortType) {
                g.writeNumber(row.getLong(i));
            } else if (t instanceof io.tideway.sql.types.DecimalType d) {
                g.writeNumber(row.getDecimal(i, d.precision(), d.scale()));
            } else if (t == DataTypes.FloatType) {
                float f = (float) row.getDouble(i);
                if (Float.isNaN(f) || Float.isInfinite(f)) {
                    g.writeString(Float.toString(f));
                } else {
                    g.writeNumber(f);
                }
            } else if (t == DataTypes.DoubleType) {
                writeDouble(row.getDouble(i));
            } else if (t == DataTypes.BooleanType) {
                g.writeBoolean(row.getBoolean(i));
            } else if (t == DataTypes.TimestampType) {
                g.writeString(formats.timestamp(row.getLong(i)));
            } else if (t == DataTypes.DateType) {
                g.writeString(ValueFormats.date(row.getInt(i)));
            } else if (t == DataTypes.BinaryType) {
                g.writeBinary(row.getBinary(i));
            } else if (t == DataTypes.VariantType) { // as Spark: the value's JSON, in place
                g.writeRawValue(io.tideway.types.variant.VariantLayout.read(row.buffer(), row.varOffset(i), row.varLength(i))
                        .toJson(formats.zone()));
            } else {
                g.writeNull();
            }
        }

        private void writeDouble(double d) throws IOException {
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                g.writeString(Double.toString(d));
            } else {
                g.writeNumber(d);
            }
        }

        /** Nested values, from their Java form (arrays and structs are rare and allocate anyway). */
        private void writeValue(Object v, DataType t) throws IOException {
            values.write(g, v, t);
        }

        @Override
        public void flush() throws IOException {
            g.flush();
        }
    }
}
