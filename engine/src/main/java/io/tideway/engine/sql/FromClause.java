package io.tideway.engine.sql;

import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Column;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.functions;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A SELECT block's FROM clause as a Dataset: a view or WITH name, a subquery, and joins of them
 * ({@code JOIN ... ON}, {@code USING (...)}, {@code NATURAL JOIN}, {@code CROSS JOIN},
 * {@code FROM a, b}, {@code LEFT SEMI JOIN}, {@code LEFT ANTI JOIN}) and inline {@code VALUES}
 * tables ({@link InlineTables}), table-valued functions ({@code range(10)}, {@code explode(...)},
 * {@code t, LATERAL explode(t.arr)}: {@link TableFunctionCall}), joins built from {@code Dataset.join}, so a join in SQL is planned, checked on
 * streams and named exactly as the same join written with the DataFrame API. Each side of a join
 * carries its alias (or view name) as a Dataset alias, so {@code a.userId} resolves as after
 * {@code df.as("a")}. {@code t AS x(a, b)} renames the columns as {@code toDF("a", "b")}. One
 * instance per SELECT block; not shared between threads.
 */
final class FromClause {
    private final SqlQueryPlanner planner;
    private final Function<SqlNode, Column> translator;

    /**
     * @param planner    reads views, WITH names and subqueries
     * @param translator translates a join's ON condition as {@code expr()} does
     */
    FromClause(SqlQueryPlanner planner, Function<SqlNode, Column> translator) {
        this.planner = planner;
        this.translator = translator;
    }

    /**
     * The name columns of {@code from} may be qualified with when it is one relation (its alias,
     * else the view's name), or null for a join or an unnamed subquery.
     */
    static String qualifier(SqlNode from) {
        if (from.getKind() == SqlKind.AS) {
            return ((SqlIdentifier) ((SqlBasicCall) from).operand(1)).getSimple();
        }
        return from instanceof SqlIdentifier id ? id.names.get(id.names.size() - 1) : null;
    }

