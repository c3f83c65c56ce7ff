package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.LambdaFunction;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.List;

/**
 * {@code exists(array, x -> ...)} and {@code forall(array, x -> ...)} (Spark's {@code ArrayExists},
 * {@code ArrayForAll}): stop at the first element that decides; with none, null if the lambda
 * gave a null (Spark's three-valued logic, {@code spark.sql.legacy.followThreeValuedLogicInArrayExists}
 * true), else false for exists and true for forall.
 */
final class ArrayQuantifier extends HigherOrderFunction {
    private static final long serialVersionUID = 1L;
    private final boolean forAll;

    ArrayQuantifier(Expression array, LambdaFunction f, boolean forAll) {
        super(forAll ? "forall" : "exists", List.of(array), List.of(f));
        this.forAll = forAll;
    }

    @Override
    HigherOrderFunction copy(List<Expression> args, List<LambdaFunction> fs) {
        return new ArrayQuantifier(args.get(0), fs.get(0), forAll);
    }

    @Override
    List<Variable> variables(int i, int declared) {
        ArrayType at = array(0);
        return List.of(new Variable(at.elementType(), at.containsNull()));
    }

    @Override
    DataType bodyType(int i) {
        return DataTypes.BooleanType;
    }

    @Override
    DataType resultType() {
        return DataTypes.BooleanType;
    }

    @Override
    public boolean nullable() {
        return argument(0).nullable() || function(0).nullable();
    }

    @Override
    public CodeValue genCode(CodegenContext ctx) {
        CodeValue a = ctx.gen(argument(0));
        CodeValue out = ctx.declare(DataTypes.BooleanType);
        ctx.open("if (!" + a.isNull() + ")");
        String n = count(ctx, a);
        String decided = ctx.fresh("decided");
        String sawNull = ctx.fresh("sawNull");
        ctx.line("boolean " + decided + " = false; boolean " + sawNull + " = false;");
        String i = ctx.fresh("i");
        ctx.open("for (int " + i + " = 0; " + i + " < " + n + " && !" + decided + "; " + i + "++)");
        CodeValue x = element(ctx, array(0).elementType(), a.value(), a.offset(), i);
        CodeValue r = apply(ctx, function(0), x);
        ctx.line("if (" + r.isNull() + ") { " + sawNull + " = true; } else if (" + r.value() + (forAll ? " == 0L" : " != 0L")
                + ") { " + decided + " = true; }");
        ctx.close();
        // exists: true if decided; forall: false if decided; else null if a lambda gave null
        ctx.line(out.isNull() + " = !" + decided + " && " + sawNull + ";");
        ctx.line(out.value() + " = (" + decided + " ? " + (forAll ? "0L : 1L" : "1L : 0L") + ");");
        ctx.close();
        return out;
    }
}
