package io.tideway.engine.plan;

import io.tideway.engine.expr.agg.TypedAggregate;
import io.tideway.sql.Column;
import io.tideway.sql.Encoder;
import io.tideway.sql.TypedColumn;

import java.util.ArrayList;
import java.util.List;

/**
 * The typed columns of {@code Dataset.select} and {@code KeyValueGroupedDataset.agg} over the
 * objects they aggregate: each {@code Aggregator.toColumn()} inside is bound to the encoder of
 * those objects (Spark's {@code withInputType}); any other column stays as written. Stateless.
 */
public final class TypedColumns {
    private TypedColumns() {
    }

    public static List<Column> boundTo(Encoder<?> objects, TypedColumn<?, ?>... columns) {
        List<Column> out = new ArrayList<>(columns.length);
        for (TypedColumn<?, ?> c : columns) {
            out.add(new Column(c.expr().transformUp(e -> e instanceof TypedAggregate t && t.isUnbound() ? t.bind(objects) : e)));
        }
        return out;
    }

    /** The encoders of the columns' values, after {@code first} (a key's, or none). */
    public static List<Encoder<?>> encoders(Encoder<?> first, TypedColumn<?, ?>... columns) {
        List<Encoder<?>> out = new ArrayList<>(columns.length + 1);
        if (first != null) {
            out.add(first);
        }
        for (TypedColumn<?, ?> c : columns) {
            out.add(c.encoder());
        }
        return out;
    }
}
