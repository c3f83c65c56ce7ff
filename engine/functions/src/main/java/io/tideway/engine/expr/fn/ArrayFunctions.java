package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.CommonType;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.TypeCoercion;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.MapType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.tideway.engine.expr.fn.CollectionCode.AK;
import static io.tideway.engine.expr.fn.InputType.ANY;
import static io.tideway.engine.expr.fn.InputType.INT;

/**
 * Spark's array functions ({@code collectionOperations.scala}, {@code complexTypeCreator.scala})
 * that build, index, order and shape arrays, and {@code split}; their code is in
 * {@link ArrayKernels} (the ones comparing elements are {@link ArraySetFunctions}). Arguments are
 * coerced as Spark's ANSI type coercion does ({@code array(1, 2L)} is an {@code array<bigint>}) and
 * refused with Spark's {@code DATATYPE_MISMATCH} conditions. Registered once, immutable after.
 */
final class ArrayFunctions {
    /** An array of any element type; a NULL becomes an {@code array<void>}. */
    static final InputType ARRAY = InputType.nullOnly("\"ARRAY\"", t -> t instanceof ArrayType,
            DataTypes.createArrayType(DataTypes.NullType));
    static final InputType ARRAY_OR_MAP = InputType.nullOnly("(\"ARRAY\" or \"MAP\")",
            t -> t instanceof ArrayType || t instanceof MapType, DataTypes.createArrayType(DataTypes.NullType));

    /** An array index: an INT; a TINYINT or SMALLINT widens to one, nothing else is cast (Spark refuses a string or NULL). */
    static final InputType INDEX = new InputType("\"INT\"", t -> t == DataTypes.IntegerType,
            from -> from == DataTypes.ByteType || from == DataTypes.ShortType ? DataTypes.IntegerType : null);

    /** The text of Spark's default {@code array_sort} comparator, which its column name shows. */
    private static final String DEFAULT_COMPARATOR = "lambdafunction((IF(((namedlambdavariable() IS NULL) AND (namedlambdavariable() IS NULL)), 0, (IF((namedlambdavariable() IS NULL), 1, (IF((namedlambdavariable() IS NULL), -1, (IF((namedlambdavariable() < namedlambdavariable()), -1, (IF((namedlambdavariable() > namedlambdavariable()), 1, 0)))))))))), namedlambdavariable(), namedlambdavariable())";

    /** The name of the subscript {@code arr[i]} / {@code map[key]}, which SQL cannot call by name. */
    static final String ITEM = "[]";

    private ArrayFunctions() {
    }

    static DataType element(DataType arrayType) {
        return ((ArrayType) arrayType).elementType();
    }

    /** Its array argument, typed as one that may hold nulls (the same bytes): Spark's type of array_append/prepend. */
    private static final FunctionSpec NULL_ELEMENTS = FunctionSpec.named("array_append").inputs(ARRAY)
            .returns(types -> DataTypes.createArrayType(element(types.get(0)), true))
            .customCode((ctx, call) -> {
                CodeValue a = ctx.gen(call.children().get(0));
                CodeValue v = ctx.declare(call.dataType());
                ctx.line(v.isNull() + " = " + a.isNull() + "; " + v.value() + " = " + a.value() + "; " + v.offset() + " = "
                        + a.offset() + "; " + v.length() + " = " + a.length() + ";");
                return v;
            }).check();

