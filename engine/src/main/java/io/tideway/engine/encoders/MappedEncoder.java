package io.tideway.engine.encoders;

import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Row;
import io.tideway.sql.types.StructType;

import java.io.Serializable;
import java.util.function.Function;

/**
 * Objects stored as the rows of a fixed schema through a pair of conversions: the encoder of
 * classes Spark encodes by their constructor's parameters ({@code catalog.Table},
 * {@code catalog.Column}, ...), which are neither beans nor tuples. Immutable and thread-safe; its
 * converters are not.
 */
public final class MappedEncoder<T> implements ObjectEncoder<T> {
    private static final long serialVersionUID = 1L;

    /** A conversion the encoder can be serialized with. */
    public interface Conversion<A, B> extends Function<A, B>, Serializable {
    }

    private final RowEncoder rows;
    private final Class<T> cls;
    private final Conversion<Row, T> fromRow;
    private final Conversion<T, Row> toRow;

    public MappedEncoder(StructType schema, Class<T> cls, Conversion<Row, T> fromRow, Conversion<T, Row> toRow) {
        this.rows = new RowEncoder(schema);
        this.cls = cls;
        this.fromRow = fromRow;
        this.toRow = toRow;
    }

    @Override
    public StructType schema() {
        return rows.schema();
    }

    @Override
    public Class<T> runtimeClass() {
        return cls;
    }

    @Override
    public Converter<T> newConverter() {
        Converter<Row> inner = rows.newConverter();
        return new Converter<>() {
            @Override
            public T read(RowReader row) {
                return fromRow.apply(inner.read(row));
            }

            @Override
            public void write(T value, RowWriter out) {
                inner.write(toRow.apply(value), out);
            }
        };
    }
}
