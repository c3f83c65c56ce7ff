package io.tideway.engine.sql;

import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.sql.SourceText;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.catalyst.parser.ParseException;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSelectKeyword;

import java.util.Locale;
import java.util.Map;

/**
 * The parts of a parsed {@code sql()} statement that Tideway can run: one {@code SELECT} over at
 * most one temporary view, with its ORDER BY, OFFSET and LIMIT. Building one rejects everything
 * else (joins, subqueries, set operations, ...) with an
 * {@link AnalysisException} that names the construct and points at it. Immutable.
 *
 * @param select   the SELECT block
 * @param table    the view read, or null for a query without FROM
 * @param qualifier the name columns may be qualified with ({@code t.v}): the view's alias, else its name
 * @param orderBy  the ORDER BY items, or null
 * @param offset   the OFFSET expression, or null
 * @param fetch    the LIMIT / FETCH expression, or null
 * @param distinct {@code SELECT DISTINCT}: the selected rows grouped by every column (Spark's
 *                 {@code ReplaceDistinctWithAggregate}, so on a stream it is an aggregation)
 */
record QueryShape(SqlSelect select, SqlIdentifier table, String qualifier, SqlNodeList orderBy, SqlNode offset,
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
        SqlIdentifier table = null;
        String qualifier = null;
        SqlNode from = select.getFrom();
        if (from != null) {
            SqlNode target = from;
            if (from.getKind() == SqlKind.AS) {
                SqlBasicCall as = (SqlBasicCall) from;
                target = as.operand(0);
                if (target instanceof SqlIdentifier && as.operandCount() > 2) {
                    throw unsupported("column aliases on a view (t AS x(a, b))", as.operand(2), src);
                }
                qualifier = ((SqlIdentifier) as.operand(1)).getSimple();
            }
            if (!(target instanceof SqlIdentifier id)) {
                throw unsupported(fromName(target), target, src);
            }
            table = id;
            qualifier = qualifier != null ? qualifier : id.names.get(id.names.size() - 1);
        }
        SubqueryScan scan = new SubqueryScan(src);
        scan.scan(select.getSelectList());
        scan.scan(select.getWhere());
        scan.scan(select.getGroup());
        scan.scan(select.getHaving());
        scan.scan(orderBy);
        scan.scan(offset);
        scan.scan(fetch);
        return new QueryShape(select, table, qualifier, orderBy, offset, fetch, distinct);
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

    private static String fromName(SqlNode from) {
        if (from instanceof SqlJoin j) {
            return j.getJoinType().name().equals("COMMA") ? "JOIN (FROM a, b)" : "JOIN";
        }
        switch (from.getKind()) {
            case SELECT: case ORDER_BY: case UNION: case INTERSECT: case EXCEPT: case WITH:
                return "subqueries in FROM";
            default:
                return from.getKind().sql.replace('_', ' ').toUpperCase(Locale.ROOT) + " in FROM";
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

    /** Finds subqueries inside the clauses' expressions. */
    private static final class SubqueryScan {
        private final SourceText src;

        SubqueryScan(SourceText src) {
            this.src = src;
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
                case SELECT: case ORDER_BY: case UNION: case INTERSECT: case EXCEPT: case WITH: case VALUES:
                    throw unsupported("subqueries", n, src);
                case ROLLUP: case CUBE: case GROUPING_SETS:
                    throw unsupported(n.getKind().sql.replace('_', ' '), n, src);
                default:
                    break;
            }
            if (n instanceof SqlCall c) {
                c.getOperandList().forEach(this::scan);
            }
        }
    }
}