    /**
     * array_insert over (array, position, array(item)): the item travels as a one-element array so
     * one kernel copies any element type; both arrays take their common element type.
     */
    private static final FunctionSpec INSERT = FunctionSpec.named("array_insert").inputs(ARRAY, INT, ARRAY)
            .coercion(call -> {
                List<Expression> a = call.children();
                DataType common = commonArrayType(a.get(0).dataType(), a.get(2).dataType());
                if (common == null) {
                    throw call.unexpectedType(2, InputType.exact(element(a.get(0).dataType())),
                            element(a.get(2).dataType()));
                }
                List<Expression> out = new ArrayList<>(a);
                for (int i : new int[] {0, 2}) {
                    boolean nulls = !(a.get(i).dataType() instanceof ArrayType at) || at.containsNull();
                    out.set(i, TypeCoercion.castIfNeeded(a.get(i), DataTypes.createArrayType(element(common), nulls)));
                }
                out.set(1, StringFunctions.castTo(call, 1, a.get(1), INT));
                return out;
            })
            .returns(types -> DataTypes.createArrayType(element(types.get(0)), true))
            .code((ctx, call, out, a) -> {
                String o = CollectionCode.out(ctx);
                ctx.set(out, AK + "insert(" + CodegenContext.args(a[0]) + ", " + a[1].value() + ", "
                        + CodegenContext.args(a[2]) + ", " + CollectionCode.type(ctx, element(a[0].type())) + ", " + o + ")", o);
            }).check();

    private static Expression withNullElements(Expression e) {
        return new ScalarFunction(NULL_ELEMENTS, NULL_ELEMENTS.name(), List.of(e));
    }

    static boolean containsNull(DataType arrayType) {
        return ((ArrayType) arrayType).containsNull();
    }

    /**
     * shuffle(array[, seed]): a random permutation, Spark's {@code Shuffle}. Its seed is no
     * argument in Spark (the column is named {@code shuffle(a)}): it is a hidden literal here
     * ({@link RandomSeedArgument}), and each task's generator is seeded from it.
     */
    private static final FunctionSpec SHUFFLE = FunctionSpec.named("shuffle").inputs(ARRAY, ANY).returns(types -> types.get(0))
            .nullable(call -> call.children().get(0).nullable())
            .sql(call -> "shuffle(" + call.children().get(0).sql() + ")")
            .customCode((ctx, call) -> {
                String rng = ctx.constant(RandomSeedArgument.generator(ctx, call.children().get(1)),
                        MersenneTwister.class.getName());
                return ctx.nullSafe(call.dataType(), call.children().subList(0, 1), (out, a) -> {
                    String o = CollectionCode.out(ctx);
                    ctx.set(out, AK + "shuffle(" + CodegenContext.args(a[0]) + ", "
                            + CollectionCode.type(ctx, element(a[0].type())) + ", " + rng + ", " + o + ")", o);
                });
            }).check();

