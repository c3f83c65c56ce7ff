package io.tideway.engine.expr;

import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.engine.expr.codegen.NodeEvaluators;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code v IN (a, b, ...)} ({@code Column.isin}): true if {@code v} equals one of the list, else
 * null if {@code v} or an item is null, else false. Items run in order until one matches, as in
 * Spark; all take the {@link CommonType} of {@code v} and the list. An empty list is false on
 * every row. Children: {@code v} then the list. Immutable.
 */
public final class In extends Expression implements Coercible {
    private static final long serialVersionUID = 1L;
    private final List<Expression> children;

    public In(Expression value, List<Expression> list) {
        List<Expression> c = new ArrayList<>(list.size() + 1);
        c.add(value);
        c.addAll(list);
        this.children = List.copyOf(c);
    }

    @Override
    public List<Expression> children() {
        return children;
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new In(c.get(0), c.subList(1, c.size()));
    }

    @Override
    public String sql() {
        StringBuilder sb = new StringBuilder("(").append(children.get(0).sql()).append(" IN (");
        for (int i = 1; i < children.size(); i++) {
            sb.append(i == 1 ? "" : ", ").append(children.get(i).sql());
        }
        return sb.append("))").toString();
    }

    @Override
    public Expression coerceTypes() {
        List<DataType> types = CommonType.typesOf(children);
        if (children.stream().allMatch(c -> CommonType.sameStructShape(types.get(0), c.dataType()))) {
            return this; // row values: compared field by field, whatever the fields' names
        }
        DataType t = CommonType.of(types, true);
        if (t == null) {
            throw CommonType.dataDiffTypes(sql(), "in", types, false, sqlOrigin());
        }
        List<Expression> cast = CommonType.castAll(children, t);
        return cast.equals(children) ? this : withChildren(cast);
    }

    @Override
    public DataType dataType() {
        return DataTypes.BooleanType;
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        return NodeEvaluators.compile(this, context);
    }

    @Override
    public CodeValue genCode(CodegenContext ctx) {
        CodeValue v = ctx.declare(DataTypes.BooleanType);
        if (children.size() == 1) {
            ctx.line(v.isNull() + " = false; " + v.value() + " = 0L;");
            return v;
        }
        CodeValue x = ctx.gen(children.get(0));
        ctx.open("if (!" + x.isNull() + ")");
        String found = ctx.fresh("found");
        String sawNull = ctx.fresh("sawNull");
        ctx.line("boolean " + found + " = false; boolean " + sawNull + " = false;");
        for (int i = 1; i < children.size(); i++) {
            ctx.open("if (!" + found + ")");
            CodeValue item = ctx.gen(children.get(i));
            ctx.line("if (" + item.isNull() + ") { " + sawNull + " = true; } else if ("
                    + Comparison.compareCode(ctx, x, item) + " == 0) { " + found + " = true; }");
            ctx.close();
        }
        ctx.line(v.isNull() + " = !" + found + " && " + sawNull + "; " + v.value() + " = " + found + " ? 1L : 0L;");
        ctx.close();
        return v;
    }
}
