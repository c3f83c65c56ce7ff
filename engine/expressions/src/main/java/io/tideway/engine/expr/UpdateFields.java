package io.tideway.engine.expr;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.engine.expr.codegen.NodeEvaluators;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code Column.withField(name, value)} and {@code Column.dropFields(names...)}, Spark's
 * {@code UpdateFields}: the struct with field {@code name} replaced (matched case-insensitively)
 * or appended, or with every field of that name dropped (none is no error; dropping them all is
 * Spark's {@code CANNOT_DROP_ALL_FIELDS}). Consecutive calls on one struct are one node, as Spark
 * merges them ({@code update_fields(p, WithField(1), dropfield())}); a dotted name updates a
 * nested struct through a nested node. A null struct gives null. The value
 * is written as a new nested row: fields copied from the input as their slots or bytes, new
 * values written from their code. Immutable.
 */
public final class UpdateFields extends Expression implements Coercible {
    private static final long serialVersionUID = 1L;
    /** The struct, then one value per name: the new value, or a {@link DropField} for a drop. */
    private final List<Expression> children;
    private final List<String> names;
    /** Each call's field path and value as the user gave them, for {@code Column.toString}. */
    private final List<String> paths;
    private final List<Expression> given;

    private UpdateFields(List<Expression> children, List<String> names, List<String> paths, List<Expression> given) {
        this.children = List.copyOf(children);
        this.names = List.copyOf(names);
        this.paths = List.copyOf(paths);
        this.given = List.copyOf(given);
    }

    /** {@code struct.withField(path, value)}; {@code path} may name a nested field ({@code a.b}). */
    public static UpdateFields withField(Expression struct, String path, Expression value) {
        return update(struct, path, value, value);
    }

    /** {@code struct.dropFields(path)}; {@code path} may name a nested field ({@code a.b}), whose struct is updated. */
    public static UpdateFields dropField(Expression struct, String path) {
        DropField drop = new DropField();
        return update(struct, path, drop, drop);
    }

    /** One operation at {@code path}: {@code op} on the last name, through nested updates for the names before it; {@code given} for printing. */
    private static UpdateFields update(Expression struct, String path, Expression op, Expression given) {
        int dot = path.indexOf('.');
        String name = dot < 0 ? path : path.substring(0, dot);
        Expression v = dot < 0 ? op : update(new UnresolvedExtractField(struct, name), path.substring(dot + 1), op, given);
        if (struct instanceof UpdateFields u) {
            List<Expression> c = new ArrayList<>(u.children);
            c.add(v);
            List<String> n = new ArrayList<>(u.names);
            n.add(name);
            List<String> p = new ArrayList<>(u.paths);
            p.add(path);
            List<Expression> g = new ArrayList<>(u.given);
            g.add(given);
            if (!c.stream().anyMatch(DropField.class::isInstance)) {
                lastValuePerName(c, n);
            }
            return new UpdateFields(c, n, p, g);
        }
        return new UpdateFields(List.of(struct, v), List.of(name), List.of(path), List.of(given));
    }

    /**
     * Spark's {@code OptimizeUpdateFields} on updates only: a name set twice keeps its first
     * position, its last value and the last spelling (names compared case-insensitively).
     */
    private static void lastValuePerName(List<Expression> children, List<String> names) {
        for (int k = 1; k < names.size(); k++) {
            for (int first = 0; first < k; first++) {
                if (names.get(first).equalsIgnoreCase(names.get(k))) {
                    children.set(first + 1, children.remove(k + 1));
                    names.set(first, names.remove(k));
                    k--; // the next name now sits at k
                    break;
                }
            }
        }
    }

    private Expression struct() {
        return children.get(0);
    }

    @Override
    public List<Expression> children() {
        return children;
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new UpdateFields(c, names, paths, given);
    }

    @Override
    public String sql() {
        StringBuilder sb = new StringBuilder("update_fields(").append(struct().sql());
        for (int i = 1; i < children.size(); i++) {
            Expression op = children.get(i);
            sb.append(", ").append(op instanceof DropField ? op.sql() : "WithField(" + op.sql() + ")");
        }
        return sb.append(')').toString();
    }

    /** As {@code Column.toString} prints it: {@code update_field(p, x, 1)} or {@code drop_field(p, x)}, one call per field. */
    public String columnText(java.util.function.Function<Expression, String> text) {
        String s = text.apply(struct());
        for (int i = 1; i <= paths.size(); i++) {
            Expression g = given.get(i - 1);
            s = g instanceof DropField ? "drop_field(" + s + ", " + paths.get(i - 1) + ")"
                    : "update_field(" + s + ", " + paths.get(i - 1) + ", " + text.apply(g) + ")";
        }
        return s;
    }

    @Override
    public Expression coerceTypes() {
        if (!(struct().dataType() instanceof StructType)) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", Map.of("sqlExpr",
                    ErrorParams.expr(sql()), "paramIndex", ErrorParams.ordinal(0), "requiredType", "\"STRUCT\"",
                    "inputSql", ErrorParams.expr(struct().sql()), "inputType", ErrorParams.type(struct().dataType()))));
        }
        if (sources().length == 0) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.CANNOT_DROP_ALL_FIELDS",
                    Map.of("sqlExpr", ErrorParams.expr(sql()))));
        }
        return this;
    }

    /** Where each output field comes from: an input ordinal (>= 0), or {@code -1 - k} for the k-th new value. */
    private int[] sources() {
        StructType in = (StructType) struct().dataType();
        List<String> out = new ArrayList<>(List.of(in.fieldNames()));
        List<Integer> from = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            from.add(i);
        }
        for (int k = 0; k < names.size(); k++) {
            if (children.get(k + 1) instanceof DropField) {
                for (int i = out.size() - 1; i >= 0; i--) {
                    if (out.get(i).equalsIgnoreCase(names.get(k))) {
                        out.remove(i);
                        from.remove(i);
                    }
                }
                continue;
            }
            int at = -1;
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).equalsIgnoreCase(names.get(k))) {
                    at = i;
                }
            }
            if (at >= 0) {
                from.set(at, -1 - k);
            } else {
                out.add(names.get(k));
                from.add(-1 - k);
            }
        }
        return from.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public DataType dataType() {
        StructType in = (StructType) struct().dataType();
        int[] from = sources();
        StructField[] fields = new StructField[from.length];
        for (int i = 0; i < from.length; i++) {
            if (from[i] >= 0) {
                fields[i] = in.apply(from[i]);
            } else {
                Expression v = children.get(-from[i]);
                fields[i] = new StructField(names.get(-1 - from[i]), v.dataType(), v.nullable());
            }
        }
        return new StructType(fields);
    }

    @Override
    public boolean nullable() {
        return struct().nullable();
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        return NodeEvaluators.compile(this, context);
    }

    @Override
    public CodeValue genCode(CodegenContext ctx) {
        StructType in = (StructType) struct().dataType();
        int[] from = sources();
        CodeValue s = ctx.gen(struct());
        CodeValue v = ctx.declare(dataType());
        ctx.open("if (!" + s.isNull() + ")");
        CodeValue[] values = new CodeValue[children.size()];
        for (int k = 1; k < children.size(); k++) {
            if (!(children.get(k) instanceof DropField)) {
                values[k] = ctx.gen(children.get(k));
            }
        }
        String r = ctx.constant(new RowReader(in.length()), RowReader.class.getName());
        String out = ctx.constant(new CollectionOut(), CollectionOut.class.getName());
        String w = ctx.fresh("w");
        ctx.line(r + ".wrap(" + CodegenContext.args(s) + ");");
        ctx.line("io.tideway.offheap.row.RowWriter " + w + " = " + out + ".struct(" + from.length + ");");
        for (int i = 0; i < from.length; i++) {
            if (from[i] < 0) {
                io.tideway.engine.expr.fn.StructValues.put(ctx, w, i, values[-from[i]]);
                continue;
            }
            int f = from[i];
            String copy = in.apply(f).dataType().isFixedWidth() // a slot as it is, else the bytes
                    ? w + ".putLong(" + i + ", " + r + ".getLong(" + f + "));"
                    : w + ".putBytes(" + i + ", " + r + ".buffer(), " + r + ".varOffset(" + f + "), " + r + ".varLength(" + f + "));";
            ctx.line("if (" + r + ".isNullAt(" + f + ")) { " + w + ".setNull(" + i + "); } else { " + copy + " }");
        }
        ctx.line(v.isNull() + " = false; " + v.value() + " = " + out + ".buffer(); " + v.offset() + " = 0; " + v.length()
                + " = " + w + ".finish();");
        ctx.close();
        return v;
    }

    /** Spark's {@code DropField}: a drop among the operations, a leaf that is never evaluated. */
    static final class DropField extends Expression {
        private static final long serialVersionUID = 1L;

        @Override
        public List<Expression> children() {
            return List.of();
        }

        @Override
        public Expression withChildren(List<Expression> c) {
            return this;
        }

        @Override
        public String sql() {
            return "dropfield()";
        }

        @Override
        public DataType dataType() {
            return io.tideway.sql.types.DataTypes.NullType;
        }

        @Override
        public Evaluator evaluator(EvalContext context) {
            throw new IllegalStateException("a DropField is an operation of UpdateFields, never evaluated");
        }
    }
}
