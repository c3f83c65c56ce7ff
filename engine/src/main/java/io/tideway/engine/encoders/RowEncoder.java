package io.tideway.engine.encoders;

import io.tideway.engine.row.RowConverter;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Row;
import io.tideway.sql.types.StructType;

/** Encodes {@link Row}s of a schema: the encoder of every {@code Dataset<Row>}. */
public final class RowEncoder implements ObjectEncoder<Row> {
    private static final long serialVersionUID = 1L;
    private final StructType schema;
    /** Whether reading a row fails as Spark's deserializer does on a date it cannot decode ({@link JavaDateDecoding}). */
    private final boolean sparkDateLimit;

    public RowEncoder(StructType schema) {
        this(schema, true);
    }

    /**
     * @param sparkDateLimit false for rows the engine reads for itself ({@code count}, {@code show}),
     *                       which Spark never decodes into Java objects
     */
    public RowEncoder(StructType schema, boolean sparkDateLimit) {
        this.schema = schema;
        this.sparkDateLimit = sparkDateLimit;
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public Class<Row> runtimeClass() {
        return Row.class;
    }

    @Override
    public Converter<Row> newConverter() {
        RowConverter rows = new RowConverter(schema);
        int[] dates = sparkDateLimit ? JavaDateDecoding.dateFields(schema) : new int[0];
        return new Converter<>() {
            @Override
            public Row read(RowReader row) {
                JavaDateDecoding.check(row, dates, schema);
                return rows.toRow(row);
            }

            @Override
            public void write(Row value, RowWriter out) {
                rows.write(value, out);
            }
        };
    }
}
