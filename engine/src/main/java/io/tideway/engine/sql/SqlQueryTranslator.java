package io.tideway.engine.sql;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.MultiAlias;
import io.tideway.engine.expr.UnresolvedAttribute;
import io.tideway.engine.expr.sql.SourceText;
import io.tideway.engine.expr.sql.SparkClauses;
import io.tideway.engine.expr.sql.SparkDialectParser;
import io.tideway.engine.expr.sql.SqlNodeTranslator;
import io.tideway.engine.expr.sql.SyntaxErrors;
import io.tideway.engine.plan.AggregatePlanner;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.plan.Project;
import io.tideway.engine.plan.Qualifiers;
import io.tideway.engine.plan.Resolver;
import io.tideway.engine.plan.Sort;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Column;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.functions;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.SqlNumericLiteral;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The engine behind {@code TidewaySession.sql}: parses the query with Calcite read like Spark
 * ({@link SparkDialectParser}, the same parser, reserved-word retry and syntax errors as
 * {@code expr()}); {@link SqlQueryPlanner} takes WITH and set operations, and each SELECT block
 * is built here from Dataset operations on its FROM clause ({@link FromClause}: views, WITH
 * names, subqueries, joins):
 * {@code filter} for WHERE, {@code groupBy(...).agg(...)} for GROUP BY and aggregates (see
 * {@link AggregateRewriter}), {@code filter} on the aggregate for HAVING, {@code select} for the
 * select list, after the FROM view's {@code LATERAL VIEW}s ({@link LateralViews}). Expressions
 * translate as in {@code expr()} ({@link SqlNodeTranslator}), so output
 * columns carry the DataFrame API's names ({@code count(1)}, {@code sum(v)}, aliases).
 *
 * <p>Spark's resolution rules that are followed: ORDER BY and GROUP BY positions ({@code ORDER BY 2}),
 * GROUP BY and HAVING on select-list aliases, ORDER BY on select-list names first and input
 * columns or expressions second, columns qualified by the view's name or alias ({@code t.v}; in a
 * join, by either side's).
 *
 * <p>Over a batch view, ORDER BY, OFFSET and LIMIT collect the rows and return a static snapshot
 * ({@link BatchRowSorter}). Over a streaming view, ORDER BY and LIMIT become {@link Sort} and
 * {@code Limit} nodes that {@code start()} checks as Spark does (allowed above an aggregation in
 * Complete mode); OFFSET is rejected when {@code sql()} is called.
 * A query without ORDER BY/LIMIT over a streaming view returns a streaming Dataset.
 *
 * <p>Unsupported, each an {@link AnalysisException} naming it: subqueries inside expressions
 * ({@code IN (SELECT ...)}, {@code EXISTS}, scalar subqueries). GROUP BY takes ROLLUP, CUBE and
 * GROUPING SETS ({@link GroupingSetsClause}). Stateless entry point; one translator per SELECT block, so any thread may
 * call it.
 */
public final class SqlQueryTranslator {
    /** Queries repeat reserved column names ({@code value}, {@code count}) more than single expressions do. */
    private static final int MAX_ESCAPES = 64;

    private final TidewaySession session;
    private final QueryShape shape;
    private final SqlNodeTranslator translator;
    private final QualifierStripper stripper;
    private final SourceText src;
    private final LateralViews lateralViews;
    private final FromClause from;
    private final SqlQueryPlanner planner;

    SqlQueryTranslator(SqlQueryPlanner planner, QueryShape shape) {
        this.session = planner.session();
        this.planner = planner;
        this.shape = shape;
        this.src = planner.src();
        this.translator = new SqlNodeTranslator(src, "sql()");
        this.translator.defineWindows(shape.select().getWindowList());
        this.lateralViews = new LateralViews(src.original(), all -> planner.lateralViews(shape.select(), all));
        this.stripper = new QualifierStripper(shape.qualifier(), lateralViews.tables());
        this.from = new FromClause(planner, n -> translator.translate(stripper.strip(n)));
    }

