package io.tideway.sql;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.sql.TableFunctions;

import java.util.ArrayList;
import java.util.List;

/**
 * Spark 4's {@code TableValuedFunction} ({@code session.tvf()}): the table-valued functions that
 * {@code sql()} reads in FROM, as Datasets. A generator's columns are constant expressions (it
 * reads one row without columns), named as in {@code select(explode(...))}. Immutable; any thread.
 */
public final class TableValuedFunction {
    private final TidewaySession session;

    TableValuedFunction(TidewaySession session) {
        this.session = session;
    }

    /** The numbers {@code 0 .. end - 1} in a {@code bigint} column {@code id}. */
    public Dataset<Long> range(long end) {
        return session.range(end);
    }

    /** The numbers {@code start .. end - 1}. */
    public Dataset<Long> range(long start, long end) {
        return session.range(start, end);
    }

    /** The numbers {@code start, start + step, ...} before {@code end}. */
    public Dataset<Long> range(long start, long end, long step) {
        return session.range(start, end, step);
    }

    /** As {@link #range(long, long, long)}, in {@code numPartitions} slices. */
    public Dataset<Long> range(long start, long end, long step, int numPartitions) {
        return session.range(start, end, step, numPartitions);
    }

    /** A row per element of an array ({@code col}) or entry of a map ({@code key}, {@code value}). */
    public Dataset<Row> explode(Column collection) {
        return rows("explode", collection);
    }

    /** As {@link #explode}, with a row of nulls for a null or empty collection. */
    public Dataset<Row> explode_outer(Column collection) {
        return rows("explode_outer", collection);
    }

    /** A row per struct of an array of structs, its fields as columns. */
    public Dataset<Row> inline(Column input) {
        return rows("inline", input);
    }

    /** As {@link #inline}, with a row of nulls for a null or empty array. */
    public Dataset<Row> inline_outer(Column input) {
        return rows("inline_outer", input);
    }

    /** The fields named {@code fields} of a JSON object, as columns {@code c0, c1, ...}. */
    public Dataset<Row> json_tuple(Column input, Column... fields) {
        return rows("json_tuple", prepend(input, fields));
    }

    /** As {@link #explode}, with the position ({@code pos}) first. */
    public Dataset<Row> posexplode(Column collection) {
        return rows("posexplode", collection);
    }

    /** As {@link #posexplode}, with a row of nulls for a null or empty collection. */
    public Dataset<Row> posexplode_outer(Column collection) {
        return rows("posexplode_outer", collection);
    }

    /** {@code fields} in {@code n} rows, as columns {@code col0, col1, ...}. */
    public Dataset<Row> stack(Column n, Column... fields) {
        return rows("stack", prepend(n, fields));
    }

    /** A row per field of a variant object or element of a variant array: {@code pos}, {@code key}, {@code value}. */
    public Dataset<Row> variant_explode(Column input) {
        return rows("variant_explode", input);
    }

    /** As {@link #variant_explode}, with a row of nulls for any other value. */
    public Dataset<Row> variant_explode_outer(Column input) {
        return rows("variant_explode_outer", input);
    }

    private Dataset<Row> rows(String name, Column... args) {
        List<Expression> exprs = new ArrayList<>();
        for (Column c : args) {
            exprs.add(c.expr());
        }
        return TableFunctions.rows(session, TableFunctions.generator(name, exprs));
    }

    private static Column[] prepend(Column first, Column[] rest) {
        Column[] all = new Column[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
