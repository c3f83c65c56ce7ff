package io.tideway.engine.expr;

import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.engine.expr.codegen.UnsupportedExpression;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.List;

/** Boolean negation; null stays null. */
public final class Not extends Expression implements Coercible {
    private static final long serialVersionUID = 1L;
    private final Expression child;

    public Not(Expression child) {
        this.child = child;
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new Not(c.get(0));
    }

    @Override
    public String sql() {
        return "(NOT " + child.sql() + ")";
    }

    /** A string or NULL operand is cast to BOOLEAN, as Spark's ANSI coercion does; other types are refused. */
    @Override
    public Expression coerceTypes() {
        DataType t = child.dataType();
        if (t == DataTypes.BooleanType) {
            return this;
        }
        if (t == DataTypes.StringType || t == DataTypes.NullType) {
            return new Not(TypeCoercion.castIfNeeded(child, DataTypes.BooleanType));
        }
        throw io.tideway.engine.error.Unchecked.raise(new io.tideway.sql.AnalysisException(
                "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", java.util.Map.of("sqlExpr",
                io.tideway.engine.error.ErrorParams.expr(sql()), "paramIndex", "first", "requiredType", "\"BOOLEAN\"",
                "inputSql", io.tideway.engine.error.ErrorParams.expr(child.sql()),
                "inputType", io.tideway.engine.error.ErrorParams.type(t)), sqlOrigin()));
    }

    @Override
    public DataType dataType() {
        return DataTypes.BooleanType;
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        Evaluator c = child.evaluator(context);
        return new Evaluator() {
            @Override
            public void eval(RowReader row) {
                c.eval(row);
                isNull = c.isNull;
                l = c.l == 0 ? 1 : 0;
            }
        };
    }

    @Override
    public CodeValue genCode(CodegenContext ctx) {
        CodeValue c = ctx.gen(children().get(0));
        if (c.kind() != CodeValue.Kind.LONG) {
            throw new UnsupportedExpression("NOT of " + c.type().simpleString());
        }
        CodeValue v = ctx.declare(DataTypes.BooleanType);
        ctx.line(v.isNull() + " = " + c.isNull() + "; " + v.value() + " = " + c.value() + " == 0L ? 1L : 0L;");
        return v;
    }
}
