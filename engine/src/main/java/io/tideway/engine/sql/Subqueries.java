package io.tideway.engine.sql;

import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Origin;
import io.tideway.engine.expr.UnresolvedAttribute;
import io.tideway.engine.plan.Resolver;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Column;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.functions;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;
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
import java.util.Map;
import java.util.function.Function;

/**
 * Uncorrelated subqueries in a SELECT block, planned as joins the way Spark's optimizer rewrites
 * them: a WHERE conjunct {@code x IN (SELECT y ...)} is a left semi join on {@code x = y},
 * {@code EXISTS (SELECT ...)} a semi join without a condition, their negations anti joins
 * ({@code NOT IN} null-aware: on {@code x = y OR isnull(x = y)}, so a null on either side keeps no
 * row, as SQL's three-valued NOT IN); a scalar subquery {@code (SELECT max(v) FROM t)} in the
 * select list or WHERE is a left outer join with its one row, read as the column
 * {@code scalarsubquery()}. A correlated {@code [NOT] EXISTS} whose WHERE names the outer
 * relation ({@code o.k}) joins on those conjuncts; a correlated scalar subquery (an aggregate
 * whose WHERE equates outer and inner columns) is decorrelated by {@link CorrelatedSubquery}. A
 * scalar subquery must be an aggregate without GROUP BY (one row always), and other subqueries
 * may not read the outer query's columns; either is refused by name. One
 * instance per SELECT block; not shared between threads.
 */
final class Subqueries {
    /** Placeholders for scalar subqueries in the translated text: {@code __scalarsubquery_<n>}. */
    private static final String PLACEHOLDER = "__scalarsubquery_";

    /** A WHERE conjunct that is an IN or EXISTS subquery: {@code left} is null for EXISTS. */
    record Predicate(SqlNode left, SqlNode query, boolean negated) {
    }

    private final SqlQueryPlanner planner;
    private final Function<SqlNode, Column> translator;
    private final Function<SqlNode, Column> qualifiedTranslator;
    private final String outerQualifier;
    private final List<SqlNode> scalars = new ArrayList<>();
    private final CorrelatedSubquery correlated;

    /**
     * @param translator          translates the block's expressions (its own qualifier dropped)
     * @param qualifiedTranslator translates keeping every qualifier, for correlation conditions
     * @param outerQualifier      the name the block's one FROM relation is known by, or null (a join)
     * @param outerQualifiers     the names of every relation of the block's FROM, lower-cased
     */
    Subqueries(SqlQueryPlanner planner, Function<SqlNode, Column> translator, Function<SqlNode, Column> qualifiedTranslator,
               String outerQualifier, java.util.Set<String> outerQualifiers) {
        this.correlated = new CorrelatedSubquery(planner, translator, outerQualifiers);
        this.planner = planner;
        this.translator = translator;
        this.qualifiedTranslator = qualifiedTranslator;
        this.outerQualifier = outerQualifier;
    }

    /** The AND-ed conjuncts of {@code where} (none for null). */
    static List<SqlNode> conjuncts(SqlNode where) {
        List<SqlNode> out = new ArrayList<>();
        if (where == null) {
            return out;
        }
        if (where.getKind() == SqlKind.AND) {
            ((SqlCall) where).getOperandList().forEach(o -> out.addAll(conjuncts(o)));
        } else {
            out.add(where);
        }
        return out;
    }

    /** The subquery predicate {@code conjunct} is, or null. */
    static Predicate predicate(SqlNode conjunct) {
        boolean negated = false;
        SqlNode n = conjunct;
        if (n.getKind() == SqlKind.NOT && ((SqlCall) n).operand(0).getKind() == SqlKind.EXISTS) {
            negated = true;
            n = ((SqlCall) n).operand(0);
        }
        if (n.getKind() == SqlKind.EXISTS && SqlQueryPlanner.isQuery(((SqlCall) n).operand(0))) {
            return new Predicate(null, ((SqlCall) n).operand(0), negated);
        }
        if ((n.getKind() == SqlKind.IN || n.getKind() == SqlKind.NOT_IN) && SqlQueryPlanner.isQuery(((SqlCall) n).operand(1))) {
            return new Predicate(((SqlCall) n).operand(0), ((SqlCall) n).operand(1), n.getKind() == SqlKind.NOT_IN);
        }
        return null;
    }

