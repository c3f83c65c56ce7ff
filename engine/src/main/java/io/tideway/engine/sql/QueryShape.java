package io.tideway.engine.sql;

import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.sql.SourceText;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.catalyst.parser.ParseException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSelectKeyword;

import java.util.Map;

/**
 * One {@code SELECT} block of a parsed {@code sql()} statement, with its ORDER BY, OFFSET and
 * LIMIT; its FROM clause is read by {@link FromClause}. Building one rejects what Tideway cannot
 * run inside a block (subqueries in expressions, ...) with an
 * {@link AnalysisException} that names the construct and points at it. Immutable.
 *
 * @param select   the SELECT block
 * @param from     the FROM clause, or null for a query without FROM
 * @param qualifier the name columns may be qualified with ({@code t.v}) when FROM reads one relation:
 *                 its alias, else the view's name; null for a join
 * @param orderBy  the ORDER BY items, or null
 * @param offset   the OFFSET expression, or null
 * @param fetch    the LIMIT / FETCH expression, or null
 * @param distinct {@code SELECT DISTINCT}: the selected rows grouped by every column (Spark's
 *                 {@code ReplaceDistinctWithAggregate}, so on a stream it is an aggregation)
 */
record QueryShape(SqlSelect select, SqlNode from, String qualifier, SqlNodeList orderBy, SqlNode offset,
                  SqlNode fetch, boolean distinct) {

    static QueryShape of(SqlNode root, SourceText src) {
        SqlNodeList orderBy = null;
        SqlNode offset = null;
        SqlNode fetch = null;
        if (root instanceof SqlOrderBy o) {
            orderBy = o.orderList == null || o.orderList.isEmpty() ? null : o.orderList;
            offset = o.offset;
            fetch = o.fetch;
            root = o.query;
        }
        if (!(root instanceof SqlSelect select)) {
            throw unsupported(statementName(root), root, src);
        }
        if (select.getOrderList() != null && !select.getOrderList().isEmpty()) {
            orderBy = select.getOrderList();
        }
        offset = select.getOffset() != null ? select.getOffset() : offset;
        fetch = select.getFetch() != null ? select.getFetch() : fetch;
        boolean distinct = select.getModifierNode(SqlSelectKeyword.DISTINCT) != null;
        SqlNode stream = select.getModifierNode(SqlSelectKeyword.STREAM);
        if (stream != null) {
            throw unsupported("SELECT STREAM", stream, src);
        }
        if (select.getQualify() != null) {
            throw unsupported("QUALIFY", select.getQualify(), src);
        }
        SqlNode from = select.getFrom();
        String qualifier = from == null ? null : FromClause.qualifier(from);
        SubqueryScan scan = new SubqueryScan(src);
        scan.scanAllowingScalars(select.getSelectList());
        for (SqlNode conjunct : Subqueries.conjuncts(select.getWhere())) {
            if (Subqueries.predicate(conjunct) == null) { // IN/EXISTS (SELECT ...) conjuncts are semi and anti joins
                scan.scanAllowingScalars(conjunct);
            }
        }
        scan.scan(select.getGroup());
        scan.scan(select.getHaving());
        scan.scan(orderBy);
        scan.scan(offset);
        scan.scan(fetch);
        return new QueryShape(select, from, qualifier, orderBy, offset, fetch, distinct);
    }

    private static String statementName(SqlNode root) {
        switch (root.getKind()) {
            case UNION: case INTERSECT: case EXCEPT:
                return ((SqlCall) root).getOperator().getName();
            case WITH:
                return "WITH (common table expressions)";
            case VALUES:
                return "VALUES";
            case EXPLICIT_TABLE:
                return "TABLE";
            default:
                return "statements other than SELECT (" + root.getKind().sql.replace('_', ' ') + ")";
        }
    }

    /**
     * Throws Tideway's {@code UNSUPPORTED_FEATURE.SQL_QUERY} naming {@code what}, with Spark's caret
     * under {@code at}; declared to return so callers can write {@code throw}.
     */
    static RuntimeException unsupported(String what, SqlNode at, SourceText src) {
        int offset = src.originalOffset(at.getParserPosition().getLineNum(), at.getParserPosition().getColumnNum());
        throw Unchecked.raise(new ParseException("UNSUPPORTED_FEATURE.SQL_QUERY", Map.of("what", what), src.original(),
                offset, null));
    }

    /**
     * Finds subqueries inside the clauses' expressions: scalar subqueries are allowed in the
     * select list and WHERE ({@link Subqueries}), any other is refused.
     */
    private static final class SubqueryScan {
        private final SourceText src;
        private boolean scalarsAllowed;

        SubqueryScan(SourceText src) {
            this.src = src;
        }

        void scanAllowingScalars(SqlNode n) {
            scalarsAllowed = true;
            try {
                scan(n);
            } finally {
                scalarsAllowed = false;
            }
        }

        void scan(SqlNode n) {
            if (n == null) {
                return;
            }
            if (n instanceof SqlNodeList list) {
                list.forEach(this::scan);
                return;
            }
            switch (n.getKind()) {
                case SELECT: case ORDER_BY: case UNION: case INTERSECT: case EXCEPT: case WITH:
                    if (scalarsAllowed) {
                        return; // a scalar subquery, planned on its own
                    }
                    throw unsupported("subqueries", n, src);
                case VALUES:
                    throw unsupported("subqueries", n, src);
                case IN: case NOT_IN: case EXISTS:
                    for (SqlNode o : ((SqlCall) n).getOperandList()) {
                        if (o != null && SqlQueryPlanner.isQuery(o)) { // not a conjunct of WHERE
                            throw unsupported("subqueries", o, src);
                        }
                    }
                    break;
                default:
                    break;
            }
            if (n instanceof SqlCall c) {
                c.getOperandList().forEach(this::scan);
            }
        }
    }
}
