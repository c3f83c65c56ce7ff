package io.tideway.engine.expr;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.engine.expr.codegen.NodeEvaluators;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code CASE WHEN c1 THEN v1 ... [ELSE e] END}, SQL's and {@code functions.when(...).otherwise(...)}'s:
 * the first true condition's value, else the ELSE value or null. Conditions run in order and a
 * value runs only when chosen, as in Spark. The values take their {@link CommonType}. Children:
 * {@code c1, v1, c2, v2, ..., [e]}. Immutable.
 */
public final class CaseWhen extends Expression implements Coercible {
    private static final long serialVersionUID = 1L;
    private final List<Expression> children;
    private final boolean hasElse;
    /** Built by the Column API, which takes a NULL condition as false; SQL's CASE WHEN NULL is a type error. */
    private final boolean nullConditions;

    public CaseWhen(List<Expression> children, boolean hasElse, boolean nullConditions) {
        this.children = List.copyOf(children);
        this.hasElse = hasElse;
        this.nullConditions = nullConditions;
    }

    public boolean hasElse() {
        return hasElse;
    }

    /** This CASE with one more WHEN branch. */
    public CaseWhen when(Expression condition, Expression value) {
        List<Expression> c = new ArrayList<>(children);
        c.add(condition);
        c.add(value);
        return new CaseWhen(c, false, nullConditions);
    }

    /** This CASE with an ELSE value. */
    public CaseWhen otherwise(Expression value) {
        List<Expression> c = new ArrayList<>(children);
        c.add(value);
        return new CaseWhen(c, true, nullConditions);
    }

    private int branches() {
        return children.size() / 2;
    }

    @Override
    public List<Expression> children() {
        return children;
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new CaseWhen(c, hasElse, nullConditions);
    }

    @Override
    public String sql() {
        StringBuilder sb = new StringBuilder("CASE");
        for (int i = 0; i < branches(); i++) {
            sb.append(" WHEN ").append(children.get(2 * i).sql()).append(" THEN ").append(children.get(2 * i + 1).sql());
        }
        if (hasElse) {
            sb.append(" ELSE ").append(children.get(children.size() - 1).sql());
        }
        return sb.append(" END").toString();
    }

    private List<Expression> values() {
        List<Expression> v = new ArrayList<>();
        for (int i = 0; i < branches(); i++) {
            v.add(children.get(2 * i + 1));
        }
        if (hasElse) {
            v.add(children.get(children.size() - 1));
        }
        return v;
    }

    @Override
    public Expression coerceTypes() {
        List<DataType> types = CommonType.typesOf(values());
        DataType t = CommonType.of(types, true);
        if (t == null) {
            throw CommonType.dataDiffTypes(sql(), "casewhen", types, false, sqlOrigin());
        }
        List<Expression> out = new ArrayList<>(children.size());
        for (int i = 0; i < branches(); i++) {
            Expression c = children.get(2 * i);
            if (c.dataType() == DataTypes.NullType && nullConditions) {
                c = TypeCoercion.castIfNeeded(c, DataTypes.BooleanType);
            } else if (c.dataType() != DataTypes.BooleanType) {
                throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", Map.of(
                        "sqlExpr", ErrorParams.expr(sql()), "paramIndex", ErrorParams.ordinal(2 * i),
                        "requiredType", ErrorParams.type(DataTypes.BooleanType), "inputSql", ErrorParams.expr(c.sql()),
                        "inputType", ErrorParams.type(c.dataType())), sqlOrigin()));
            }
            out.add(c);
            out.add(TypeCoercion.castIfNeeded(children.get(2 * i + 1), t));
        }
        if (hasElse) {
            out.add(TypeCoercion.castIfNeeded(children.get(children.size() - 1), t));
        }
        return out.equals(children) ? this : new CaseWhen(out, hasElse, nullConditions);
    }

    @Override
    public DataType dataType() {
        return CommonType.of(CommonType.typesOf(values()), true);
    }

    /**
     * Nullable unless every value that can be chosen is not null; as Spark simplifies the CASE
     * first, a literal true condition ends it (later branches and the ELSE never count).
     */
    @Override
    public boolean nullable() {
        for (int i = 0; i < branches(); i++) {
            Expression c = children.get(2 * i);
            Object literal = c instanceof Literal l ? l.value() : c instanceof Cast cast && cast.child() instanceof Literal l
                    ? l.value() : "";
            if (children.get(2 * i + 1).nullable()) {
                return true;
            }
            if (Boolean.TRUE.equals(literal)) {
                return false;
            }
        }
        return !hasElse || children.get(children.size() - 1).nullable();
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        return NodeEvaluators.compile(this, context);
    }

    @Override
    public CodeValue genCode(CodegenContext ctx) {
        CodeValue v = ctx.declare(dataType());
        int opened = 0;
        for (int i = 0; i < branches(); i++) {
            CodeValue c = ctx.gen(children.get(2 * i));
            ctx.open("if (!" + c.isNull() + " && " + c.value() + " != 0L)");
            ctx.assign(v, ctx.gen(children.get(2 * i + 1)));
            ctx.orElse();
            opened++;
        }
        if (hasElse) {
            ctx.assign(v, ctx.gen(children.get(children.size() - 1)));
        }
        for (int i = 0; i < opened; i++) {
            ctx.close();
        }
        return v;
    }
}
