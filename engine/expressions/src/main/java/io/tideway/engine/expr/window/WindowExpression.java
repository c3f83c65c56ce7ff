package io.tideway.engine.expr.window;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.SortOrder;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code function OVER (spec)}: a window function or an aggregate computed over the frame of each
 * row's partition. Its children are the function, then the partitioning expressions, then the
 * ORDER BY keys, so analysis binds them all. Only a window operator computes it (the planner
 * replaces it by that operator's column); it has no evaluator. Immutable.
 */
public final class WindowExpression extends Expression {
    private static final long serialVersionUID = 1L;
    private final Expression function;
    private final WindowSpecDefinition spec;

    public WindowExpression(Expression function, WindowSpecDefinition spec) {
        this.function = function;
        this.spec = spec;
    }

    public Expression function() {
        return function;
    }

    public WindowSpecDefinition spec() {
        return spec;
    }

    /** The frame the rows are computed over: the function's own, else the user's, else Spark's default. */
    public WindowFrame frame() {
        if (function instanceof WindowFunction w && w.requiredFrame() != null) {
            return w.requiredFrame();
        }
        return spec.frame() != null ? spec.frame() : WindowFrame.defaultFor(!spec.order().isEmpty());
    }

    @Override
    public List<Expression> children() {
        List<Expression> c = new ArrayList<>(1 + spec.partition().size() + spec.order().size());
        c.add(function);
        c.addAll(spec.partition());
        c.addAll(spec.order());
        return c;
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        int p = spec.partition().size();
        List<SortOrder> order = new ArrayList<>();
        for (Expression o : c.subList(1 + p, c.size())) {
            order.add((SortOrder) o);
        }
        return new WindowExpression(c.get(0), new WindowSpecDefinition(c.subList(1, 1 + p), order, spec.frame()));
    }

    /** Spark's name: {@code sum(v) OVER (PARTITION BY k ORDER BY v ASC NULLS FIRST RANGE BETWEEN ...)}. */
    @Override
    public String sql() {
        return function.sql() + " OVER " + specSql();
    }

    /** The resolved spec as Spark prints it, frame included: {@code (PARTITION BY k ROWS BETWEEN ...)}. */
    public String specSql() {
        String keys = spec.keysSql(Expression::sql);
        return "(" + (keys.isEmpty() ? "" : keys + " ") + frame().sql() + ")";
    }

    /** As Spark 4's {@code Column.toString}: the frame only if the user wrote one, in its raw form. */
    public String columnText(Function<Expression, String> text) {
        String fn = function instanceof WindowFunction w ? w.columnText(text) : text.apply(function);
        String keys = spec.keysSql(text);
        String frame = spec.frame() == null ? "" : spec.frame().columnText();
        String inside = keys.isEmpty() ? frame : frame.isEmpty() ? keys : keys + " " + frame;
        return fn + " OVER (" + inside + ")";
    }

    @Override
    public DataType dataType() {
        return function.dataType();
    }

    @Override
    public boolean nullable() {
        return function.nullable();
    }

    /**
     * Spark's analysis checks of a resolved window expression: what may stand before OVER, the
     * ORDER BY a ranking or offset function needs, the frame it requires, and a RANGE frame's
     * value offsets over one numeric key.
     */
    public void check() {
        if (!(function instanceof WindowFunction) && !(function instanceof AggregateFunction)) {
            throw Unchecked.raise(new AnalysisException("UNSUPPORTED_EXPR_FOR_WINDOW",
                    Map.of("sqlExpr", ErrorParams.expr(function.sql())), sqlOrigin()));
        }
        if (function instanceof io.tideway.engine.expr.agg.DistinctAggregate) {
            throw Unchecked.raise(new AnalysisException("DISTINCT_WINDOW_FUNCTION_UNSUPPORTED",
                    Map.of("windowExpr", ErrorParams.expr(sql())), sqlOrigin()));
        }
        if (function instanceof io.tideway.engine.expr.agg.FilteredAggregate) {
            throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1030", Map.of()));
        }
        if (function instanceof WindowFunction w) {
            if (w.requiresOrder() && spec.order().isEmpty()) {
                throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1037", Map.of("wf", w.errorText())));
            }
            if (w.requiredFrame() != null && spec.frame() != null && !w.requiredFrame().equals(spec.frame())) {
                throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1036", Map.of(
                        "wf", spec.frame().legacyText(), "required", w.requiredFrame().legacyText())));
            }
            if (w instanceof NTile t) {
                t.check();
            }
        }
        WindowFrame f = frame();
        if (f.valueRange()) {
            String frameSql = ErrorParams.expr(f.sql());
            if (spec.order().size() != 1) {
                throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.RANGE_FRAME_MULTI_ORDER", Map.of(
                        "sqlExpr", ErrorParams.expr("(" + spec.keysSql(Expression::sql) + " " + f.sql() + ")"),
                        "orderSpec", String.join(",", spec.order().stream().map(Expression::sql).toList()))));
            }
            DataType t = spec.order().get(0).dataType();
            boolean temporal = t == io.tideway.sql.types.DataTypes.DateType || t == io.tideway.sql.types.DataTypes.TimestampType
                    || t == io.tideway.sql.types.DataTypes.TimestampNTZType;
            boolean interval = f.valueBound().interval() != null;
            if (temporal != interval && (t.isNumeric() || temporal)) {
                throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.RANGE_FRAME_INVALID_TYPE", Map.of(
                        "sqlExpr", ErrorParams.expr(specSql()), "orderSpecType", ErrorParams.type(t),
                        "valueBoundaryType", interval ? "\"INTERVAL\"" : f.valueBound().longLiteral() ? "\"BIGINT\"" : "\"INT\"")));
            }
            if (!t.isNumeric() && !temporal) {
                throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE", Map.of(
                        "sqlExpr", frameSql, "location", f.lower().kind() == FrameBound.Kind.OFFSET ? "lower" : "upper",
                        "exprType", ErrorParams.type(t),
                        "expectedType", "(\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL\")")));
            }
        }
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        throw new IllegalStateException(sql() + " is computed by a window operator");
    }
}
