package io.tideway.engine.codegen;

import io.tideway.engine.expr.BinaryArithmetic;
import io.tideway.engine.expr.Comparison;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Logical;
import io.tideway.engine.expr.NullCheck;

import java.util.function.Function;

/**
 * Which operator an expression node applies. The expression classes keep it private, so it is
 * recovered from their public face: the node whose {@code sql()} matches, among the nodes each
 * operator would make from the same children (the operator's symbol is the only difference).
 * Stateless.
 */
final class Operators {
    private Operators() {
    }

    static BinaryArithmetic.Op of(BinaryArithmetic e) {
        return find(e, BinaryArithmetic.Op.values(), op -> new BinaryArithmetic(op, e.left(), e.right()));
    }

    static Comparison.Op of(Comparison e) {
        return find(e, Comparison.Op.values(), op -> new Comparison(op, e.left(), e.right()));
    }

    static boolean isAnd(Logical e) {
        return find(e, new Boolean[]{true, false}, and -> new Logical(and, e.left(), e.right()));
    }

    static boolean isNotNull(NullCheck e) {
        return find(e, new Boolean[]{true, false}, notNull -> new NullCheck(e.children().get(0), notNull));
    }

    private static <O> O find(Expression e, O[] candidates, Function<O, Expression> make) {
        String sql = e.sql();
        for (O op : candidates) {
            if (make.apply(op).sql().equals(sql)) {
                return op;
            }
        }
        throw new UnsupportedExpression("operator of " + sql);
    }
}
