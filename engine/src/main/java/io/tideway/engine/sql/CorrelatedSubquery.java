package io.tideway.engine.sql;

import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.plan.Resolver;
import io.tideway.sql.Column;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.functions;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A subquery that reads the outer query's columns by their qualifier ({@code t.k} inside
 * {@code (SELECT max(v) FROM s WHERE s.k = t.k)} or {@code LATERAL (SELECT ...)}), decorrelated
 * into a join as Spark's optimizer does ({@code RewriteCorrelatedScalarSubquery},
 * {@code RewriteLateralSubquery}):
 * <ul>
 *   <li>an aggregate without GROUP BY whose correlation is equalities ({@code s.k = t.k}): the
 *       subquery grouped by its side of them and left-outer-joined on them; an outer row without
 *       a group gets what the aggregate gives for no rows ({@code count} 0, else null), as Spark
 *       fixes the "count bug";</li>
 *   <li>rows filtered by correlated conjuncts: a join on those conjuncts;</li>
 *   <li>no FROM: the items computed on each outer row.</li>
 * </ul>
 * One instance per SELECT block; not shared between threads.
 */
final class CorrelatedSubquery {
    private final SqlQueryPlanner planner;
    private final Function<SqlNode, Column> translator;
    private final Set<String> outerQualifiers;

    /**
     * @param translator      translates the outer block's expressions (names the outer rows and, once
     *                        joined, the subquery's rows resolve)
     * @param outerQualifiers the names the outer relations are known by, lower-cased
     */
    CorrelatedSubquery(SqlQueryPlanner planner, Function<SqlNode, Column> translator, Set<String> outerQualifiers) {
        this.planner = planner;
        this.translator = translator;
        this.outerQualifiers = outerQualifiers;
    }

    /** Whether {@code query} is one SELECT block that names an outer relation's column. */
    boolean isCorrelated(SqlNode query) {
        return query instanceof SqlSelect s && namesOuter(s);
    }