    /** Runs {@code sql} over the session's temporary views; see the class comment for what is supported. */
    public static Dataset<Row> translate(TidewaySession session, String sql) {
        if (sql == null || sql.isBlank()) {
            throw SyntaxErrors.emptyStatement(sql);
        }
        String text = sql.stripTrailing();
        text = text.endsWith(";") ? text.substring(0, text.length() - 1) : sql;
        Dataset<Row> command = SqlCommands.run(session, text);
        if (command != null) {
            return command;
        }
        SparkDialectParser.Parsed parsed = SparkDialectParser.parse(SourceText.ofQuery(text), MAX_ESCAPES);
        return new SqlQueryPlanner(session, parsed.src(), parsed.node()).query(parsed.node());
    }

    /** The block's rows. */
    Dataset<Row> build() {
        Dataset<Row> in = shape.from() == null ? oneRow() : from.relation(shape.from());
        in = lateralViews.apply(in, stripper);
        Subqueries subqueries = new Subqueries(planner, n -> translator.translate(stripper.strip(n)), translator::translate,
                shape.qualifier(), FromClause.qualifiers(shape.from()));
        List<SqlNode> conditions = new ArrayList<>();
        for (SqlNode c : Subqueries.conjuncts(shape.select().getWhere())) {
            Subqueries.Predicate p = Subqueries.predicate(c);
            if (p != null) {
                in = subqueries.semiJoin(in, p);
            } else {
                conditions.add(subqueries.replaceScalars(c));
            }
        }
        SqlNodeList selectList = (SqlNodeList) subqueries.replaceScalars(shape.select().getSelectList());
        in = subqueries.joinScalars(in);
        List<SelectItem> items = items(in, selectList);
        in = where(in, conditions);
        OrderByResolver orderBy = new OrderByResolver(items, translator, stripper);
        List<SortKey> keys = orderBy.resolve(shape.orderBy());
        List<Expression> hidden = orderBy.hidden();
        List<Column> cols = new ArrayList<>();
        Dataset<Row> base;
        boolean grouped = shape.select().getGroup() != null || shape.select().getHaving() != null
                || items.stream().anyMatch(i -> hasAggregate(i.expr()));
        if (grouped) {
            GroupingSetsClause groupBy = groupBy(items, in);
            AggregateRewriter agg = new AggregateRewriter(in, groupBy.keys(), groupBy.sets());
            Expression having = having(items, in);
            items.forEach(i -> agg.register(i.expr()));
            if (having != null) {
                agg.register(having);
            }
            hidden.forEach(agg::register);
            base = having == null ? agg.aggregate() : agg.aggregate().filter(agg.rewrite(having));
            for (SelectItem i : items) {
                cols.add(i.alias() == null ? agg.rewrite(i.expr()) : agg.rewrite(i.expr()).as(i.alias()));
            }
            hidden.forEach(h -> cols.add(agg.rewrite(h)));
        } else {
            base = in;
            items.forEach(i -> cols.add(i.column()));
            hidden.forEach(h -> cols.add(new Column(h)));
        }
        Dataset<Row> result = base.select(cols.toArray(new Column[0]));
        if (shape.distinct()) {
            result = distinct(result, hidden.size());
        }
        long offset = rowCount(shape.offset(), "offset");
        long limit = rowCount(shape.fetch(), "limit");
        if (keys.isEmpty() && offset <= 0 && limit < 0) {
            return result;
        }
        if (result.isStreaming() && offset <= 0) {
            Dataset<Row> sorted = keys.isEmpty() ? result : sortedStream(result, items.size(), keys);
            return limit < 0 ? sorted : Dataset.ofRows(session, io.tideway.engine.plan.Limit.of((int) limit, sorted.logicalPlan()));
        }
        rejectStreaming(result, offset);
        return BatchRowSorter.sort(session, result, items.size(), keys, Math.max(offset, 0), limit);
    }

    /**
     * {@code SELECT DISTINCT}: the selected rows grouped by all their columns, as Spark's optimizer
     * rewrites it; a column ORDER BY adds that is not selected would change which rows are
     * distinct, so Spark refuses it, and so does this.
     */
    private Dataset<Row> distinct(Dataset<Row> selected, int hiddenColumns) {
        if (hiddenColumns > 0) {
            throw Unchecked.raise(new AnalysisException("Tideway's sql() orders SELECT DISTINCT rows only by selected columns"));
        }
        List<Column> all = new ArrayList<>();
        for (String c : selected.columns()) {
            all.add(selected.col(c));
        }
        return Dataset.ofRows(session, AggregatePlanner.aggregate(all, List.of(), selected.logicalPlan()));
    }

