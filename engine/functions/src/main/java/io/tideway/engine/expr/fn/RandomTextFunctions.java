package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Foldable;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.tideway.engine.expr.fn.InputType.INT;
import static io.tideway.engine.expr.fn.MathFunctions.SEED;

/**
 * Spark 4's {@code randstr(length[, seed])}: a string of {@code length} characters drawn from
 * 0-9, a-z, A-Z by the {@link XorShiftRandom} of the seed plus the task's partition index (a
 * random seed when it is left out, which the column name then hides), as Spark's
 * {@code ExpressionImplUtils.randStr}. Length and seed must be foldable. Implemented by {@link RandomTextKernels}. Registered once, immutable after.
 */
final class RandomTextFunctions {
    private RandomTextFunctions() {
    }

    private static final FunctionSpec SEEDED = spec(false).check();
    private static final FunctionSpec HIDDEN_SEED = spec(true).check();

    static void register() {
        FunctionRegistry.add("randstr", 1, 2, (name, a) -> {
            List<Expression> args = new ArrayList<>(a);
            boolean hidden = args.size() == 1;
            if (hidden) {
                args.add(Literal.of(new java.util.Random().nextLong()));
            }
            return new ScalarFunction(hidden ? HIDDEN_SEED : SEEDED, name, args);
        });
    }

    private static FunctionSpec spec(boolean hiddenSeed) {
        return FunctionSpec.named("randstr").inputs(INT, SEED).strict()
                .coercion(call -> {
                    List<Expression> a = new ArrayList<>(call.children());
                    a.set(0, StringFunctions.castTo(call, 0, a.get(0), INT));
                    a.set(1, StringFunctions.castTo(call, 1, a.get(1), SEED));
                    String[] names = {"length", "seed"};
                    for (int i = 0; i < 2; i++) {
                        if (!Foldable.of(a.get(i))) {
                            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", Map.of("sqlExpr",
                                    ErrorParams.expr(call.sql()), "inputName", ErrorParams.id(names[i]), "inputType", "integer",
                                    "inputExpr", ErrorParams.expr(a.get(i).sql())), call.sqlOrigin()));
                        }
                    }
                    return a;
                })
                .returns(DataTypes.StringType)
                .nullable(call -> false)
                .sql(call -> hiddenSeed ? "randstr(" + call.children().get(0).sql() + ")" : call.callSql())
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(DataTypes.StringType);
                    // Spark's RandStr.initializeInternal: XORShiftRandom(seed + partitionIndex), as rand's
                    String rng = ctx.constant(MathFunctions.partitionRandom(ctx, constant(ctx.evalContext(), call.children().get(1))),
                            XorShiftRandom.class.getName());
                    String scratch = ctx.scratch();
                    ctx.line(v.isNull() + " = false;");
                    ctx.set(v, RandomTextKernels.class.getName() + ".randStr(" + rng + ", "
                            + constant(ctx.evalContext(), call.children().get(0)) + "L, " + scratch + ")", scratch);
                    return v;
                });
    }

    private static long constant(io.tideway.engine.expr.EvalContext context, Expression e) {
        Evaluator ev = e.evaluator(context);
        ev.eval(null);
        return ev.isNull ? 0L : ev.l;
    }
}