    /**
     * {@code outer}'s rows, each with the one row of the aggregate {@code s} over its correlated
     * rows, the aggregate's items named {@code names} (a null name: the item's alias or Spark's
     * name for it); null when the correlation is not equalities
     * of an outer and an inner expression.
     */
    Dataset<Row> joinAggregate(Dataset<Row> outer, SqlSelect s, List<String> names) {
        List<SqlNode> inner = new ArrayList<>();
        List<SqlNode[]> keys = new ArrayList<>();
        for (SqlNode c : Subqueries.conjuncts(s.getWhere())) {
            if (!namesOuter(c)) {
                inner.add(c);
            } else if (c.getKind() == SqlKind.EQUALS && !namesOuter(((SqlCall) c).operand(0))
                    && onlyOuter(((SqlCall) c).operand(1))) {
                keys.add(new SqlNode[] {((SqlCall) c).operand(0), ((SqlCall) c).operand(1)});
            } else if (c.getKind() == SqlKind.EQUALS && !namesOuter(((SqlCall) c).operand(1))
                    && onlyOuter(((SqlCall) c).operand(0))) {
                keys.add(new SqlNode[] {((SqlCall) c).operand(1), ((SqlCall) c).operand(0)});
            } else {
                return null;
            }
        }
        if (keys.isEmpty() || s.getFrom() == null || namesOuter(s.getSelectList())) {
            return null;
        }
        Dataset<Row> rows = innerRows(s, inner);
        List<Column> groupKeys = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            groupKeys.add(translator.apply(keys.get(i)[0]).as("__key" + i));
        }
        List<Column> values = new ArrayList<>();
        for (int i = 0; i < s.getSelectList().size(); i++) {
            Column value = translator.apply(unaliased(s.getSelectList().get(i)));
            String name = names.get(i) != null ? names.get(i) : alias(s.getSelectList().get(i));
            values.add(name == null ? value : value.as(name));
        }
        Row empty = rows.isStreaming() ? null
                : rows.filter(functions.lit(false)).agg(values.get(0), values.subList(1, values.size()).toArray(new Column[0]))
                        .collectAsList().get(0);
        Dataset<Row> grouped = rows.groupBy(groupKeys.toArray(new Column[0]))
                .agg(values.get(0), values.subList(1, values.size()).toArray(new Column[0]));
        Column condition = null;
        for (int i = 0; i < keys.size(); i++) {
            Column outerKey = new Column(Resolver.resolve(translator.apply(keys.get(i)[1]).expr(), outer.logicalPlan()));
            Column eq = outerKey.equalTo(grouped.col("__key" + i));
            condition = condition == null ? eq : condition.and(eq);
        }
        Dataset<Row> joined = outer.join(grouped, condition, "left_outer");
        List<Column> out = new ArrayList<>();
        int width = outer.columns().length;
        for (int i = 0; i < width; i++) {
            out.add(new Column(Resolver.reference(joined.schema(), i)));
        }
        for (int i = 0; i < values.size(); i++) {
            Column value = new Column(Resolver.reference(joined.schema(), width + keys.size() + i));
            Object none = empty == null ? null : empty.get(i);
            out.add(none == null ? value : functions.when(new Column(Resolver.reference(joined.schema(), width)).isNull(),
                    functions.lit(none)).otherwise(value).as(grouped.columns()[keys.size() + i]));
        }
        return joined.select(out.toArray(new Column[0]));
    }

    /**
     * {@code outer}'s rows joined ({@code type}: inner or left outer) with the rows of {@code s},
     * whose WHERE names the outer relations, on those conjuncts and {@code on}; then the outer
     * columns and {@code s}'s items. Null when {@code s} groups or aggregates.
     */
    Dataset<Row> joinRows(Dataset<Row> outer, SqlSelect s, String type, SqlNode on) {
        if (s.getGroup() != null || s.getHaving() != null || s.getFetch() != null || s.getOffset() != null
                || s.isDistinct()) {
            return null;
        }
        List<SqlNode> inner = new ArrayList<>();
        List<SqlNode> correlation = new ArrayList<>();
        for (SqlNode c : Subqueries.conjuncts(s.getWhere())) {
            (namesOuter(c) ? correlation : inner).add(c);
        }
        if (on != null) {
            correlation.add(on);
        }
        Dataset<Row> joined;
        if (s.getFrom() == null) {
            joined = outer;
            correlation.addAll(inner);
            if (!correlation.isEmpty()) {
                joined = joined.filter(translator.apply(and(correlation)));
            }
        } else {
            Dataset<Row> rows = innerRows(s, inner);
            joined = correlation.isEmpty() ? outer.join(rows, functions.lit(true), type)
                    : outer.join(rows, translator.apply(and(correlation)), type);
        }
        int width = outer.columns().length;
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            out.add(new Column(Resolver.reference(joined.schema(), i)));
        }
        for (SqlNode item : s.getSelectList()) {
            if (item instanceof SqlIdentifier id && id.isStar() && id.names.size() == 1) {
                for (int i = width; i < joined.columns().length; i++) {
                    out.add(new Column(Resolver.reference(joined.schema(), i)));
                }
            } else {
                Column c = translator.apply(unaliased(item));
                out.add(alias(item) != null ? c.as(alias(item)) : c);
            }
        }
        return joined.select(out.toArray(new Column[0]));
    }

    /** The rows of {@code s}'s FROM that pass its uncorrelated conjuncts, carrying the FROM's qualifier. */
    private Dataset<Row> innerRows(SqlSelect s, List<SqlNode> inner) {
        SqlParserPos pos = s.getParserPosition();
        Dataset<Row> rows = planner.query(new SqlSelect(pos, null, SqlNodeList.of(SqlIdentifier.star(pos)), s.getFrom(),
                and(inner), null, null, SqlNodeList.EMPTY, null, null, null, null, null));
        String q = FromClause.qualifier(s.getFrom());
        return q == null ? rows : rows.alias(q);
    }

    /** Whether {@code s} aggregates its rows into one: no GROUP BY, and an aggregate among its items. */
    boolean isGlobalAggregate(SqlSelect s) {
        if (s.getGroup() != null) {
            return false;
        }
        for (SqlNode item : s.getSelectList()) {
            try {
                if (translator.apply(unaliased(item)).expr().exists(x -> x instanceof AggregateFunction)) {
                    return true;
                }
            } catch (RuntimeException e) { // an item that does not translate alone is no aggregate
                return false;
            }
        }
        return false;
    }

    private static String alias(SqlNode item) {
        return item.getKind() == SqlKind.AS ? ((SqlIdentifier) ((SqlBasicCall) item).operand(1)).getSimple() : null;
    }

    private static SqlNode unaliased(SqlNode item) {
        return item.getKind() == SqlKind.AS ? ((SqlBasicCall) item).operand(0) : item;
    }

    /** The outer columns {@code s} reads, each once, in the order written: Spark names the subquery by them. */
    List<String> outerNames(SqlSelect s) {
        List<String> out = new ArrayList<>();
        s.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlIdentifier id) {
                String name = id.names.get(id.names.size() - 1);
                if (isOuter(id) && !out.contains(name)) {
                    out.add(name);
                }
                return id;
            }
        });
        return out;
    }

    private boolean namesOuter(SqlNode n) {
        boolean[] found = new boolean[1];
        n.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlIdentifier id) {
                found[0] |= isOuter(id);
                return id;
            }
        });
        return found[0];
    }

    /** Whether {@code n} names columns and every one is an outer relation's. */
    private boolean onlyOuter(SqlNode n) {
        boolean[] inner = new boolean[1];
        n.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlIdentifier id) {
                inner[0] |= !isOuter(id);
                return id;
            }
        });
        return !inner[0] && namesOuter(n);
    }

    private boolean isOuter(SqlIdentifier id) {
        return id.names.size() >= 2 && outerQualifiers.contains(id.names.get(0).toLowerCase(Locale.ROOT));
    }

    private static SqlNode and(List<SqlNode> conjuncts) {
        SqlNode out = null;
        for (SqlNode c : conjuncts) {
            out = out == null ? c : SqlStdOperatorTable.AND.createCall(c.getParserPosition(), out, c);
        }
        return out;
    }
}