    /** A query without FROM reads one row with no columns, as {@code SELECT 1} does in Spark. */
    private Dataset<Row> oneRow() {
        return session.createDataFrame(List.of(RowFactory.create()), new StructType());
    }

    private List<SelectItem> items(Dataset<Row> in, SqlNodeList selectList) {
        List<SelectItem> items = new ArrayList<>();
        List<SparkClauses.MultiAlias> multiAliases = SparkClauses.multiAliases(src.original());
        for (SqlNode raw : selectList) {
            SqlNode n = stripper.strip(raw);
            List<String> names = multiAlias(multiAliases, raw);
            if (names != null) { // gen(a) AS (x, y), which SourceText hid from Calcite
                items.add(new SelectItem(new MultiAlias(translator.translate(n).expr(), names), null, null));
                continue;
            }
            String alias = null;
            if (n.getKind() == SqlKind.AS) {
                alias = ((SqlIdentifier) ((SqlBasicCall) n).operand(1)).getSimple();
                n = ((SqlBasicCall) n).operand(0);
            }
            if (n instanceof SqlIdentifier id && id.isStar() && id.names.size() == 1 && alias == null) {
                String[] fields = in.schema().fieldNames();
                for (int i = 0; i < fields.length; i++) {
                    if (Subqueries.isPlaceholder(fields[i])) {
                        continue;
                    }
                    // a join's output may repeat a name (a.id, b.id): each column by its place, as Spark's star
                    Expression e = repeated(fields, i) ? Resolver.reference(in.schema(), i) : functions.col(fields[i]).expr();
                    items.add(new SelectItem(e, null, fields[i]));
                }
                continue;
            }
            if (n instanceof SqlIdentifier id && id.isStar() && id.names.size() == 2 && alias == null) {
                List<Integer> ordinals = Qualifiers.starOrdinals(in.logicalPlan(), id.names.get(0));
                if (ordinals != null) { // u.* over a join: u's columns, each its own item (ORDER BY 2 counts them)
                    ordinals.forEach(i -> items.add(new SelectItem(Resolver.reference(in.schema(), i), null,
                            in.schema().apply(i).name())));
                    continue;
                }
            }
            String name = alias != null ? alias
                    : n instanceof SqlIdentifier id && !id.isStar() ? id.names.get(id.names.size() - 1) : null;
            items.add(new SelectItem(Subqueries.bind(translator.translate(n).expr(), in.schema()), alias, name));
        }
        return items;
    }

    private static boolean repeated(String[] names, int i) {
        for (int j = 0; j < names.length; j++) {
            if (j != i && names[j].equalsIgnoreCase(names[i])) {
                return true;
            }
        }
        return false;
    }

    /** The names {@code AS (a, b)} gives the select item {@code item}, or null. */
    private List<String> multiAlias(List<SparkClauses.MultiAlias> aliases, SqlNode item) {
        org.apache.calcite.sql.parser.SqlParserPos pos = item.getParserPosition();
        int end = src.originalOffset(pos.getEndLineNum(), pos.getEndColumnNum()) + 1;
        for (SparkClauses.MultiAlias a : aliases) {
            if (a.exprEnd() == end) {
                return a.names();
            }
        }
        return null;
    }

    /** WHERE's conjuncts but its subquery predicates (already joined), as one filter. */
    private Dataset<Row> where(Dataset<Row> in, List<SqlNode> conjuncts) {
        if (conjuncts.isEmpty()) {
            return in;
        }
        SqlNode where = conjuncts.get(0);
        for (int i = 1; i < conjuncts.size(); i++) {
            where = SqlStdOperatorTable.AND.createCall(where.getParserPosition(), where, conjuncts.get(i));
        }
        Column condition = new Column(Subqueries.bind(translator.translate(stripper.strip(where)).expr(), in.schema()));
        if (hasAggregate(condition.expr())) {
            StringJoiner found = new StringJoiner(", ");
            condition.expr().exists(e -> {
                if (e instanceof AggregateFunction f) {
                    found.add(f.sql());
                }
                return false;
            });
            throw Unchecked.raise(new AnalysisException("INVALID_WHERE_CONDITION", Map.of(
                    "condition", ErrorParams.expr(condition.expr().sql()), "expressionList", found.toString())));
        }
        return in.filter(condition);
    }

