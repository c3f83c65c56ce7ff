package io.tideway.sql;

import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.BinaryArithmetic;
import io.tideway.engine.expr.CaseWhen;
import io.tideway.engine.expr.Cast;
import io.tideway.engine.expr.Comparison;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.In;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.Logical;
import io.tideway.engine.expr.Not;
import io.tideway.engine.expr.NullCheck;
import io.tideway.engine.expr.UnresolvedAttribute;
import io.tideway.engine.expr.fn.ScalarFunction;

import java.util.List;
import java.util.Locale;

/**
 * {@code Column.toString} as Spark 4 prints an unresolved column: operators in prefix form
 * ({@code +(a, 1)}, {@code and(>(a, 2), isNull(b))}, {@code !(c)}, {@code in(dt, 1)}), functions
 * as {@code name(args)}, string literals quoted, CASE as SQL. Stateless.
 */
final class ColumnText {
    private ColumnText() {
    }

    static String of(Expression e) {
        if (e instanceof UnresolvedAttribute a) {
            return a.name();
        }
        if (e instanceof Literal l) {
            return l.value() instanceof String s ? "'" + s + "'" : l.value() == null ? "NULL" : l.value().toString();
        }
        if (e instanceof BinaryArithmetic b) {
            return call(b.op().symbol(), b.children());
        }
        if (e instanceof Comparison c) {
            return call(c.op() == Comparison.Op.NE ? "!=" : c.op().symbol(), c.children());
        }
        if (e instanceof Logical l) {
            return call(l.isAnd() ? "and" : "or", l.children());
        }
        if (e instanceof Not n) {
            return call("!", n.children());
        }
        if (e instanceof NullCheck n) {
            return call(n.isNotNull() ? "isNotNull" : "isNull", n.children());
        }
        if (e instanceof In in) {
            return call("in", in.children());
        }
        if (e instanceof Alias a) {
            return of(a.child()) + " AS " + a.name();
        }
        if (e instanceof Cast c && e.sql().startsWith("CAST(")) {
            return "CAST(" + of(c.child()) + " AS " + c.dataType().simpleString().toUpperCase(Locale.ROOT) + ")";
        }
        if (e instanceof ScalarFunction f && f.name().equals("__struct")) {
            // struct(a, b) runs as named_struct('a', a, 'b', b): Spark's text shows the values alone
            List<Expression> values = new java.util.ArrayList<>();
            for (int i = 1; i < f.children().size(); i += 2) {
                values.add(f.children().get(i));
            }
            return call("struct", values);
        }
        if (e instanceof ScalarFunction f) {
            return call(f.name(), f.writtenArgs());
        }
        if (e instanceof io.tideway.engine.expr.udf.JavaUdfCall u) {
            return call(u.name(), u.children());
        }
        if (e instanceof io.tideway.engine.expr.UnresolvedExtractField x) {
            return of(x.child()) + "['" + x.field() + "']";
        }
        if (e instanceof io.tideway.engine.expr.UpdateFields u) {
            return u.columnText(ColumnText::of);
        }
        if (e instanceof io.tideway.engine.expr.Count c && c.isStar()) {
            return "count(*)";
        }
        if (e instanceof io.tideway.engine.expr.agg.FirstLast f && f.ignoreNulls()) {
            return f.name() + "(" + of(f.input()) + ", true)";
        }
        if (e instanceof io.tideway.engine.expr.window.WindowExpression w) {
            return w.columnText(ColumnText::of);
        }
        if (e instanceof CaseWhen w) {
            List<Expression> c = w.children();
            StringBuilder sb = new StringBuilder("CASE");
            int branches = c.size() / 2;
            for (int i = 0; i < branches; i++) {
                sb.append(" WHEN ").append(plain(c.get(2 * i))).append(" THEN ").append(plain(c.get(2 * i + 1)));
            }
            if (w.hasElse()) {
                sb.append(" ELSE ").append(plain(c.get(c.size() - 1)));
            }
            return sb.append(" END").toString();
        }
        return e.sql();
    }

    /** Inside CASE, Spark prints literals unquoted. */
    private static String plain(Expression e) {
        return e instanceof Literal l ? String.valueOf(l.value() == null ? "NULL" : l.value()) : of(e);
    }

    private static String call(String name, List<Expression> args) {
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < args.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(of(args.get(i)));
        }
        return sb.append(')').toString();
    }
}
