package io.tideway.engine.sql;

import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ORDER BY, OFFSET and LIMIT for {@code sql()} over a batch (static) view, until the Dataset API
 * has {@code orderBy} and {@code limit}: collects the query's rows, sorts them on the driver with
 * {@link SqlValueOrdering} (a stable sort, so ties keep their input order), slices them, and
 * returns them as a new static DataFrame. The result is a snapshot taken when {@code sql()} runs.
 * The query's trailing columns beyond {@code visible} are sort keys that are not in the select
 * list; they are dropped here. Stateless.
 */
final class BatchRowSorter {
    private BatchRowSorter() {
    }

    /**
     * @param offset rows to skip, 0 for none
     * @param limit  rows to keep after the offset, or -1 for all
     */
    static Dataset<Row> sort(TidewaySession session, Dataset<Row> query, int visible, List<SortKey> keys, long offset,
                             long limit) {
        List<Row> rows = new ArrayList<>(query.collectAsList());
        if (!keys.isEmpty()) {
            rows.sort(SqlValueOrdering.rows(keys));
        }
        int from = (int) Math.min(offset, rows.size());
        int to = limit < 0 ? rows.size() : (int) Math.min(rows.size(), from + limit);
        StructType schema = query.schema();
        if (visible == schema.length()) {
            return session.createDataFrame(rows.subList(from, to), schema);
        }
        StructField[] kept = Arrays.copyOf(schema.fields(), visible);
        List<Row> out = new ArrayList<>(to - from);
        for (Row r : rows.subList(from, to)) {
            Object[] values = new Object[visible];
            for (int i = 0; i < visible; i++) {
                values[i] = r.get(i);
            }
            out.add(RowFactory.create(values));
        }
        return session.createDataFrame(out, new StructType(kept));
    }
}
