package io.tideway.engine.expr;

import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

/** A column bound to its ordinal in the input row. */
public final class BoundReference extends LeafExpression {
    private static final long serialVersionUID = 1L;
    private final int ordinal;
    private final DataType type;
    private final boolean nullable;
    private final String name;
    private final io.tideway.sql.types.Metadata metadata;

    public BoundReference(int ordinal, DataType type, boolean nullable, String name) {
        this(ordinal, type, nullable, name, io.tideway.sql.types.Metadata.empty());
    }

    /** With the input field's metadata, so that a projected event-time column keeps its watermark. */
    public BoundReference(int ordinal, DataType type, boolean nullable, String name, io.tideway.sql.types.Metadata metadata) {
        this.ordinal = ordinal;
        this.type = type;
        this.nullable = nullable;
        this.name = name;
        this.metadata = metadata;
    }

    public io.tideway.sql.types.Metadata metadata() {
        return metadata;
    }

    public int ordinal() {
        return ordinal;
    }

    public String name() {
        return name;
    }

    @Override
    public String sql() {
        return name;
    }

    @Override
    public DataType dataType() {
        return type;
    }

    @Override
    public boolean nullable() {
        return nullable;
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        if (type == DataTypes.DoubleType || type == DataTypes.FloatType) {
            return new Evaluator() {
                @Override
                public void eval(RowReader row) {
                    isNull = row.isNullAt(ordinal);
                    d = row.getDouble(ordinal);
                }
            };
        }
        if (type instanceof io.tideway.sql.types.DecimalType t) {
            return new Evaluator() {
                @Override
                public void eval(RowReader row) {
                    isNull = row.isNullAt(ordinal);
                    dec = isNull ? null : row.getDecimal(ordinal, t.precision(), t.scale());
                }
            };
        }
        if (type.isFixedWidth()) {
            boolean isInt = type == DataTypes.IntegerType || type == DataTypes.DateType;
            boolean isBool = type == DataTypes.BooleanType;
            return new Evaluator() {
                @Override
                public void eval(RowReader row) {
                    isNull = row.isNullAt(ordinal);
                    l = isInt ? row.getInt(ordinal) : isBool ? (row.getBoolean(ordinal) ? 1 : 0) : row.getLong(ordinal);
                }
            };
        }
        return new Evaluator() {
            @Override
            public void eval(RowReader row) {
                isNull = row.isNullAt(ordinal);
                if (!isNull) {
                    buf = row.buffer();
                    off = row.varOffset(ordinal);
                    len = row.varLength(ordinal);
                }
            }
        };
    }

    @Override
    public CodeValue genCode(CodegenContext ctx) {
        return ctx.column(ordinal, type);
    }
}
