package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.engine.format.CsvTokenizer;
import io.tideway.engine.format.CsvTypeInference;
import io.tideway.engine.format.TimestampParser;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.time.ZoneOffset;
import java.util.Map;

import static io.tideway.engine.expr.fn.InputType.ANY;
import static io.tideway.engine.expr.fn.InputType.STRING;

/**
 * Spark's CSV functions: {@code from_csv} ({@link FromCsv}), {@code to_csv} ({@link ToCsv}) and
 * {@code schema_of_csv}; lines are split and values parsed by the CSV file source's classes
 * ({@code io.tideway.engine.format}). Options and schemas as the JSON functions take them
 * ({@link JsonFunctions#options}, {@link JsonFunctions#schema}). Registered once, immutable after.
 */
final class CsvFunctions {
    private CsvFunctions() {
    }

    static void register() {
        FunctionRegistry.add(FunctionSpec.named("from_csv").inputs(STRING, ANY, ANY).optional(2).strict()
                .coercion(call -> {
                    Expression csv = call.children().get(0);
                    if (csv.dataType() != DataTypes.StringType && csv.dataType() != DataTypes.NullType) {
                        throw call.unexpectedType(0, STRING, csv.dataType());
                    }
                    JsonFunctions.schema(call.children().get(1), call.sqlOrigin());
                    return call.children();
                })
                .returnsFromArgs(args -> JsonFunctions.asNullable(JsonFunctions.schema(args.get(1), null)))
                .nullable(call -> true)
                .sql(call -> "from_csv(" + call.children().get(0).sql() + ")")
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(call.dataType());
                    CodeValue a = ctx.gen(call.children().get(0));
                    String r = ctx.constant(new FromCsv((StructType) call.dataType(), ctx.evalContext().timeZone(),
                            JsonFunctions.options(call, 2)), FromCsv.class.getName());
                    String out = CollectionCode.out(ctx);
                    ctx.open("if (!" + a.isNull() + ")");
                    ctx.set(v, r + ".read(" + CodegenContext.args(a) + ", " + out + ")", out);
                    ctx.close();
                    return v;
                }));
        FunctionRegistry.add(FunctionSpec.named("to_csv").inputs(ANY, ANY).optional(1)
                .coercion(call -> {
                    DataType t = call.children().get(0).dataType();
                    if (!(t instanceof StructType || t == DataTypes.NullType)) {
                        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.UNSUPPORTED_INPUT_TYPE", Map.of("sqlExpr",
                                ErrorParams.expr(call.sql()), "functionName", ErrorParams.id("to_csv"), "dataType",
                                ErrorParams.type(t)), call.sqlOrigin()));
                    }
                    return call.children();
                })
                .returns(DataTypes.StringType)
                .nullable(call -> true)
                .sql(call -> "to_csv(" + call.children().get(0).sql() + ")")
                .customCode((ctx, call) -> {
                    Expression child = call.children().get(0);
                    CodeValue v = ctx.declare(DataTypes.StringType);
                    if (child.dataType() == DataTypes.NullType) {
                        return v;
                    }
                    CodeValue a = ctx.gen(child);
                    String w = ctx.constant(new ToCsv((StructType) child.dataType(), ctx.evalContext().timeZone(),
                            JsonFunctions.options(call, 1)), ToCsv.class.getName());
                    String scratch = ctx.scratch();
                    ctx.open("if (!" + a.isNull() + ")");
                    ctx.set(v, w + ".write(" + CodegenContext.args(a) + ", " + scratch + ")", scratch);
                    ctx.close();
                    return v;
                }));
        FunctionRegistry.add(FunctionSpec.named("schema_of_csv").inputs(STRING, ANY).optional(1)
                .coercion(call -> {
                    Expression csv = call.children().get(0);
                    if (csv.dataType() == DataTypes.NullType) {
                        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_NULL", Map.of("sqlExpr",
                                ErrorParams.expr(call.sql()), "exprName", "csv"), call.sqlOrigin()));
                    }
                    JsonFunctions.requireFoldableText(call, "csv");
                    return call.children();
                })
                .returns(DataTypes.StringType)
                .nullable(call -> false)
                .sql(call -> "schema_of_csv(" + call.children().get(0).sql() + ")")
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(DataTypes.StringType);
                    CodeValue a = ctx.gen(call.children().get(0));
                    String schema = ctx.constant(new CsvSchema(JsonFunctions.options(call, 1)), CsvSchema.class.getName());
                    String scratch = ctx.scratch();
                    ctx.open("if (!" + a.isNull() + ")");
                    ctx.set(v, schema + ".text(" + CodegenContext.args(a) + ", " + scratch + ")", scratch);
                    ctx.close();
                    return v;
                }));
    }

    /** {@code schema_of_csv} with its options: the line's tokens' types, fields named {@code _c0}, {@code _c1}, ... */
    public static final class CsvSchema {
        private final CsvTokenizer tokenizer;
        private final String nullValue;
        private final TimestampParser timestamps;

        CsvSchema(Map<String, String> options) {
            this.tokenizer = CsvTokenizer.of(options);
            this.nullValue = options.getOrDefault("nullValue", "");
            this.timestamps = new TimestampParser(ZoneOffset.UTC, options.get("timestampFormat"), options.get("dateFormat"));
        }

        /** The DDL text of the schema of {@code line}. */
        String of(String line) {
            StructType st = new StructType();
            String[] tokens = tokenizer.tokenize(line);
            for (int i = 0; i < tokens.length; i++) {
                DataType t = CsvTypeInference.infer(DataTypes.NullType, tokens[i], nullValue, timestamps);
                st = st.add("_c" + i, t == DataTypes.NullType ? DataTypes.StringType : t, true);
            }
            return ErrorParams.sql(st);
        }

        /** {@link #of} of the line at {@code (b, off, len)}, written to {@code out}; its length. */
        public int text(org.agrona.DirectBuffer b, int off, int len, io.tideway.engine.expr.BytesOut out) {
            out.reset().append(of(b.getStringWithoutLengthUtf8(off, len)));
            return out.length();
        }
    }
}
