package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.List;

import static io.tideway.engine.expr.fn.InputType.STRING;

/** Spark's quantified LIKE predicates, which only SQL text's {@code LIKE ANY|SOME|ALL} makes. Stateless. */
public final class LikeQuantifiers {
    private LikeQuantifiers() {
    }

    /**
     * Spark's {@code LikeAny}, {@code LikeAll}, {@code NotLikeAny}, {@code NotLikeAll}
     * ({@code name} in lower case): the string against each LIKE pattern (backslash escapes), any or
     * all of them matching (or not). Made by the SQL form {@code s [NOT] LIKE ANY|ALL (...)} only,
     * not callable by name, as in Spark; named {@code likeany(s)}.
     */
    public static Expression likeQuantified(String name, Expression value, List<String> patterns) {
        boolean negated = name.startsWith("not");
        boolean all = name.endsWith("all");
        FunctionSpec spec = FunctionSpec.named(name).inputs(STRING).repeated(STRING)
                .returns(DataTypes.BooleanType)
                .nullable(call -> call.children().get(0).nullable())
                .sql(call -> name + "(" + call.children().get(0).sql() + ")")
                .code((ctx, call, out, a) -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i < a.length; i++) {
                        String pattern = PredicateFunctions.literalPattern(ctx, call.children().get(i), '\\', false, "like");
                        if (pattern == null) { // an invalid pattern raises its error per row, as LIKE's
                            String cache = ctx.constant(new PredicateKernels.PatternCache(), PredicateKernels.PatternCache.class.getName());
                            pattern = cache + ".get(" + CodegenContext.args(a[i]) + ", " + (int) '\\' + ", \"like\")";
                        }
                        b.append(i == 1 ? "" : all ? " && " : " || ").append(negated ? "!" : "")
                                .append(PredicateKernels.class.getName() + ".").append("matches(").append(pattern).append(", ").append(CodegenContext.args(a[0]))
                                .append(", false)");
                    }
                    ctx.set(out, "(" + b + ") ? 1L : 0L");
                }).check();
        List<Expression> args = new ArrayList<>();
        args.add(value);
        for (String p : patterns) {
            args.add(Literal.of(p));
        }
        return new ScalarFunction(spec, name, args);
    }
}