    /** GROUP BY items, with their ROLLUP, CUBE or GROUPING SETS. */
    private GroupingSetsClause groupBy(List<SelectItem> items, Dataset<Row> in) {
        return GroupingSetsClause.of(planner.groupBy(shape.select()), raw -> groupColumn(stripper.strip(raw), items, in));
    }

    /** One GROUP BY expression: a position or a select-list alias stands for that item's expression. */
    private Column groupColumn(SqlNode n, List<SelectItem> items, Dataset<Row> in) {
        Integer position = SelectItem.position(n);
        if (position != null) {
            SelectItem item = SelectItem.at(items, position, "GROUP_BY_POS_OUT_OF_RANGE", "GROUP BY");
            if (hasAggregate(item.expr())) {
                throw Unchecked.raise(new AnalysisException("GROUP_BY_POS_AGGREGATE",
                        Map.of("index", String.valueOf(position), "aggExpr", item.expr().sql())));
            }
            return new Column(item.expr());
        }
        SelectItem aliased = n instanceof SqlIdentifier id && id.names.size() == 1 && !id.isStar()
                && in.schema().indexOf(id.getSimple()) < 0 ? SelectItem.aliased(items, id.getSimple()) : null;
        return aliased != null ? new Column(aliased.expr()) : translator.translate(n);
    }

    /** HAVING, with names the view lacks read as select-list aliases ({@code HAVING n > 1}). */
    private Expression having(List<SelectItem> items, Dataset<Row> in) {
        SqlNode having = stripper.strip(shape.select().getHaving());
        if (having == null) {
            return null;
        }
        return translator.translate(having).expr().transformUp(e -> {
            if (e instanceof UnresolvedAttribute a && !a.isStar() && in.schema().indexOf(a.name()) < 0) {
                SelectItem item = SelectItem.aliased(items, a.name());
                return item == null ? e : item.expr();
            }
            return e;
        });
    }

    /** Whether {@code e} aggregates its group: an aggregate that is not computed over a window. */
    private static boolean hasAggregate(Expression e) {
        if (e instanceof io.tideway.engine.expr.window.WindowExpression) {
            return false;
        }
        return e instanceof AggregateFunction || e.children().stream().anyMatch(SqlQueryTranslator::hasAggregate);
    }

    /** OFFSET or LIMIT as a row count; -1 when absent. */
    private static long rowCount(SqlNode n, String what) {
        if (n == null) {
            return -1;
        }
        if (n instanceof SqlNumericLiteral num && num.isExact() && num.bigDecimalValue().scale() <= 0) {
            long v = num.bigDecimalValue().longValue();
            if (v < 0) {
                throw Unchecked.raise(new AnalysisException("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE",
                        Map.of("expr", ErrorParams.expr(String.valueOf(v)), "name", what, "v", String.valueOf(v))));
            }
            return v;
        }
        throw Unchecked.raise(new AnalysisException("INVALID_LIMIT_LIKE_EXPRESSION.IS_UNFOLDABLE",
                Map.of("expr", ErrorParams.expr(n.toString()), "name", what)));
    }

    /**
     * ORDER BY over a streaming view: a {@link Sort} node that {@code start()} refuses as Spark
     * does, not an error when {@code sql()} is called. Sort keys not in the select list are
     * projected away above it, as Spark's analyzer does.
     */
    private Dataset<Row> sortedStream(Dataset<Row> result, int visible, List<SortKey> keys) {
        List<Sort.Order> orders = new ArrayList<>();
        keys.forEach(k -> orders.add(new Sort.Order(k.ordinal(), k.descending(), k.nullsFirst())));
        LogicalPlan sorted = new Sort(orders, result.logicalPlan());
        StructType schema = sorted.schema();
        if (visible < schema.length()) {
            List<Expression> kept = new ArrayList<>();
            for (int i = 0; i < visible; i++) {
                StructField f = schema.apply(i);
                kept.add(new BoundReference(i, f.dataType(), f.nullable(), f.name(), f.metadata()));
            }
            sorted = new Project(kept, sorted);
        }
        return Dataset.ofRows(session, sorted);
    }

    /** OFFSET over a streaming view, which Tideway refuses when {@code sql()} is called (Spark at {@code start()}). */
    private static void rejectStreaming(Dataset<Row> result, long offset) {
        if (result.isStreaming() && offset > 0) {
            throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_3102",
                    Map.of("msg", "Offset is not supported on streaming DataFrames/Datasets")));
        }
    }
}
