package io.tideway.sql;

import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.SortOrder;
import io.tideway.engine.expr.UnresolvedAttribute;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks Spark's analyzer ({@code ResolveHints.ResolveCoalesceHints}) makes of the
 * partitioning hints' parameters when {@code Dataset.hint} is called: {@code COALESCE} takes
 * exactly a partition number; {@code REPARTITION} takes no sort order. The hints themselves
 * change nothing in Tideway. Stateless.
 */
final class HintParameters {
    private HintParameters() {
    }

    static void check(String name, Object... parameters) {
        String hint = name.toUpperCase(Locale.ROOT);
        if (hint.equals("COALESCE") && !(parameters.length == 1 && (parameters[0] instanceof Integer
                || parameters[0] instanceof Byte))) {
            throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1048", Map.of("hintName", hint)));
        }
        if (hint.equals("REPARTITION")) {
            List<String> sortOrders = new ArrayList<>();
            for (Object p : parameters) {
                if (p instanceof Column c && c.expr() instanceof SortOrder s) {
                    sortOrders.add(catalystText(s));
                }
            }
            if (!sortOrders.isEmpty()) {
                throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1127",
                        Map.of("sortOrders", "ArraySeq(" + String.join(", ", sortOrders) + ")")));
            }
        }
    }

    /** A sort order as Spark prints an unresolved one in this message: {@code 'id DESC NULLS LAST}. */
    private static String catalystText(SortOrder s) {
        Expression child = s.child();
        String c = child instanceof UnresolvedAttribute a ? "'" + a.name() : child.sql();
        return c + (s.descending() ? " DESC" : " ASC") + (s.nullsFirst() ? " NULLS FIRST" : " NULLS LAST");
    }
}
