package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.GetStructField;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.UnresolvedAttribute;
import io.tideway.engine.expr.UnresolvedExtractField;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.tideway.engine.expr.fn.InputType.ANY;

/**
 * Structs as values: {@code named_struct(name, value, ...)} and {@code struct(value, ...)}, which
 * Spark turns into a {@code named_struct} naming each field after its value (a column's name, an
 * alias, else {@code col1}, {@code col2}, ...) but prints as {@code struct(values)}. The value is
 * a nested row in the row format, written through a {@link io.tideway.offheap.row.RowWriter} into
 * the call site's {@link io.tideway.engine.expr.CollectionOut}. Registered once, immutable after.
 */
final class StructFunctions {
    /** The internal name of a {@code struct(...)} call: named_struct's arguments, struct's column name. */
    private static final String STRUCT = "__struct";

    private StructFunctions() {
    }

    static void register() {
        FunctionRegistry.add("named_struct", 0, -1, (name, args) -> {
            if (args.size() % 2 != 0) {
                throw FunctionRegistry.wrongArgCountUnpositioned("named_struct", "2n (n > 0)", args.size());
            }
            return new ScalarFunction(FunctionRegistry.spec(STRUCT), "named_struct", args);
        });
        FunctionRegistry.add("struct", 0, -1, (name, args) -> FunctionRegistry.call(STRUCT, namesAndValues(args)));
        // SQL's row value (a, b): named as struct names its fields, printed as named_struct
        FunctionRegistry.add("__row", 1, -1, (name, args) -> new ScalarFunction(FunctionRegistry.spec(STRUCT), "named_struct",
                namesAndValues(args)));
        FunctionRegistry.add(FunctionSpec.named(STRUCT).repeated(ANY)
                .coercion(StructFunctions::checkNames)
                .returnsFromArgs(StructFunctions::type)
                .nullable(call -> false)
                .sql(StructFunctions::sql)
                .customCode((ctx, call) -> {
                    List<Expression> args = call.children();
                    int n = args.size() / 2;
                    CodeValue[] values = new CodeValue[n];
                    for (int i = 0; i < n; i++) {
                        values[i] = ctx.gen(args.get(2 * i + 1));
                    }
                    CodeValue v = ctx.declare(call.dataType());
                    String out = CollectionCode.out(ctx);
                    String w = ctx.fresh("w");
                    ctx.line("io.tideway.offheap.row.RowWriter " + w + " = " + out + ".struct(" + n + ");");
                    for (int i = 0; i < n; i++) {
                        StructValues.put(ctx, w, i, values[i]);
                    }
                    ctx.line(v.isNull() + " = false; " + v.value() + " = " + out + ".buffer(); " + v.offset() + " = 0; "
                            + v.length() + " = " + w + ".finish();");
                    return v;
                }));
    }

    /** {@code struct}'s arguments as named_struct's: each value after the name Spark gives its field. */
    private static List<Expression> namesAndValues(List<Expression> values) {
        List<Expression> args = new ArrayList<>(values.size() * 2);
        for (int i = 0; i < values.size(); i++) {
            args.add(Literal.of(fieldName(values.get(i), i)));
            args.add(values.get(i));
        }
        return args;
    }

    /** Spark's {@code CreateStruct.create}: a column's last name part, an alias, a field's name, else {@code col<n>}. */
    static String fieldName(Expression e, int i) {
        if (e instanceof UnresolvedAttribute a && !a.isStar()) {
            String n = a.name();
            return n.substring(n.lastIndexOf('.') + 1);
        }
        if (e instanceof Alias a) {
            return a.name();
        }
        if (e instanceof UnresolvedExtractField x) {
            return x.field();
        }
        if (e instanceof GetStructField g) {
            return g.fieldName();
        }
        if (e instanceof io.tideway.engine.expr.BoundReference r) {
            return r.name();
        }
        return "col" + (i + 1);
    }

    private static List<Expression> checkNames(ScalarFunction call) {
        List<Expression> args = call.children();
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < args.size(); i += 2) {
            if (!(args.get(i) instanceof Literal l && l.dataType() == DataTypes.StringType && l.value() != null)) {
                bad.add(ErrorParams.expr(args.get(i).sql()));
            }
        }
        if (!bad.isEmpty()) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.CREATE_NAMED_STRUCT_WITHOUT_FOLDABLE_STRING",
                    Map.of("sqlExpr", ErrorParams.expr(call.sql()), "inputExprs", "[" + String.join(", ", bad) + "]"),
                    call.sqlOrigin()));
        }
        return args;
    }

    private static StructType type(List<Expression> args) {
        StructType st = new StructType();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            Object name = args.get(i) instanceof Literal l ? l.value() : null;
            Expression value = args.get(i + 1);
            st = st.add(String.valueOf(name), value.dataType(), value.nullable());
        }
        return st;
    }

    /** {@code struct(i, s)} for a struct call, {@code named_struct(a, i, b, s)} for the others, as Spark prints them. */
    private static String sql(ScalarFunction call) {
        if (!call.name().equals(STRUCT)) {
            return "named_struct(" + ConditionalFunctions.args(call.children()) + ")";
        }
        List<String> values = new ArrayList<>();
        for (int i = 1; i < call.children().size(); i += 2) {
            Expression v = call.children().get(i);
            values.add(v instanceof Alias a ? a.child().sql() + " AS " + quoteIfNeeded(a.name()) : v.sql());
        }
        return "struct(" + String.join(", ", values) + ")";
    }

    /** Spark's {@code QuotingUtils.quoteIfNeeded}: a name of word characters (not all digits) as is, else backticked. */
    private static String quoteIfNeeded(String name) {
        boolean plain = !name.isEmpty() && name.chars().allMatch(ch -> Character.isLetterOrDigit(ch) && ch < 128 || ch == '_')
                && !name.chars().allMatch(Character::isDigit);
        return plain ? name : "`" + name.replace("`", "``") + "`";
    }
}
