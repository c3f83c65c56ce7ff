package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.types.DataTypes;

import java.util.List;

import static io.tideway.engine.expr.fn.InputType.STRING;

/**
 * Spark's functions that fail a query on purpose: {@code raise_error(message)} (Spark 4's
 * {@code USER_RAISED_EXCEPTION}, typed null) and {@code assert_true(condition[, message])}, which
 * Spark defines as {@code IF(condition, NULL, raise_error(message))}. The error is raised by
 * {@link UserErrorKernels} from generated code, so a failing row surfaces as Spark's does: on
 * {@code collect}, on {@code show}, and as the cause of a streaming query's exception.
 * Registered once, immutable after.
 */
final class UserErrorFunctions {
    private static final String K = UserErrorKernels.class.getName() + ".";

    /**
     * {@code raise_error(message)}: Spark's {@code RaiseError('USER_RAISED_EXCEPTION', map('errorMessage', message))},
     * named so. Not null-intolerant: a null message raises the message {@code null}.
     */
    private static final FunctionSpec RAISE_ERROR = FunctionSpec.named("raise_error").inputs(STRING)
            .returns(DataTypes.NullType).nullable(call -> true)
            .sql(call -> "raise_error(USER_RAISED_EXCEPTION, map(errorMessage, " + call.children().get(0).sql() + "))")
            .customCode((ctx, call) -> {
                CodeValue message = ctx.gen(call.children().get(0));
                CodeValue v = ctx.declare(DataTypes.NullType);
                // the kernel always throws; assigning its result keeps the code after it reachable for javac
                ctx.set(v, K + "raise(" + message.isNull() + ", " + CodegenContext.args(message) + ")");
                return v;
            })
            .check();

    private UserErrorFunctions() {
    }

    static void register() {
        FunctionRegistry.add(RAISE_ERROR);
        FunctionRegistry.add("assert_true", 1, 2, (name, a) -> {
            Expression condition = a.get(0);
            Expression message = a.size() == 2 ? a.get(1)
                    : Literal.of("'" + shown(condition) + "' is not true!");
            Expression replacement = FunctionRegistry.call("if", condition, new Literal(null, DataTypes.NullType),
                    new ScalarFunction(RAISE_ERROR, "raise_error", List.of(message)));
            return new RuntimeReplaceable(name, List.of(condition, message), replacement);
        });
    }

    /**
     * The condition as assert_true's default message shows it: Spark's {@code simpleString} of the
     * expression, which is its SQL text except that a null literal is {@code null} (Spark's also
     * carries each column's expression id, {@code i#12}, which Tideway does not have).
     */
    private static String shown(Expression condition) {
        return condition instanceof Literal l && l.value() == null ? "null" : condition.sql();
    }
}
