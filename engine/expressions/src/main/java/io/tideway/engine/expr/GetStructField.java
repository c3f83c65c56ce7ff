package io.tideway.engine.expr;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.util.List;
import java.util.Map;

/**
 * {@code struct.field} (Spark's {@code GetStructField}), e.g. {@code window.start}. Its column
 * name is Spark's: the field's name for a dotted column ({@code col("p.x")}, which Spark's
 * analyzer aliases), the expression's text for {@code col("p").getField("x")} ({@code p.x}).
 */
public final class GetStructField extends Expression {
    private static final long serialVersionUID = 1L;
    private final Expression child;
    private final int ordinal;
    private final String name;
    private final boolean namedByField;

    public GetStructField(Expression child, int ordinal, String name) {
        this(child, ordinal, name, true);
    }

    private GetStructField(Expression child, int ordinal, String name, boolean namedByField) {
        this.child = child;
        this.ordinal = ordinal;
        this.name = name;
        this.namedByField = namedByField;
    }

    /** {@code col("p").getField(name)}: named by its text, {@code p.x}, as Spark names it. */
    public static GetStructField extract(Expression child, String name) {
        GetStructField f = byName(child, name, null); // Spark reports these without a position
        return new GetStructField(child, f.ordinal, f.name, false);
    }

    /** Resolves {@code name} among the fields of {@code child}'s struct type; errors at the current origin. */
    public static GetStructField byName(Expression child, String name) {
        return byName(child, name, CurrentOrigin.get());
    }

    private static GetStructField byName(Expression child, String name, Origin origin) {
        if (!(child.dataType() instanceof StructType st)) {
            throw Unchecked.raise(new AnalysisException("INVALID_EXTRACT_BASE_FIELD_TYPE",
                    Map.of("base", ErrorParams.expr(child.sql()), "other", ErrorParams.type(child.dataType())), origin));
        }
        int i = st.indexOf(name);
        if (i < 0) {
            throw Unchecked.raise(new AnalysisException("FIELD_NOT_FOUND",
                    Map.of("fieldName", ErrorParams.id(name), "fields", ErrorParams.ids(st.fieldNames())), origin));
        }
        return new GetStructField(child, i, name); // named as spelled, as Spark aliases p.X
    }

    public Expression child() {
        return child;
    }

    public int ordinal() {
        return ordinal;
    }

    /** Whether it came from a dotted column name, which Spark aliases to the field's name. */
    public boolean namedByField() {
        return namedByField;
    }

    /** The field's name. */
    public String fieldName() {
        return name;
    }

    /** The column name a projection of this expression gets. */
    public String name() {
        return namedByField ? name : sql();
    }

    private StructField field() {
        return ((StructType) child.dataType()).apply(ordinal);
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new GetStructField(c.get(0), ordinal, name, namedByField);
    }

    @Override
    public String sql() {
        return child.sql() + "." + name;
    }

    @Override
    public DataType dataType() {
        return field().dataType();
    }

    @Override
    public boolean nullable() {
        return child.nullable() || field().nullable();
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        return io.tideway.engine.expr.codegen.NodeEvaluators.compile(this, context);
    }

    /**
     * Sets {@code v} to field {@code ordinal} of the struct the generated {@link RowReader} field
     * {@code reader} wraps, or null: the value read in place.
     */
    public static void readField(CodegenContext ctx, String reader, int ordinal, CodeValue v) {
        String r = reader;
        ctx.line(v.isNull() + " = " + r + ".isNullAt(" + ordinal + ");");
        ctx.open("if (!" + v.isNull() + ")");
        DataType t = v.type();
        switch (v.kind()) {
            case DOUBLE -> ctx.line(v.value() + " = " + r + ".getDouble(" + ordinal + ");");
            case LONG -> ctx.line(v.value() + " = " + (t == DataTypes.IntegerType || t == DataTypes.DateType
                    ? r + ".getInt(" + ordinal + ")" : t == DataTypes.BooleanType
                    ? "(" + r + ".getBoolean(" + ordinal + ") ? 1L : 0L)" : r + ".getLong(" + ordinal + ")") + ";");
            case BYTES -> ctx.line(v.value() + " = " + r + ".buffer(); " + v.offset() + " = " + r + ".varOffset(" + ordinal
                    + "); " + v.length() + " = " + r + ".varLength(" + ordinal + ");");
            case DECIMAL -> ctx.line(v.value() + " = " + r + ".getDecimal(" + ordinal + ", "
                    + ((io.tideway.sql.types.DecimalType) t).precision() + ", " + ((io.tideway.sql.types.DecimalType) t).scale()
                    + ");");
        }
        ctx.close();
    }

    /** Reads the field in place from the struct's bytes: no copy, no allocation. */
    @Override
    public CodeValue genCode(CodegenContext ctx) {
        StructType st = (StructType) child.dataType();
        CodeValue s = ctx.gen(child);
        CodeValue v = ctx.declare(dataType());
        String r = ctx.constant(new RowReader(st.length()), RowReader.class.getName());
        ctx.open("if (!" + s.isNull() + ")");
        ctx.line(r + ".wrap(" + CodegenContext.args(s) + ");");
        readField(ctx, r, ordinal, v);
        ctx.close();
        return v;
    }
}
