package io.tideway.sql;

import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.BinaryArithmetic;
import io.tideway.engine.expr.Cast;
import io.tideway.engine.expr.Comparison;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.Logical;
import io.tideway.engine.expr.Not;
import io.tideway.engine.expr.SortOrder;
import io.tideway.engine.expr.NullCheck;
import io.tideway.engine.expr.UnaryMinus;
import io.tideway.engine.expr.UnresolvedAttribute;
import io.tideway.engine.expr.sql.SqlExpressionParser;
import io.tideway.sql.types.DataType;

import java.io.Serializable;

/**
 * A column expression, mirroring Spark's {@code Column}: built with {@code functions.col},
 * {@code lit}, {@code expr} and combined with the methods here. Immutable.
 */
public class Column implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Expression expr;

    /** The column {@code name} names; backquotes quote a part, as in Spark's {@code col}. */
    public Column(String name) {
        this(UnresolvedAttribute.quoted(name));
    }

    public Column(Expression expr) {
        this.expr = expr;
    }

    /** The expression tree (engine-internal). */
    public Expression expr() {
        return expr;
    }

    static Column lit(Object v) {
        return v instanceof Column c ? c : new Column(Literal.of(v));
    }

    private Column arith(BinaryArithmetic.Op op, Object other) {
        return new Column(new BinaryArithmetic(op, expr, lit(other).expr));
    }

    private Column cmp(Comparison.Op op, Object other) {
        return new Column(new Comparison(op, expr, lit(other).expr));
    }

    public Column plus(Object other) {
        return arith(BinaryArithmetic.Op.ADD, other);
    }

    public Column minus(Object other) {
        return arith(BinaryArithmetic.Op.SUBTRACT, other);
    }

    public Column multiply(Object other) {
        return arith(BinaryArithmetic.Op.MULTIPLY, other);
    }

    public Column divide(Object other) {
        return arith(BinaryArithmetic.Op.DIVIDE, other);
    }

    public Column mod(Object other) {
        return arith(BinaryArithmetic.Op.REMAINDER, other);
    }

    public Column unary_minus() {
        return new Column(new UnaryMinus(expr));
    }

    public Column equalTo(Object other) {
        return cmp(Comparison.Op.EQ, other);
    }

    public Column notEqual(Object other) {
        return cmp(Comparison.Op.NE, other);
    }

    public Column gt(Object other) {
        return cmp(Comparison.Op.GT, other);
    }

    public Column geq(Object other) {
        return cmp(Comparison.Op.GE, other);
    }

    public Column lt(Object other) {
        return cmp(Comparison.Op.LT, other);
    }

    public Column leq(Object other) {
        return cmp(Comparison.Op.LE, other);
    }

    public Column and(Column other) {
        return new Column(new Logical(true, expr, other.expr));
    }

    public Column or(Column other) {
        return new Column(new Logical(false, expr, other.expr));
    }

    public Column isNull() {
        return new Column(new NullCheck(expr, false));
    }

    public Column isNotNull() {
        return new Column(new NullCheck(expr, true));
    }

    public Column as(String alias) {
        return new Column(new Alias(expr instanceof Alias a ? a.child() : expr, alias));
    }

    public Column alias(String alias) {
        return as(alias);
    }

    public Column name(String alias) {
        return as(alias);
    }

    public Column cast(DataType to) {
        return new Column(new Cast(expr, to));
    }

    /** {@code cast("bigint")}, {@code cast("string")}: the type by its SQL name. */
    public Column cast(String to) {
        return cast(SqlExpressionParser.parseDataType(to));
    }

    /** A field of a struct column, e.g. {@code col("window").getField("start")}. */
    public Column getField(String fieldName) {
        return new Column(new io.tideway.engine.expr.UnresolvedExtractField(expr, fieldName));
    }

    Column not() {
        return new Column(new Not(expr));
    }

    @Override
    public String toString() {
        return expr.sql();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Column c && c.expr.sql().equals(expr.sql());
    }

    @Override
    public int hashCode() {
        return expr.sql().hashCode();
    }

    /** Ascending, nulls first (Spark's default), for {@code orderBy}/{@code sort}. */
    public Column asc() {
        return new Column(new SortOrder(expr, false, true));
    }

    public Column asc_nulls_first() {
        return new Column(new SortOrder(expr, false, true));
    }

    public Column asc_nulls_last() {
        return new Column(new SortOrder(expr, false, false));
    }

    /** Descending, nulls last (Spark's default), for {@code orderBy}/{@code sort}. */
    public Column desc() {
        return new Column(new SortOrder(expr, true, false));
    }

    public Column desc_nulls_first() {
        return new Column(new SortOrder(expr, true, true));
    }

    public Column desc_nulls_last() {
        return new Column(new SortOrder(expr, true, false));
    }
}