    static void register() {
        FunctionRegistry.add(FunctionSpec.named("array").repeated(ANY)
                .coercion(call -> sameType(call, "array"))
                .returnsFromArgs(args -> DataTypes.createArrayType(args.isEmpty() ? DataTypes.NullType
                        : args.get(0).dataType(), args.stream().anyMatch(Expression::nullable)))
                .nullable(call -> false)
                .customCode((ctx, call) -> {
                    List<Expression> args = call.children();
                    CodeValue[] values = new CodeValue[args.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = ctx.gen(args.get(i));
                    }
                    CodeValue v = ctx.declare(call.dataType());
                    String out = CollectionCode.out(ctx);
                    String w = ctx.fresh("w");
                    ctx.line("io.tideway.offheap.row.ArrayWriter " + w + " = " + out + ".array(" + values.length + ");");
                    for (int i = 0; i < values.length; i++) {
                        CollectionCode.put(ctx, w, String.valueOf(i), values[i]);
                    }
                    ctx.line(v.isNull() + " = false; " + v.value() + " = " + out + ".buffer(); " + v.offset() + " = 0; "
                            + v.length() + " = " + w + ".finish();");
                    return v;
                }));
        FunctionRegistry.add(FunctionSpec.named("split").inputs(InputType.STRING, InputType.STRING, INT)
                .defaults(Literal.of(-1))
                .returns(DataTypes.createArrayType(DataTypes.StringType, false))
                .code((ctx, call, out, a) -> {
                    String o = CollectionCode.out(ctx);
                    String last = ctx.constant(new SplitKernels.LastPattern(), SplitKernels.LastPattern.class.getName());
                    ctx.set(out, SplitKernels.class.getName() + ".split(" + CodegenContext.args(a[0], a[1]) + ", " + a[2].value()
                            + ", " + last + ", " + o + ")", o);
                }));
        // Spark's spark.sql.legacy.sizeOfNull (true) applies only without ANSI: size(NULL) is -1 then, NULL under ANSI
        FunctionRegistry.add(FunctionSpec.named("size", "cardinality").inputs(ARRAY_OR_MAP).returns(DataTypes.IntegerType)
                .nullable(call -> call.ansi() && call.children().get(0).nullable())
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(DataTypes.IntegerType);
                    CodeValue c = ctx.gen(call.children().get(0));
                    ctx.open("if (!" + c.isNull() + ")");
                    ctx.line(v.isNull() + " = false; " + v.value() + " = " + (c.type() instanceof MapType ? CollectionCode.MK : AK)
                            + "count(" + c.value() + ", " + c.offset() + ");");
                    if (!ctx.ansi()) {
                        ctx.orElse();
                        ctx.line(v.isNull() + " = false; " + v.value() + " = -1L;");
                    }
                    ctx.close();
                    return v;
                }));
        // Spark's ArraySize: size() without the legacy -1, so NULL for a NULL array in either mode
        FunctionRegistry.add(FunctionSpec.named("array_size").inputs(ARRAY).returns(DataTypes.IntegerType)
                .code((ctx, call, out, a) -> ctx.set(out, AK + "count(" + a[0].value() + ", " + a[0].offset() + ")")));
        FunctionRegistry.add(FunctionSpec.named("array_compact").inputs(ARRAY)
                .returns(types -> DataTypes.createArrayType(element(types.get(0)), false))
                .code((ctx, call, out, a) -> {
                    String o = CollectionCode.out(ctx);
                    ctx.set(out, AK + "compact(" + CodegenContext.args(a[0]) + ", "
                            + CollectionCode.type(ctx, element(a[0].type())) + ", " + o + ")", o);
                }));
        // array_append(a, e) = concat(a, array(e)) and array_prepend(a, e) = concat(array(e), a): the
        // element widens with the array's element type, a NULL array gives NULL, a NULL element is kept
        FunctionRegistry.add("array_append", 2, 2, (n, a) -> new RuntimeReplaceable(n, a,
                withNullElements(FunctionRegistry.call("concat", a.get(0), FunctionRegistry.call("array", a.get(1))))));
        FunctionRegistry.add("array_prepend", 2, 2, (n, a) -> new RuntimeReplaceable(n, a,
                withNullElements(FunctionRegistry.call("concat", FunctionRegistry.call("array", a.get(1)), a.get(0)))));
        FunctionRegistry.add("array_insert", 3, 3, (n, a) -> new RuntimeReplaceable(n, a,
                new ScalarFunction(INSERT, n, List.of(a.get(0), a.get(1), FunctionRegistry.call("array", a.get(2))))));
        elementAt("element_at", true);
        elementAt("try_element_at", false);
        FunctionRegistry.add(FunctionSpec.named("get").inputs(ARRAY, INT).returnsFromArgs(args -> element(args.get(0).dataType()))
                .nullable(call -> true)
                .code((ctx, call, out, a) -> readAt(ctx, out, a[0], AK + "item(" + a[0].value() + ", " + a[0].offset() + ", "
                        + a[1].value() + ", false)")));
        // arr[i] (0-based) and map[key]: SQL's subscript, Column.getItem and Column.apply
        FunctionRegistry.add(FunctionSpec.named(ITEM).inputs(ARRAY_OR_MAP, ANY)
                .coercion(call -> {
                    Expression c = call.children().get(0);
                    Expression k = call.children().get(1);
                    if (c.dataType() instanceof MapType mt) {
                        // Spark's GetMapValue casts the key as an implicit cast would (m[1] of a string-keyed map)
                        return List.of(c, StringFunctions.castTo(call, 1, k, InputType.exact(mt.keyType())));
                    }
                    if (!(c.dataType() instanceof ArrayType)) {
                        throw Unchecked.raise(new AnalysisException("INVALID_EXTRACT_BASE_FIELD_TYPE", Map.of("base",
                                ErrorParams.expr(c.sql()), "other", ErrorParams.type(c.dataType())),
                                (io.tideway.engine.expr.Origin) null));
                    }
                    return List.of(c, StringFunctions.castTo(call, 1, k, INT));
                })
                .returnsFromArgs(args -> args.get(0).dataType() instanceof MapType mt ? mt.valueType()
                        : element(args.get(0).dataType()))
                .nullable(ArrayFunctions::itemNullable)
                .sql(call -> call.children().get(0).sql() + "[" + call.children().get(1).sql() + "]")
                .code((ctx, call, out, a) -> {
                    if (a[0].type() instanceof MapType mt) {
                        MapFunctions.readValue(ctx, out, a[0], a[1], mt);
                    } else {
                        readAt(ctx, out, a[0], AK + "item(" + a[0].value() + ", " + a[0].offset() + ", " + a[1].value() + ", "
                                + ctx.ansi() + ")");
                    }
                }));
        FunctionRegistry.add(FunctionSpec.named("array_join").inputs(ARRAY, InputType.STRING, InputType.STRING).optional(2)
                .coercion(call -> {
                    List<Expression> a = new ArrayList<>(call.children());
                    Expression arr = a.get(0);
                    DataType t = arr.dataType();
                    if (t == DataTypes.NullType) {
                        a.set(0, TypeCoercion.castIfNeeded(arr, DataTypes.createArrayType(DataTypes.StringType)));
                    } else if (t instanceof ArrayType at && at.elementType() != DataTypes.StringType) {
                        a.set(0, TypeCoercion.castIfNeeded(arr, DataTypes.createArrayType(DataTypes.StringType, at.containsNull())));
                    } else if (!(t instanceof ArrayType)) {
                        throw call.unexpectedType(0, InputType.named("\"ARRAY<STRING>\"", ARRAY), t);
                    }
                    for (int i = 1; i < a.size(); i++) {
                        a.set(i, StringFunctions.castTo(call, i, a.get(i), InputType.STRING));
                    }
                    return a;
                })
                .returns(DataTypes.StringType)
                .code((ctx, call, out, a) -> {
                    String scratch = ctx.scratch();
                    ctx.set(out, AK + "join(" + CodegenContext.args(a[0], a[1]) + ", "
                            + (a.length > 2 ? CodegenContext.args(a[2]) + ", true" : "null, 0, 0, false") + ", " + scratch + ")",
                            scratch);
                }));
        extreme("array_max", true);
        extreme("array_min", false);
        FunctionRegistry.add(FunctionSpec.named("sort_array").inputs(ARRAY, InputType.BOOLEAN).optional(1)
                .defaults(Literal.of(true))
                .coercion(call -> orderable(call, "sort_array", List.of(call.children().get(0),
                        call.children().size() > 1 ? call.children().get(1) : Literal.of(true))))
                .returns(types -> types.get(0))
                .customCode((ctx, call) -> {
                    Expression asc = call.children().get(1);
                    boolean ascending = !(asc instanceof Literal l) || !Boolean.FALSE.equals(l.value());
                    return ctx.nullSafe(call.dataType(), call.children().subList(0, 1), (out, a) -> {
                        String o = CollectionCode.out(ctx);
                        ctx.set(out, AK + "sort(" + CodegenContext.args(a[0]) + ", " + CollectionCode.type(ctx, element(a[0].type()))
                                + ", " + ascending + ", " + ascending + ", " + o + ")", o);
                    });
                }));
        FunctionRegistry.add(FunctionSpec.named("array_sort").inputs(ARRAY)
                .coercion(call -> orderable(call, "array_sort", call.children()))
                // Spark names the call with its default comparator lambda
                .sql(call -> "array_sort(" + call.children().get(0).sql() + ", " + DEFAULT_COMPARATOR + ")")
                .returns(types -> types.get(0))
                .code((ctx, call, out, a) -> {
                    String o = CollectionCode.out(ctx);
                    ctx.set(out, AK + "sort(" + CodegenContext.args(a[0]) + ", " + CollectionCode.type(ctx, element(a[0].type()))
                            + ", true, false, " + o + ")", o);
                }));
        FunctionRegistry.add(FunctionSpec.named("slice").inputs(ARRAY, INT, INT).returns(types -> types.get(0))
                .code((ctx, call, out, a) -> {
                    String o = CollectionCode.out(ctx);
                    ctx.set(out, AK + "slice(" + CodegenContext.args(a[0]) + ", " + a[1].value() + ", " + a[2].value() + ", "
                            + CollectionCode.type(ctx, element(a[0].type())) + ", " + o + ")", o);
                }));
        FunctionRegistry.add("shuffle", 1, 2, (name, a) -> new ScalarFunction(SHUFFLE, name,
                List.of(a.get(0), RandomSeedArgument.of(a.size() == 2 ? a.get(1) : null, "shuffle"))));
        FunctionRegistry.add(FunctionSpec.named("flatten").inputs(InputType.named("\"ARRAY\" of \"ARRAY\"", ARRAY))
                .coercion(call -> {
                    DataType t = call.children().get(0).dataType();
                    if (t instanceof ArrayType at && (at.elementType() instanceof ArrayType || at.elementType() == DataTypes.NullType)) {
                        return call.children();
                    }
                    throw call.unexpectedType(0, InputType.named("\"ARRAY\" of \"ARRAY\"", ARRAY), t);
                })
                .returns(types -> element(types.get(0)) instanceof ArrayType inner ? inner : DataTypes.createArrayType(DataTypes.NullType))
                .nullable(call -> call.children().get(0).nullable() || containsNull(call.children().get(0).dataType()))
                .code((ctx, call, out, a) -> {
                    String o = CollectionCode.out(ctx);
                    ctx.set(out, AK + "flatten(" + CodegenContext.args(a[0]) + ", "
                            + CollectionCode.type(ctx, element(call.dataType())) + ", " + o + ")", o);
                }));
        FunctionRegistry.add(FunctionSpec.named("sequence").inputs(ANY, ANY, ANY).optional(2)
                .coercion(ArrayFunctions::sequenceArgs)
                .returns(types -> DataTypes.createArrayType(types.get(0), false))
                .code((ctx, call, out, a) -> {
                    String o = CollectionCode.out(ctx);
                    String step = a.length > 2 ? a[2].value() : "(" + a[0].value() + " <= " + a[1].value() + " ? 1L : -1L)";
                    ctx.set(out, AK + "sequence(" + a[0].value() + ", " + a[1].value() + ", " + step + ", "
                            + (a[0].type() == DataTypes.IntegerType) + ", " + o + ")", o);
                }));
        FunctionRegistry.add(FunctionSpec.named("arrays_zip").repeated(ARRAY)
                .returnsFromArgs(ArrayFunctions::zipType)
                .code((ctx, call, out, a) -> {
                    String parts = ctx.fresh("parts");
                    ctx.line("java.util.List<io.tideway.offheap.row.ArrayReader> " + parts + " = " + AK + "concatBegin();");
                    io.tideway.sql.types.DataType[] types = new io.tideway.sql.types.DataType[a.length];
                    for (int i = 0; i < a.length; i++) {
                        ctx.line(AK + "concatAdd(" + parts + ", " + CodegenContext.args(a[i]) + ");");
                        types[i] = element(a[i].type());
                    }
                    String o = CollectionCode.out(ctx);
                    String t = ctx.constant(types, "io.tideway.sql.types.DataType[]");
                    ctx.set(out, AK + "zip(" + parts + ", " + t + ", " + o + ")", o);
                }));
        FunctionRegistry.add(FunctionSpec.named("array_repeat").inputs(ANY, INT)
                .returnsFromArgs(args -> DataTypes.createArrayType(args.get(0).dataType(), args.get(0).nullable()))
                .nullable(call -> call.children().get(1).nullable())
                .customCode((ctx, call) -> {
                    CodeValue e = ctx.gen(call.children().get(0));
                    CodeValue v = ctx.declare(call.dataType());
                    CodeValue n = ctx.gen(call.children().get(1));
                    ctx.open("if (!" + n.isNull() + ")");
                    String out = CollectionCode.out(ctx);
                    String w = ctx.fresh("w");
                    String i = ctx.fresh("i");
                    ctx.line("io.tideway.offheap.row.ArrayWriter " + w + " = " + out + ".array((int) Math.max(0L, " + n.value() + "));");
                    ctx.open("for (int " + i + " = 0; " + i + " < " + w + ".count(); " + i + "++)");
                    CollectionCode.put(ctx, w, i, e);
                    ctx.close();
                    ctx.line(v.isNull() + " = false; " + v.value() + " = " + out + ".buffer(); " + v.offset() + " = 0; "
                            + v.length() + " = " + w + ".finish();");
                    ctx.close();
                    return v;
                }));
    }

    /**
     * {@code arrays_zip}'s type: an array of structs whose fields are named after the arguments
     * that are columns, else by their position ({@code "0"}, {@code "1"}), as Spark names them.
     */
    private static DataType zipType(List<Expression> args) {
        io.tideway.sql.types.StructType st = new io.tideway.sql.types.StructType();
        for (int i = 0; i < args.size(); i++) {
            Expression e = args.get(i);
            String name = e instanceof io.tideway.engine.expr.BoundReference r ? r.name()
                    : e instanceof io.tideway.engine.expr.UnresolvedAttribute u ? u.name()
                    : e instanceof io.tideway.engine.expr.Alias al ? al.name() : String.valueOf(i);
            st = st.add(name, element(e.dataType()), true);
        }
        return DataTypes.createArrayType(st, false);
    }

    /** {@code element_at(array, index)} or {@code element_at(map, key)}; {@code fail}: out of range is an error under ANSI. */
    private static void elementAt(String name, boolean fail) {
        FunctionRegistry.add(FunctionSpec.named(name).inputs(ARRAY_OR_MAP, ANY)
                .coercion(call -> {
                    Expression c = call.children().get(0);
                    Expression k = call.children().get(1);
                    if (c.dataType() instanceof MapType mt) {
                        return List.of(c, MapFunctions.keyArg(call, mt, k));
                    }
                    Expression coll = ArrayFunctions.castTo(call, 0, c, ARRAY_OR_MAP);
                    return List.of(coll, StringFunctions.castTo(call, 1, k, INDEX));
                })
                .returnsFromArgs(args -> args.get(0).dataType() instanceof MapType mt ? mt.valueType()
                        : element(args.get(0).dataType()))
                .nullable(call -> true)
                .code((ctx, call, out, a) -> {
                    if (a[0].type() instanceof MapType mt) {
                        MapFunctions.readValue(ctx, out, a[0], a[1], mt);
                    } else {
                        readAt(ctx, out, a[0], AK + "elementAt(" + a[0].value() + ", " + a[0].offset() + ", " + a[1].value()
                                + ", " + (fail && ctx.ansi()) + ")");
                    }
                }));
    }

    /**
     * Spark's nullability of {@code arr[i]}: a literal index into an {@code array(...)} call is
     * as nullable as that element; anything else may be null.
     */
    private static boolean itemNullable(ScalarFunction call) {
        Expression arr = call.children().get(0);
        Expression index = call.children().get(1);
        if (arr instanceof ScalarFunction f && f.name().equals("array") && index instanceof Literal l
                && l.value() instanceof Number n && n.intValue() >= 0 && n.intValue() < f.children().size()) {
            return f.children().get(n.intValue()).nullable();
        }
        return true;
    }

    /** {@code out} as the element of {@code arr} at the index {@code indexCall} returns (-1: null). */
    static void readAt(CodegenContext ctx, CodeValue out, CodeValue arr, String indexCall) {
        String i = ctx.fresh("idx");
        ctx.line("int " + i + " = " + indexCall + ";");
        ctx.line(out.isNull() + " = " + i + " < 0;");
        ctx.open("if (" + i + " >= 0)");
        CollectionCode.read(ctx, out, arr.value(), arr.offset(), i);
        ctx.close();
    }

    private static void extreme(String name, boolean max) {
        FunctionRegistry.add(FunctionSpec.named(name).inputs(ARRAY)
                .coercion(call -> orderable(call, name, call.children()))
                .returns(types -> element(types.get(0)))
                .nullable(call -> true)
                .code((ctx, call, out, a) -> readAt(ctx, out, a[0], AK + "extreme(" + CodegenContext.args(a[0]) + ", "
                        + CollectionCode.type(ctx, element(a[0].type())) + ", " + max + ")")));
    }

    /** Argument {@code i} cast as {@code type} takes it, or the call's UNEXPECTED_INPUT_TYPE. */
    static Expression castTo(ScalarFunction call, int i, Expression e, InputType type) {
        return StringFunctions.castTo(call, i, e, type);
    }

    /** All arguments cast to their common type, or Spark's {@code DATA_DIFF_TYPES} ({@code array}, {@code coalesce}). */
    static List<Expression> sameType(ScalarFunction call, String function) {
        List<DataType> types = CommonType.typesOf(call.children());
        DataType common = CommonType.of(types, true);
        if (common == null) {
            throw CommonType.dataDiffTypes(call.sql(), function, types, true, call.sqlOrigin());
        }
        return CommonType.castAll(call.children(), common);
    }

    /** The common type of two arrays (or NULLs), element types widened; null if none. */
    static DataType commonArrayType(DataType a, DataType b) {
        if (a == DataTypes.NullType && b == DataTypes.NullType) {
            return DataTypes.createArrayType(DataTypes.NullType);
        }
        if (a == DataTypes.NullType) {
            return b instanceof ArrayType ? b : null;
        }
        if (b == DataTypes.NullType) {
            return a instanceof ArrayType ? a : null;
        }
        if (a instanceof ArrayType x && b instanceof ArrayType y) {
            DataType e = CommonType.of(x.elementType(), y.elementType(), true);
            return e == null ? null : DataTypes.createArrayType(e, x.containsNull() || y.containsNull());
        }
        return null;
    }

    /** The arguments, when the array's elements have an order; else Spark's {@code INVALID_ORDERING_TYPE}. */
    private static List<Expression> orderable(ScalarFunction call, String function, List<Expression> args) {
        Expression arr = castTo(call, 0, args.get(0), ARRAY);
        if (!ArrayElements.orderable(element(arr.dataType()))) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.INVALID_ORDERING_TYPE", Map.of("sqlExpr",
                    ErrorParams.expr(call.sql()), "functionName", ErrorParams.id(function), "dataType",
                    ErrorParams.type(element(arr.dataType()))), call.sqlOrigin()));
        }
        List<Expression> out = new ArrayList<>(args);
        out.set(0, arr);
        return out;
    }

    /** {@code sequence}'s start and stop to their common integral type, the step to it too. */
    private static List<Expression> sequenceArgs(ScalarFunction call) {
        List<Expression> a = call.children();
        DataType t = CommonType.of(a.get(0).dataType(), a.get(1).dataType(), false);
        if (t == DataTypes.ByteType || t == DataTypes.ShortType) {
            t = DataTypes.IntegerType;
        }
        boolean ok = t == DataTypes.IntegerType || t == DataTypes.LongType;
        if (ok && a.size() > 2) {
            DataType s = a.get(2).dataType();
            ok = TypeCoercion.integral(s) || s == DataTypes.NullType;
        }
        if (!ok) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.SEQUENCE_WRONG_INPUT_TYPES", Map.of("sqlExpr",
                    ErrorParams.expr(call.sql()), "functionName", ErrorParams.id("sequence"), "startType",
                    "(\"TIMESTAMP\" or \"TIMESTAMP WITHOUT TIME ZONE\" or \"DATE\")", "stepType",
                    "(\"INTERVAL\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL DAY TO SECOND\")", "otherStartType",
                    "\"INTEGRAL\""), call.sqlOrigin()));
        }
        List<Expression> out = new ArrayList<>();
        for (Expression e : a) {
            out.add(TypeCoercion.castIfNeeded(e, t));
        }
        return out;
    }
}