    /** {@code in} semi- or anti-joined with the predicate's subquery. */
    Dataset<Row> semiJoin(Dataset<Row> in, Predicate p) {
        String type = p.negated() ? "left_anti" : "left_semi";
        if (p.left() == null) {
            Dataset<Row> correlated = correlatedExists(in, p.query(), type);
            if (correlated != null) {
                return correlated;
            }
        }
        Dataset<Row> sub = uncorrelated(p.query(), in);
        if (p.left() == null) {
            return in.join(sub, functions.lit(true), type);
        }
        List<SqlNode> left = p.left().getKind() == SqlKind.ROW ? ((SqlCall) p.left()).getOperandList() : List.of(p.left());
        String[] right = sub.columns();
        if (left.size() != right.length) {
            throw Unchecked.raise(new AnalysisException("Tideway's sql(): IN compares " + left.size()
                    + " value(s) with a subquery of " + right.length + " column(s)"));
        }
        Column condition = null;
        for (int i = 0; i < right.length; i++) {
            // the outer value resolved against the outer rows alone (a name both sides have is the outer's), so
            // its ordinals are the join's left side's
            Column outer = new Column(Resolver.resolve(translator.apply(left.get(i)).expr(), in.logicalPlan()));
            Column eq = outer.equalTo(sub.col(right[i]));
            Column term = p.negated() ? eq.or(functions.isnull(eq)) : eq;
            condition = condition == null ? term : condition.and(term);
        }
        return in.join(sub, condition, type);
    }

    /**
     * A correlated {@code [NOT] EXISTS (SELECT ... FROM t x WHERE x.k = o.k AND ...)}, where
     * {@code o} is the outer relation's name: the WHERE conjuncts that name {@code o} become the
     * condition of a semi (anti) join between the outer rows and the subquery's FROM filtered by
     * the other conjuncts, as Spark's {@code RewritePredicateSubquery}; null when the subquery
     * names no outer column this way.
     */
    private Dataset<Row> correlatedExists(Dataset<Row> in, SqlNode query, String type) {
        if (outerQualifier == null || !(query instanceof SqlSelect s) || s.getWhere() == null || s.getFrom() == null
                || s.getGroup() != null || s.getHaving() != null) {
            return null;
        }
        List<SqlNode> inner = new ArrayList<>();
        List<SqlNode> correlation = new ArrayList<>();
        for (SqlNode c : conjuncts(s.getWhere())) {
            (namesOuter(c) ? correlation : inner).add(c);
        }
        if (correlation.isEmpty()) {
            return null;
        }
        SqlParserPos pos = s.getParserPosition();
        SqlSelect rows = new SqlSelect(pos, null, SqlNodeList.of(SqlIdentifier.star(pos)), s.getFrom(), and(inner), null,
                null, SqlNodeList.EMPTY, null, null, null, null, null);
        Dataset<Row> sub = planner.query(rows);
        String subQualifier = FromClause.qualifier(s.getFrom());
        sub = subQualifier == null ? sub : sub.alias(subQualifier);
        return in.alias(outerQualifier).join(sub, qualifiedTranslator.apply(and(correlation)), type);
    }

