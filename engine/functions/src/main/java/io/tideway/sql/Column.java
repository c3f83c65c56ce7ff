package io.tideway.sql;

import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.BinaryArithmetic;
import io.tideway.engine.expr.CaseWhen;
import io.tideway.engine.expr.Cast;
import io.tideway.engine.expr.Comparison;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.In;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.Logical;
import io.tideway.engine.expr.Not;
import io.tideway.engine.expr.SortOrder;
import io.tideway.engine.expr.NullCheck;
import io.tideway.engine.expr.UnaryMinus;
import io.tideway.engine.expr.UnresolvedAttribute;
import io.tideway.engine.expr.fn.FunctionRegistry;
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
    /** The SQL text {@code functions.expr} parsed this from, which {@link #toString} prints as Spark does; else null. */
    private final String text;

    /** The column {@code name} names; backquotes quote a part, as in Spark's {@code col}. */
    public Column(String name) {
        this(UnresolvedAttribute.quoted(name));
    }

    /**
     * A column of an engine expression (engine-internal; applications build columns through
     * {@code functions}).
     */
    public Column(Expression expr) {
        this(expr, null);
    }

    Column(Expression expr, String text) {
        this.expr = expr;
        this.text = text;
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

    /**
     * {@code this + other}; {@code other} is a {@code Column} or a literal value. The operands are
     * widened to a common type as Spark does; under ANSI mode (the default) an overflow fails in
     * Spark's words ({@code [BINARY_ARITHMETIC_OVERFLOW]}, {@code [ARITHMETIC_OVERFLOW]}).
     */
    public Column plus(Object other) {
        return arith(BinaryArithmetic.Op.ADD, other);
    }

    /** {@code this - other}, typed and checked as {@link #plus(Object)}. */
    public Column minus(Object other) {
        return arith(BinaryArithmetic.Op.SUBTRACT, other);
    }

    /** {@code this * other}, typed and checked as {@link #plus(Object)}. */
    public Column multiply(Object other) {
        return arith(BinaryArithmetic.Op.MULTIPLY, other);
    }

    /**
     * {@code this / other}: a double for integral operands, a decimal for decimals. Division by
     * zero is {@code [DIVIDE_BY_ZERO]} under ANSI mode (the default), null otherwise.
     */
    public Column divide(Object other) {
        return arith(BinaryArithmetic.Op.DIVIDE, other);
    }

    /**
     * {@code this % other}, the remainder with the sign of the dividend; by zero it is
     * {@code [DIVIDE_BY_ZERO]} under ANSI mode, null otherwise.
     */
    public Column mod(Object other) {
        return arith(BinaryArithmetic.Op.REMAINDER, other);
    }

    /** {@code -this}; under ANSI mode negating the least value of an integral type overflows. */
    public Column unary_minus() {
        return new Column(new UnaryMinus(expr));
    }

    /** {@code this = other}: null when either side is null (see {@link #eqNullSafe(Object)}). */
    public Column equalTo(Object other) {
        return cmp(Comparison.Op.EQ, other);
    }

    /** {@code this != other}: null when either side is null. */
    public Column notEqual(Object other) {
        return cmp(Comparison.Op.NE, other);
    }

    /** {@code this > other}: null when either side is null. */
    public Column gt(Object other) {
        return cmp(Comparison.Op.GT, other);
    }

    /** {@code this >= other}: null when either side is null. */
    public Column geq(Object other) {
        return cmp(Comparison.Op.GE, other);
    }

    /** {@code this < other}: null when either side is null. */
    public Column lt(Object other) {
        return cmp(Comparison.Op.LT, other);
    }

    /** {@code this <= other}: null when either side is null. */
    public Column leq(Object other) {
        return cmp(Comparison.Op.LE, other);
    }

    /**
     * {@code this AND other}, with SQL's three-valued logic: false if either is false, else null if
     * either is null.
     */
    public Column and(Column other) {
        return new Column(new Logical(true, expr, other.expr));
    }

    /**
     * {@code this OR other}, with SQL's three-valued logic: true if either is true, else null if
     * either is null.
     */
    public Column or(Column other) {
        return new Column(new Logical(false, expr, other.expr));
    }

    /** Applies {@code name} from the function registry to this column and {@code others} (literals for non-Columns). */
    private Column fn(String name, Object... others) {
        Expression[] args = new Expression[others.length + 1];
        args[0] = expr;
        for (int i = 0; i < others.length; i++) {
            args[i + 1] = lit(others[i]).expr;
        }
        return new Column(FunctionRegistry.callLater(name, args));
    }

    /** One more branch of a {@code functions.when(...)} chain. */
    public Column when(Column condition, Object value) {
        if (!(expr instanceof CaseWhen c)) {
            throw new IllegalArgumentException("when() can only be applied on a Column previously generated by when() function");
        }
        if (c.hasElse()) {
            throw new IllegalArgumentException("when() cannot be applied once otherwise() is applied");
        }
        return new Column(c.when(condition.expr, lit(value).expr));
    }

    /** The value of a {@code functions.when(...)} chain when no condition holds. */
    public Column otherwise(Object value) {
        if (!(expr instanceof CaseWhen c)) {
            throw new IllegalArgumentException("otherwise() can only be applied on a Column previously generated by when()");
        }
        if (c.hasElse()) {
            throw new IllegalArgumentException("otherwise() can only be applied once on a Column previously generated by when()");
        }
        return new Column(c.otherwise(lit(value).expr));
    }

    /**
     * {@code this IN (list...)}: true when equal to one of the values; null when not found and the
     * value or one of the list is null.
     */
    public Column isin(Object... list) {
        java.util.List<Expression> items = new java.util.ArrayList<>(list.length);
        for (Object o : list) {
            items.add(lit(o).expr);
        }
        return new Column(new In(expr, items));
    }

    /** As {@link #isin(Object...)} with the collection's values. */
    public Column isInCollection(Iterable<?> values) {
        java.util.List<Object> list = new java.util.ArrayList<>();
        values.forEach(list::add);
        return isin(list.toArray());
    }

    /** {@code (this >= lower) AND (this <= upper)}. */
    public Column between(Object lowerBound, Object upperBound) {
        return geq(lowerBound).and(leq(upperBound));
    }

    /** Whether the value is NaN; false for null. */
    public Column isNaN() {
        return fn("isnan");
    }

    /** {@code this <=> other}: equality in which two nulls are equal and null never results. */
    public Column eqNullSafe(Object other) {
        return fn("<=>", other);
    }

    /** SQL {@code LIKE}: {@code %} matches any characters, {@code _} one, {@code \} escapes. */
    public Column like(String literal) {
        return fn("like", literal);
    }

    /** SQL {@code ILIKE}: {@link #like(String)} ignoring case. */
    public Column ilike(String literal) {
        return fn("ilike", literal);
    }

    /** Whether a Java regular expression matches part of the value. */
    public Column rlike(String literal) {
        return fn("rlike", literal);
    }

    /** Whether the string (or binary) value starts with {@code literal}. */
    public Column startsWith(String literal) {
        return fn("startswith", literal);
    }

    /** Whether the value starts with the value of {@code other}. */
    public Column startsWith(Column other) {
        return fn("startswith", other);
    }

    /** Whether the string (or binary) value ends with {@code literal}. */
    public Column endsWith(String literal) {
        return fn("endswith", literal);
    }

    /** Whether the value ends with the value of {@code other}. */
    public Column endsWith(Column other) {
        return fn("endswith", other);
    }

    /** Whether the string value contains {@code other}. */
    public Column contains(Object other) {
        return fn("contains", other);
    }

    /** {@code this & other} on integral values. */
    public Column bitwiseAND(Object other) {
        return fn("&", other);
    }

    /** {@code this | other} on integral values. */
    public Column bitwiseOR(Object other) {
        return fn("|", other);
    }

    /** {@code this ^ other} on integral values. */
    public Column bitwiseXOR(Object other) {
        return fn("^", other);
    }

    /**
     * The substring from the 1-based {@code startPos} (negative: counted from the end), of at most
     * {@code len} characters.
     */
    public Column substr(int startPos, int len) {
        return fn("substr", startPos, len);
    }

    /** The substring from {@code startPos} of at most {@code len} characters, both columns. */
    public Column substr(Column startPos, Column len) {
        return fn("substr", startPos, len);
    }

    /** Whether the value is null. */
    public Column isNull() {
        return new Column(new NullCheck(expr, false));
    }

    /** Whether the value is not null. */
    public Column isNotNull() {
        return new Column(new NullCheck(expr, true));
    }

    /**
     * This column of the outer Dataset, read inside the Dataset that {@code Dataset.lateralJoin}
     * joins to it ({@code right.where(col("r.k").equalTo(col("l.k").outer()))}), as Spark's.
     */
    public Column outer() {
        return new Column(new io.tideway.engine.expr.OuterReference(expr));
    }

    /**
     * This column under the name {@code alias} (replacing an earlier alias), the result's column
     * name.
     */
    public Column as(String alias) {
        // a renamed alias keeps metadata given with it (withColumn(name, c.as(name, metadata)))
        return new Column(expr instanceof Alias a ? new Alias(a.child(), alias, a.explicitMetadata()) : new Alias(expr, alias));
    }

    /**
     * Prints this column's expression as {@link #toString()} does, as Spark's {@code explain(false)};
     * {@code extended} prints the same (Spark prints its internal expression tree, with object hashes).
     */
    public void explain(boolean extended) {
        System.out.println(toString());
    }

    /** As {@link #as(String)}, the column carrying {@code metadata} (in place of its own), as Spark's {@code as(alias, metadata)}. */
    public Column as(String alias, io.tideway.sql.types.Metadata metadata) {
        return new Column(new Alias(expr instanceof Alias a ? a.child() : expr, alias, metadata));
    }

    /** Names each column of a generator ({@code posexplode(a).as(new String[] {"p", "v"})}); one name is {@link #as(String)}. */
    public Column as(String[] aliases) {
        Expression child = expr instanceof Alias a ? a.child() : expr;
        return aliases.length == 1 ? as(aliases[0]) : new Column(new io.tideway.engine.expr.MultiAlias(child, java.util.List.of(aliases)));
    }

    /** As {@link #as(String[])}, Spark's Scala {@code Seq} form. */
    public Column as(scala.collection.immutable.Seq<String> aliases) {
        return as(scala.jdk.javaapi.CollectionConverters.asJava(aliases).toArray(new String[0]));
    }

    /** As {@link #as(String)}. */
    public Column alias(String alias) {
        return as(alias);
    }

    /** As {@link #as(String)}. */
    public Column name(String alias) {
        return as(alias);
    }

    /** This column read as objects of {@code encoder}'s type, for {@code Dataset.select} and {@code KeyValueGroupedDataset.agg}. */
    public <U> TypedColumn<Object, U> as(Encoder<U> encoder) {
        return new TypedColumn<>(expr, encoder);
    }

    /**
     * The value converted to type {@code to}, with Spark's cast rules; under ANSI mode (the
     * default) a value that cannot be converted fails with Spark's {@code [CAST_INVALID_INPUT]} or
     * {@code [CAST_OVERFLOW]}, otherwise it becomes null.
     */
    public Column cast(DataType to) {
        return new Column(new Cast(expr, to));
    }

    /** {@code cast("bigint")}, {@code cast("string")}: the type by its SQL name. */
    public Column cast(String to) {
        return cast(SqlExpressionParser.parseDataType(to));
    }

    /** {@code try_cast(x AS T)}: the cast, or null where the value cannot be cast (Spark's {@code Column.try_cast}). */
    public Column try_cast(DataType to) {
        return new Column(io.tideway.engine.expr.Cast.tryCast(expr, to));
    }

    /** {@link #try_cast(DataType)} to the type by its SQL name. */
    public Column try_cast(String to) {
        return try_cast(SqlExpressionParser.parseDataType(to));
    }

    /**
     * An element of an array column by its 0-based index, or the value of a map column for a key,
     * as Spark's {@code getItem}: {@code arr[0]}, {@code m[k]}.
     */
    public Column getItem(Object key) {
        Expression k = key instanceof Column c ? c.expr() : io.tideway.engine.expr.Literal.of(key);
        return new Column(io.tideway.engine.expr.fn.FunctionRegistry.callLater("[]", expr, k));
    }

    /** {@link #getItem}, as Spark's {@code Column.apply}. */
    public Column apply(Object extraction) {
        return getItem(extraction);
    }

    /** A field of a struct column, e.g. {@code col("window").getField("start")}. */
    public Column getField(String fieldName) {
        return new Column(new io.tideway.engine.expr.UnresolvedExtractField(expr, fieldName));
    }

    /** The struct with field {@code fieldName} (a dotted path for a nested struct) replaced or added. */
    public Column withField(String fieldName, Column col) {
        return new Column(io.tideway.engine.expr.UpdateFields.withField(expr, fieldName, col.expr()));
    }

    /**
     * The struct without the fields named (each a dotted path for a nested struct, matched
     * case-insensitively), Spark's Scala {@code Seq} form, the one a Spark Java program calls.
     */
    public Column dropFields(scala.collection.immutable.Seq<String> fieldNames) {
        return dropFields(scala.jdk.javaapi.CollectionConverters.asJava(fieldNames).toArray(new String[0]));
    }

    /** As {@link #dropFields(scala.collection.immutable.Seq)}, with the names as Java arguments. */
    public Column dropFields(String... fieldNames) {
        io.tideway.engine.expr.Expression e = expr;
        for (String name : fieldNames) {
            e = io.tideway.engine.expr.UpdateFields.dropField(e, name);
        }
        return new Column(e);
    }

    Column not() {
        return new Column(new Not(expr));
    }

    /**
     * This window function or aggregate computed over {@code window} ({@code row_number().over(w)},
     * {@code sum("v").over(w)}); only a projection may hold it, and not on a stream.
     */
    public Column over(io.tideway.sql.expressions.WindowSpec window) {
        return new Column(new io.tideway.engine.expr.window.WindowExpression(expr, window.definition()));
    }

    /** This function over the whole Dataset as one partition: {@code over(Window.partitionBy())}. */
    public Column over() {
        return new Column(new io.tideway.engine.expr.window.WindowExpression(expr,
                io.tideway.engine.expr.window.WindowSpecDefinition.EMPTY));
    }

    /** As Spark 4 prints a column: the text it was parsed from, else its tree in prefix form ({@code +(a, 1)}). */
    @Override
    public String toString() {
        return text != null ? text : ColumnText.of(expr);
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

    /** Ascending order, nulls first, for {@code orderBy}/{@code sort}. */
    public Column asc_nulls_first() {
        return new Column(new SortOrder(expr, false, true));
    }

    /** Ascending order, nulls last, for {@code orderBy}/{@code sort}. */
    public Column asc_nulls_last() {
        return new Column(new SortOrder(expr, false, false));
    }

    /** Descending, nulls last (Spark's default), for {@code orderBy}/{@code sort}. */
    public Column desc() {
        return new Column(new SortOrder(expr, true, false));
    }

    /** Descending order, nulls first, for {@code orderBy}/{@code sort}. */
    public Column desc_nulls_first() {
        return new Column(new SortOrder(expr, true, true));
    }

    /** Descending order, nulls last, for {@code orderBy}/{@code sort}. */
    public Column desc_nulls_last() {
        return new Column(new SortOrder(expr, true, false));
    }
}