    /** The names of every relation {@code from} reads (its aliases, else views' names), lower-cased. */
    static Set<String> qualifiers(SqlNode from) {
        Set<String> out = new HashSet<>();
        if (from instanceof SqlJoin j) {
            out.addAll(qualifiers(j.getLeft()));
            out.addAll(qualifiers(j.getRight()));
        } else if (from != null && qualifier(from) != null) {
            out.add(qualifier(from).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** The rows {@code from} reads. */
    Dataset<Row> relation(SqlNode from) {
        if (from instanceof SqlJoin join) {
            return join(join);
        }
        if (from.getKind() == SqlKind.AS) {
            Dataset<Row> in = relation(((SqlBasicCall) from).operand(0));
            List<String> names = columnNames(from);
            return names.isEmpty() ? in : in.toDF(names.toArray(new String[0])); // t AS x(a, b)
        }
        if (from instanceof SqlIdentifier id) {
            return planner.table(id);
        }
        if (SqlQueryPlanner.isQuery(from)) {
            return planner.query(from);
        }
        if (from instanceof org.apache.calcite.sql.SqlPivot pivot) {
            if (pivot.axisList.size() != 1) {
                throw QueryShape.unsupported("PIVOT FOR several columns", pivot.axisList, planner.src());
            }
            return PivotClause.apply(planner.session(), relation(pivot.query), pivot, translator);
        }
        if (from.getKind() == SqlKind.VALUES) {
            return InlineTables.of(planner.session(), (SqlCall) from, translator);
        }
        throw QueryShape.unsupported(from.getKind().sql.replace('_', ' ').toUpperCase(Locale.ROOT) + " in FROM",
                from, planner.src());
    }

    /** One side of a join, carrying its qualifier as a Dataset alias. */
    private Dataset<Row> side(SqlNode n) {
        Dataset<Row> in = relation(n);
        String q = n instanceof SqlJoin ? null : qualifier(n);
        return q == null ? in : in.alias(q);
    }

    private Dataset<Row> join(SqlJoin j) {
        TableFunctionCall generator = lateralGenerator(j);
        if (generator != null) {
            return generator.lateral(side(j.getLeft()), columnNames(j.getRight()));
        }
        SqlNode r = j.getRight().getKind() == SqlKind.AS ? ((SqlBasicCall) j.getRight()).operand(0) : j.getRight();
        if (r.getKind() == SqlKind.LATERAL) {
            return lateral(j, ((SqlCall) r).operand(0));
        }
        Dataset<Row> left = side(j.getLeft());
        Dataset<Row> right = side(j.getRight());
        String type = joinType(j);
        if (j.isNatural()) {
            return left.join(right, commonColumns(left, right), type);
        }
        JoinConditionType condition = j.getConditionType();
        if (condition == JoinConditionType.ON) {
            return left.join(right, translator.apply(j.getCondition()), type);
        }
        if (condition == JoinConditionType.USING) {
            List<String> using = new ArrayList<>();
            for (SqlNode n : (SqlNodeList) j.getCondition()) {
                using.add(((SqlIdentifier) n).getSimple());
            }
            return left.join(right, using, type);
        }
        return type.equals("inner") ? left.join(right) : left.join(right, new String[0], type);
    }

    private String joinType(SqlJoin j) {
        String semi = planner.semiJoinType(j.getLeft(), j.getRight());
        if (semi != null) {
            return semi;
        }
        switch (j.getJoinType()) {
            case INNER: case COMMA: case CROSS:
                return "inner";
            case LEFT:
                return "left_outer";
            case RIGHT:
                return "right_outer";
            case FULL:
                return "full_outer";
            case LEFT_SEMI_JOIN:
                return "left_semi";
            case LEFT_ANTI_JOIN:
                return "left_anti";
            default:
                throw QueryShape.unsupported(j.getJoinType().name().replace('_', ' ') + " JOIN", j, planner.src());
        }
    }

    /**
     * {@code left JOIN LATERAL (query)}: an uncorrelated query is joined as a subquery; a correlated
     * one is decorrelated ({@link CorrelatedSubquery}): an aggregate joined by its correlation's
     * equalities, rows joined on their correlated conjuncts, or items computed on each outer row.
     */
    private Dataset<Row> lateral(SqlJoin j, SqlNode query) {
        String type = joinType(j);
        if (!type.equals("inner") && !type.equals("left_outer")) {
            throw Unchecked.raise(new AnalysisException("INVALID_LATERAL_JOIN_TYPE",
                    Map.of("joinType", j.getJoinType().name().replace('_', ' ').replace("FULL", "FULL OUTER")
                            .replace("RIGHT", "RIGHT OUTER"))));
        }
        SqlNode on = j.getConditionType() == JoinConditionType.ON ? j.getCondition() : null;
        Dataset<Row> left = side(j.getLeft());
        CorrelatedSubquery correlated = new CorrelatedSubquery(planner, translator, qualifiers(j.getLeft()));
        if (!correlated.isCorrelated(query)) {
            Dataset<Row> rows = planner.query(query);
            List<String> names = columnNames(j.getRight());
            rows = names.isEmpty() ? rows : rows.toDF(names.toArray(new String[0]));
            String alias = qualifier(j.getRight());
            rows = j.getRight().getKind() == SqlKind.AS && alias != null ? rows.alias(alias) : rows;
            return on == null ? left.join(rows, functions.lit(true), type) : left.join(rows, translator.apply(on), type);
        }
        SqlSelect s = (SqlSelect) query;
        // an inner join's ON filters the joined rows, where it may name the subquery's alias (x.v)
        SqlNode filter = type.equals("inner") ? on : null;
        Dataset<Row> out = s.getFrom() != null && (on == null || filter != null) && correlated.isGlobalAggregate(s)
                ? correlated.joinAggregate(left, s, java.util.Collections.nCopies(s.getSelectList().size(), null))
                : correlated.isGlobalAggregate(s) ? null : correlated.joinRows(left, s, type, filter == null ? on : null);
        if (out != null && j.getRight().getKind() == SqlKind.AS) { // x.b names the subquery's column
            out = out.alias(qualifier(j.getRight()));
        }
        if (out != null && filter != null) {
            out = out.filter(translator.apply(filter));
        }
        if (out == null) {
            throw QueryShape.unsupported("this correlated LATERAL subquery (an aggregate must be correlated by "
                    + "equalities, without GROUP BY, LIMIT or DISTINCT)", query, planner.src());
        }
        return out;
    }

    /** The generator call {@code j} joins laterally to its left side ({@code t, LATERAL explode(t.arr)}), or null. */
    private TableFunctionCall lateralGenerator(SqlJoin j) {
        SqlNode right = j.getRight().getKind() == SqlKind.AS ? ((SqlBasicCall) j.getRight()).operand(0) : j.getRight();
        TableFunctionCall call = right instanceof SqlIdentifier id ? planner.tableFunction(id) : null;
        return call != null && call.isGenerator() && TableFunctionCall.joinsLaterally(j) ? call : null;
    }

    /** The column names {@code x AS t(a, b)} gives, or none. */
    private static List<String> columnNames(SqlNode n) {
        List<String> names = new ArrayList<>();
        if (n.getKind() == SqlKind.AS) {
            SqlBasicCall as = (SqlBasicCall) n;
            for (int i = 2; i < as.operandCount(); i++) {
                names.add(((SqlIdentifier) as.operand(i)).getSimple());
            }
        }
        return names;
    }

    /** NATURAL JOIN's columns: the left's names the right also has, in the left's order. */
    private static List<String> commonColumns(Dataset<Row> left, Dataset<Row> right) {
        List<String> common = new ArrayList<>();
        for (String l : left.columns()) {
            for (String r : right.columns()) {
                if (l.equalsIgnoreCase(r)) {
                    common.add(l);
                    break;
                }
            }
        }
        return common;
    }
}
