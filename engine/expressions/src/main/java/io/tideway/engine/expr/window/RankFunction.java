package io.tideway.engine.expr.window;

import io.tideway.engine.expr.Expression;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.List;
import java.util.function.Function;

/**
 * The ranking functions without arguments: {@code row_number()}, {@code rank()},
 * {@code dense_rank()}, {@code percent_rank()} and {@code cume_dist()}, each named as Spark names
 * its column ({@code RANK()} upper case, as Spark's resolved {@code Rank} prints). Immutable.
 */
public final class RankFunction extends WindowFunction {
    private static final long serialVersionUID = 1L;

    /** Which ranking, with the name Spark gives its column and the name users call it by. */
    public enum Kind {
        ROW_NUMBER("row_number()", "row_number"), RANK("RANK()", "rank"), DENSE_RANK("DENSE_RANK()", "dense_rank"),
        PERCENT_RANK("PERCENT_RANK()", "percent_rank"), CUME_DIST("cume_dist()", "cume_dist");

        private final String sql;
        private final String callName;

        Kind(String sql, String callName) {
            this.sql = sql;
            this.callName = callName;
        }

        public String callName() {
            return callName;
        }
    }

    private final Kind kind;

    public RankFunction(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public WindowFrame requiredFrame() {
        return kind == Kind.CUME_DIST ? WindowFrame.RANGE_TO_CURRENT : WindowFrame.ROWS_TO_CURRENT;
    }

    @Override
    public String columnText(Function<Expression, String> text) {
        return kind.callName + "()";
    }

    @Override
    public String errorText() {
        return kind.callName + "()";
    }

    @Override
    public List<Expression> children() {
        return List.of();
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        return this;
    }

    @Override
    public String sql() {
        return kind.sql;
    }

    @Override
    public DataType dataType() {
        return kind == Kind.PERCENT_RANK || kind == Kind.CUME_DIST ? DataTypes.DoubleType : DataTypes.IntegerType;
    }

    @Override
    public boolean nullable() {
        return false;
    }
}