    private boolean namesOuter(SqlNode n) {
        boolean[] found = new boolean[1];
        n.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlIdentifier id) {
                found[0] |= id.names.size() >= 2 && id.names.get(0).equalsIgnoreCase(outerQualifier);
                return id;
            }
        });
        return found[0];
    }

    private static SqlNode and(List<SqlNode> conjuncts) {
        SqlNode out = null;
        for (SqlNode c : conjuncts) {
            out = out == null ? c : SqlStdOperatorTable.AND.createCall(c.getParserPosition(), out, c);
        }
        return out;
    }

    /** {@code n} with its scalar subqueries replaced by placeholders that {@link #bind} resolves. */
    SqlNode replaceScalars(SqlNode n) {
        return n == null ? null : n.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                if (SqlQueryPlanner.isQuery(call)) {
                    scalars.add(call);
                    return new SqlIdentifier(PLACEHOLDER + (scalars.size() - 1), call.getParserPosition());
                }
                return super.visit(call);
            }
        });
    }

    /** {@code in} left-outer-joined with the one row of each scalar subquery found so far. */
    Dataset<Row> joinScalars(Dataset<Row> in) {
        for (int i = 0; i < scalars.size(); i++) {
            if (correlated.isCorrelated(scalars.get(i))) {
                in = joinCorrelated(in, (SqlSelect) scalars.get(i), i);
                continue;
            }
            Dataset<Row> sub = uncorrelated(scalars.get(i), in);
            if (sub.columns().length != 1) {
                SqlParserPos pos = scalars.get(i).getParserPosition();
                throw Unchecked.raise(new AnalysisException("INVALID_SUBQUERY_EXPRESSION.SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN",
                        Map.of("number", String.valueOf(sub.columns().length)), Origin.at(planner.src().original(),
                                planner.src().originalOffset(pos.getLineNum(), pos.getColumnNum()))));
            }
            if (!isGlobalAggregate(scalars.get(i))) {
                throw QueryShape.unsupported("scalar subqueries other than an aggregate without GROUP BY", scalars.get(i),
                        planner.src());
            }
            in = in.join(sub.select(sub.col(sub.columns()[0]).as(PLACEHOLDER + i)), functions.lit(true), "left_outer");
        }
        return in;
    }

    /**
     * {@code in} with the values of the correlated scalar subquery {@code s}, an aggregate without
     * GROUP BY over rows correlated by equalities (Spark's {@code RewriteCorrelatedScalarSubquery});
     * any other correlated scalar subquery is refused by name.
     */
    private Dataset<Row> joinCorrelated(Dataset<Row> in, SqlSelect s, int i) {
        Dataset<Row> joined = s.getSelectList().size() == 1 && correlated.isGlobalAggregate(s)
                ? correlated.joinAggregate(in, s, List.of(PLACEHOLDER + i + "(" + String.join(", ", correlated.outerNames(s)) + ")"))
                : null;
        if (joined == null) {
            throw QueryShape.unsupported("correlated scalar subqueries other than an aggregate without GROUP BY "
                    + "whose correlation is equalities", s, planner.src());
        }
        return joined;
    }

    /** Whether {@code name} is a placeholder's column, which {@code SELECT *} does not show. */
    static boolean isPlaceholder(String name) {
        return name.startsWith(PLACEHOLDER);
    }

    /**
     * {@code e} with placeholders bound to their columns of {@code input}, named as Spark's:
     * {@code scalarsubquery()}, or {@code scalarsubquery(k)} with the outer columns a correlated one
     * reads (which its column's name carries after the placeholder).
     */
    static Expression bind(Expression e, StructType input) {
        return e.transformUp(x -> {
            if (x instanceof UnresolvedAttribute a && isPlaceholder(a.name())) {
                for (int i = 0; i < input.length(); i++) {
                    StructField f = input.apply(i);
                    if (f.name().equals(a.name()) || f.name().startsWith(a.name() + "(")) {
                        String outer = f.name().substring(a.name().length());
                        return new BoundReference(i, f.dataType(), true, "scalarsubquery" + (outer.isEmpty() ? "()" : outer),
                                f.metadata());
                    }
                }
            }
            return x;
        });
    }

    /** The subquery's rows; one that reads the outer query's columns is refused as correlated. */
    private Dataset<Row> uncorrelated(SqlNode query, Dataset<Row> outer) {
        try {
            return planner.query(query);
        } catch (Exception e) { // AnalysisException is raised undeclared
            throw correlated(e, query, outer);
        }
    }

    /** Rethrows {@code e}, as Tideway's refusal of correlated subqueries when it names an outer column; declared to return so callers can write {@code throw}. */
    private RuntimeException correlated(Exception e, SqlNode query, Dataset<Row> outer) {
        if (e instanceof AnalysisException a && a.getCondition() != null && a.getCondition().startsWith("UNRESOLVED_COLUMN")
                && a.getMessageParameters().get("objectName") != null
                && resolves(a.getMessageParameters().get("objectName"), outer)) {
            throw QueryShape.unsupported("correlated subqueries (a subquery that reads the outer query's columns)",
                    query, planner.src());
        }
        throw Unchecked.raise(e);
    }

    private boolean resolves(String quotedName, Dataset<Row> outer) {
        String name = quotedName.replace("`", "");
        if (outerQualifier != null && name.toLowerCase(java.util.Locale.ROOT).startsWith(outerQualifier.toLowerCase(java.util.Locale.ROOT) + ".")) {
            return true;
        }
        try {
            outer.select(functions.col(name)).schema();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private boolean isGlobalAggregate(SqlNode query) {
        if (!(query instanceof SqlSelect s) || s.getGroup() != null || s.getSelectList().size() != 1) {
            return false;
        }
        SqlNode item = s.getSelectList().get(0);
        item = item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
        try {
            return translator.apply(item).expr().exists(x -> x instanceof AggregateFunction);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
