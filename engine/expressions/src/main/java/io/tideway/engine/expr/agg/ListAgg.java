package io.tideway.engine.expr.agg;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.CurrentOrigin;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Foldable;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.SortOrder;
import io.tideway.engine.expr.TypeCoercion;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code listagg(x[, delimiter]) [WITHIN GROUP (ORDER BY ...)]} and its alias {@code string_agg}:
 * Spark 4.0's {@code ListAgg}, the non-null strings (or binaries) joined by a foldable delimiter of
 * the same type (NULL or none: nothing between them), in arrival order or sorted by the
 * {@code WITHIN GROUP} keys; with {@code DISTINCT} each value once, and then the keys must be the
 * value itself. Another type is cast to a string; no values give null.
 *
 * <p>Held as one entry per kept row: the value, then each key (a 4-byte length, -1 for null, and
 * the key's {@link ValueCodec} bytes).
 */
public final class ListAgg extends HeldAggregate {
    private static final long serialVersionUID = 1L;
    private static final int NULL_KEY = -1;
    private final String name;
    private final Expression delimiter;
    private final List<SortOrder> order;
    private final boolean distinct;
    /** {@link #inputs()} once resolved, read per row. */
    private transient List<Expression> inputs;

    public ListAgg(String name, Expression child, Expression delimiter) {
        this(name, child, delimiter, List.of(), false);
    }

    private ListAgg(String name, Expression child, Expression delimiter, List<SortOrder> order, boolean distinct) {
        super(child);
        this.name = name;
        this.delimiter = delimiter;
        this.order = List.copyOf(order);
        this.distinct = distinct;
    }

    /** {@code listagg(DISTINCT ...)}. */
    public ListAgg distinct() {
        return new ListAgg(name, child, delimiter, order, true);
    }

    /** Whether this is {@code listagg(DISTINCT ...)}, which Spark refuses on streams as every distinct aggregate. */
    public boolean isDistinct() {
        return distinct;
    }

    /**
     * {@code f WITHIN GROUP (ORDER BY order)} written in SQL: a listagg sorted by the keys; any other
     * function is Spark's {@code INVALID_SQL_SYNTAX.FUNCTION_WITH_UNSUPPORTED_SYNTAX}.
     */
    public static Expression withinGroup(Expression f, String writtenName, List<SortOrder> order) {
        if (!(f instanceof ListAgg l)) {
            throw Unchecked.raise(new AnalysisException("INVALID_SQL_SYNTAX.FUNCTION_WITH_UNSUPPORTED_SYNTAX", Map.of(
                    "prettyName", ErrorParams.id(writtenName), "syntax", "WITHIN GROUP (ORDER BY ...)"), CurrentOrigin.get()));
        }
        if (l.distinct && (order.size() != 1 || !order.get(0).child().sql().equals(l.child.sql()))) {
            String keys = order.size() == 1 ? ErrorParams.expr(order.get(0).child().sql()) : ErrorParams.expr(order.toString());
            throw Unchecked.raise(new AnalysisException("INVALID_WITHIN_GROUP_EXPRESSION.MISMATCH_WITH_DISTINCT_INPUT", Map.of(
                    "funcName", ErrorParams.id(l.name), "funcArg", ErrorParams.expr(l.child.sql()), "orderingExpr", keys)));
        }
        return new ListAgg("listagg", l.child, l.delimiter, order, l.distinct); // Spark's copy names it listagg
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        List<SortOrder> keys = new ArrayList<>();
        for (Expression e : c.subList(2, c.size())) {
            keys.add((SortOrder) e);
        }
        return new ListAgg(name, c.get(0), c.get(1), keys, distinct);
    }

    @Override
    public List<Expression> children() {
        List<Expression> c = new ArrayList<>();
        c.add(child);
        c.add(delimiter);
        c.addAll(order);
        return c;
    }

    /** The value as a string or binary, then each ordering key. */
    @Override
    public List<Expression> inputs() {
        List<Expression> cached = inputs;
        if (cached == null) {
            List<Expression> in = new ArrayList<>();
            in.add(asText(child));
            for (SortOrder o : order) {
                in.add(o.child());
            }
            cached = List.copyOf(in);
            inputs = cached;
        }
        return cached;
    }

    /** Spark's implicit cast to {@code (STRING or BINARY)}: anything but a binary becomes a string. */
    private static Expression asText(Expression e) {
        DataType t = e.dataType();
        return t == DataTypes.BinaryType || t == DataTypes.StringType ? e : TypeCoercion.castIfNeeded(e, DataTypes.StringType);
    }

    private Expression delimiterInput() {
        return delimiter.dataType() == DataTypes.NullType ? delimiter : asText(delimiter);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String sql() {
        StringBuilder b = new StringBuilder(name).append('(').append(distinct ? "DISTINCT " : "")
                .append(child.sql()).append(", ").append(delimiter.sql()).append(')');
        if (!order.isEmpty()) {
            b.append(" WITHIN GROUP (ORDER BY ");
            for (int i = 0; i < order.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(order.get(i).sql());
            }
            b.append(')');
        }
        return b.toString();
    }

    @Override
    public DataType dataType() {
        DataType t = child.dataType();
        if (t instanceof io.tideway.sql.types.ArrayType || t instanceof io.tideway.sql.types.MapType
                || t instanceof io.tideway.sql.types.StructType) {
            throw InputTypes.mismatch(this, child, 0, "(\"STRING\" or \"BINARY\")");
        }
        DataType result = asText(child).dataType();
        Expression d = delimiterInput();
        if (!Foldable.of(delimiter)) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", Map.of("sqlExpr",
                    ErrorParams.expr(sql()), "inputName", "`delimiter`", "inputType", ErrorParams.type(d.dataType()),
                    "inputExpr", ErrorParams.expr(delimiter.sql())), sqlOrigin()));
        }
        if (d.dataType() != DataTypes.NullType && !d.dataType().equals(result)) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.DATA_DIFF_TYPES", Map.of("sqlExpr",
                    ErrorParams.expr(sql()), "functionName", ErrorParams.id(name), "dataType",
                    "(" + ErrorParams.type(result) + " or " + ErrorParams.type(d.dataType()) + ")"), sqlOrigin()));
        }
        return result;
    }


    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public int updateHeld(DirectBuffer held, int heldAt, int heldLength, Evaluator[] in, ExpandableArrayBuffer out) {
        if (in[0].isNull) {
            return UNCHANGED;
        }
        int n = Math.max(0, heldLength);
        int at = n;
        List<Expression> inputs = inputs();
        for (int i = 0; i < in.length; i++) {
            if (in[i].isNull) {
                out.putInt(at, NULL_KEY);
                at += HeldList.LENGTH_BYTES;
            } else {
                int len = ValueCodec.encode(in[i], inputs.get(i).dataType(), out, at + HeldList.LENGTH_BYTES);
                out.putInt(at, len);
                at += HeldList.LENGTH_BYTES + len;
            }
        }
        if (distinct && holds(held, heldAt, n, out, n)) {
            return UNCHANGED;
        }
        if (n > 0) {
            out.putBytes(0, held, heldAt, n);
        }
        return at;
    }

    @Override
    public int mergeHeld(DirectBuffer held, int heldAt, int heldLength, DirectBuffer other, int otherAt, int otherLength,
                         ExpandableArrayBuffer out) {
        if (otherLength <= 0) {
            return UNCHANGED;
        }
        int n = Math.max(0, heldLength);
        if (n > 0) {
            out.putBytes(0, held, heldAt, n);
        }
        for (int p = otherAt, end = otherAt + otherLength; p < end; ) {
            int next = entryEnd(other, p);
            if (!distinct || !holds(out, 0, n, other, p)) {
                out.putBytes(n, other, p, next - p);
                n += next - p;
            }
            p = next;
        }
        return n;
    }

    /** Where the entry at {@code p} ends. */
    private int entryEnd(DirectBuffer b, int p) {
        for (int i = 0; i <= order.size(); i++) {
            p += HeldList.LENGTH_BYTES + Math.max(0, b.getInt(p));
        }
        return p;
    }

    /** Whether the entries in {@code [at, at + length)} hold the value of the entry at {@code e}. */
    private boolean holds(DirectBuffer b, int at, int length, DirectBuffer e, int p) {
        int len = e.getInt(p);
        for (int q = at, end = at + length; q < end; q = entryEnd(b, q)) {
            if (b.getInt(q) == len && io.tideway.engine.expr.Bytes.compare(b, q + HeldList.LENGTH_BYTES, len,
                    e, p + HeldList.LENGTH_BYTES, len) == 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void writeHeld(DirectBuffer held, int heldAt, int heldLength, RowWriter out, int field) {
        List<Integer> entries = new ArrayList<>();
        for (int p = heldAt, end = heldAt + Math.max(0, heldLength); p < end; p = entryEnd(held, p)) {
            entries.add(p);
        }
        if (entries.isEmpty()) {
            out.setNull(field);
            return;
        }
        if (!order.isEmpty()) {
            entries.sort((a, b) -> compareKeys(held, a, b)); // List.sort is stable, as Spark's sorted
        }
        byte[] separator = delimiterBytes();
        ExpandableArrayBuffer joined = new ExpandableArrayBuffer(64);
        int n = 0;
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                joined.putBytes(n, separator);
                n += separator.length;
            }
            int p = entries.get(i);
            int len = held.getInt(p);
            joined.putBytes(n, held, p + HeldList.LENGTH_BYTES, len);
            n += len;
        }
        out.putBytes(field, joined, 0, n);
    }

    private int compareKeys(DirectBuffer b, int p, int q) {
        List<Expression> inputs = inputs();
        p += HeldList.LENGTH_BYTES + b.getInt(p);
        q += HeldList.LENGTH_BYTES + b.getInt(q);
        for (int i = 0; i < order.size(); i++) {
            SortOrder o = order.get(i);
            int pl = b.getInt(p);
            int ql = b.getInt(q);
            int c;
            if (pl == NULL_KEY || ql == NULL_KEY) {
                c = pl == ql ? 0 : (pl == NULL_KEY) == o.nullsFirst() ? -1 : 1;
            } else {
                c = ValueCodec.compare(b, p + HeldList.LENGTH_BYTES, pl, b, q + HeldList.LENGTH_BYTES, ql,
                        inputs.get(i + 1).dataType());
                c = o.descending() ? -c : c;
            }
            if (c != 0) {
                return c;
            }
            p += HeldList.LENGTH_BYTES + Math.max(0, pl);
            q += HeldList.LENGTH_BYTES + Math.max(0, ql);
        }
        return 0;
    }

    /** The delimiter's bytes; none for NULL. */
    private byte[] delimiterBytes() {
        Evaluator e = delimiterInput().evaluator(new EvalContext(true));
        e.eval(null);
        if (e.isNull) {
            return new byte[0];
        }
        byte[] bytes = new byte[e.len];
        e.buf.getBytes(e.off, bytes);
        return bytes;
    }
}
