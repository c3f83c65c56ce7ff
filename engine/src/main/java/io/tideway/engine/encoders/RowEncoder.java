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

    public RowEncoder(StructType schema) {
        this.schema = schema;
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public Class<Row> clsTag() {
        return Row.class;
    }

    @Override
    public Converter<Row> newConverter() {
        RowConverter rows = new RowConverter(schema);
        return new Converter<>() {
            @Override
            public Row read(RowReader row) {
                return rows.toRow(row);
            }

            @Override
            public void write(Row value, RowWriter out) {
                rows.write(value, out);
            }
        };
    }
}
