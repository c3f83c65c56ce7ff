package io.tideway.engine.plan;

import io.tideway.sql.Row;
import io.tideway.sql.types.StructType;

import java.util.List;

/** Static rows held in memory: a memory sink's table, a {@code foreachBatch} batch. */
public final class LocalRelation extends LogicalPlan {
    private static final long serialVersionUID = 1L;
    private final StructType schema;
    private final List<Row> rows;

    public LocalRelation(StructType schema, List<Row> rows) {
        this.schema = schema;
        this.rows = List.copyOf(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of();
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public String nodeName() {
        return "LocalRelation";
    }

    @Override
    protected String argString() {
        return "[" + String.join(", ", schema.fieldNames()) + "], " + rows.size() + " rows";
    }

    @Override
    public LocalRelation copy(List<LogicalPlan> children) {
        return new LocalRelation(schema, rows);
    }
}
