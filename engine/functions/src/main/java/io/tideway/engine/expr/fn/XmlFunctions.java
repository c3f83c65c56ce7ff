package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.Map;

import static io.tideway.engine.expr.fn.InputType.ANY;
import static io.tideway.engine.expr.fn.InputType.STRING;

/**
 * Spark's XML functions: {@code from_xml} ({@link FromXml}), {@code to_xml} ({@link ToXml}) and
 * {@code schema_of_xml} ({@link XmlSchemaInference}). Options and schemas as the JSON and CSV
 * functions take them ({@link JsonFunctions#options}, {@link JsonFunctions#schema}, which also
 * reads {@code schema_of_xml} of a literal). Registered once, immutable after.
 */
final class XmlFunctions {
    private XmlFunctions() {
    }

    static void register() {
        FunctionRegistry.add(FunctionSpec.named("from_xml").inputs(STRING, ANY, ANY).optional(2).strict()
                .coercion(call -> {
                    Expression xml = call.children().get(0);
                    if (xml.dataType() != DataTypes.StringType && xml.dataType() != DataTypes.NullType) {
                        throw call.unexpectedType(0, STRING, xml.dataType());
                    }
                    DataType t = JsonFunctions.schema(call.children().get(1), call.sqlOrigin());
                    if (!(t instanceof StructType)) {
                        throw Unchecked.raise(new AnalysisException("INVALID_SCHEMA.NON_STRUCT_TYPE", Map.of("inputSchema",
                                ErrorParams.expr(call.children().get(1).sql()), "dataType", ErrorParams.type(t)),
                                call.sqlOrigin()));
                    }
                    return call.children();
                })
                .returnsFromArgs(args -> JsonFunctions.asNullable(JsonFunctions.schema(args.get(1), null)))
                .nullable(call -> true)
                .sql(call -> "from_xml(" + call.children().get(0).sql() + ")")
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(call.dataType());
                    CodeValue a = ctx.gen(call.children().get(0));
                    String r = ctx.constant(new FromXml((StructType) call.dataType(), ctx.evalContext().timeZone(),
                            JsonFunctions.options(call, 2)), FromXml.class.getName());
                    String out = CollectionCode.out(ctx);
                    ctx.open("if (!" + a.isNull() + ")");
                    ctx.set(v, r + ".read(" + CodegenContext.args(a) + ", " + out + ")", out);
                    ctx.close();
                    return v;
                }));
        FunctionRegistry.add(FunctionSpec.named("to_xml").inputs(ANY, ANY).optional(1)
                .coercion(call -> {
                    DataType t = call.children().get(0).dataType();
                    if (!(t instanceof StructType)) {
                        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", Map.of(
                                "sqlExpr", ErrorParams.expr(call.sql()), "paramIndex", ErrorParams.ordinal(0),
                                "requiredType", "\"STRUCT\"", "inputSql", ErrorParams.expr(call.children().get(0).sql()),
                                "inputType", ErrorParams.type(t)), call.sqlOrigin()));
                    }
                    return call.children();
                })
                .returns(DataTypes.StringType)
                .nullable(call -> true)
                .sql(call -> "to_xml(" + call.children().get(0).sql() + ")")
                .customCode((ctx, call) -> {
                    Expression child = call.children().get(0);
                    CodeValue v = ctx.declare(DataTypes.StringType);
                    CodeValue a = ctx.gen(child);
                    String w = ctx.constant(new ToXml((StructType) child.dataType(), ctx.evalContext().timeZone(),
                            JsonFunctions.options(call, 1)), ToXml.class.getName());
                    String scratch = ctx.scratch();
                    ctx.open("if (!" + a.isNull() + ")");
                    ctx.set(v, w + ".write(" + CodegenContext.args(a) + ", " + scratch + ")", scratch);
                    ctx.close();
                    return v;
                }));
        FunctionRegistry.add(FunctionSpec.named("schema_of_xml").inputs(STRING, ANY).optional(1)
                .coercion(call -> {
                    Expression xml = call.children().get(0);
                    if (xml.dataType() == DataTypes.NullType) {
                        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_NULL", Map.of("sqlExpr",
                                ErrorParams.expr(call.sql()), "exprName", "xml"), call.sqlOrigin()));
                    }
                    JsonFunctions.requireFoldableText(call, "xml");
                    return call.children();
                })
                .returns(DataTypes.StringType)
                .nullable(call -> false)
                .sql(call -> "schema_of_xml(" + call.children().get(0).sql() + ")")
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(DataTypes.StringType);
                    CodeValue a = ctx.gen(call.children().get(0));
                    String schema = ctx.constant(new XmlSchemaInference(JsonFunctions.options(call, 1)),
                            XmlSchemaInference.class.getName());
                    String scratch = ctx.scratch();
                    ctx.open("if (!" + a.isNull() + ")");
                    ctx.set(v, schema + ".text(" + CodegenContext.args(a) + ", " + scratch + ")", scratch);
                    ctx.close();
                    return v;
                }));
    }
}
