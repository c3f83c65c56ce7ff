package io.tideway.engine.sql;

import io.tideway.engine.expr.sql.FromClauseForms;
import io.tideway.engine.expr.sql.GroupByModifiers;
import io.tideway.engine.expr.sql.LateralViewClause;
import io.tideway.engine.expr.sql.SourceText;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSetOperator;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed {@code sql()} query as a Dataset, block by block: {@code WITH} names (in scope for the
 * body and for later WITH items, as Spark's CTEs), set operations ({@code UNION [ALL]},
 * {@code INTERSECT [ALL]}, {@code EXCEPT [ALL]}, by position as {@code Dataset.union} and Spark's
 * SQL), ORDER BY/LIMIT over a set operation (read as {@code SELECT * FROM (...) ORDER BY ...}),
 * and SELECT blocks ({@link SqlQueryTranslator}) whose FROM may name views, WITH names,
 * subqueries and joins ({@link FromClause}). Each block's {@code LATERAL VIEW}s are those written
 * after its FROM clause. One instance per {@code sql()} call; not shared between threads.
 */
final class SqlQueryPlanner {
    private final TidewaySession session;
    private final SourceText src;
    /** The WITH names in scope, lower-cased; saved and restored around each WITH. */
    private Map<String, Dataset<Row>> ctes = new HashMap<>();
    /** Every SELECT block's FROM-clause end (an offset into the user's text), to place LATERAL VIEWs. */
    private final List<Integer> fromEnds = new ArrayList<>();
    /** The text's semi and anti joins and inline tables, which Calcite saw as inner joins and names. */
    private final List<FromClauseForms.SemiJoin> semiJoins;
    private final List<FromClauseForms.InlineTable> inlineTables;
    private final List<FromClauseForms.TableFunction> tableFunctions;
    private final List<GroupByModifiers.Modifier> groupByModifiers;

    SqlQueryPlanner(TidewaySession session, SourceText src, SqlNode root) {
        this.session = session;
        this.src = src;
        this.semiJoins = FromClauseForms.semiJoins(src.original());
        this.inlineTables = FromClauseForms.inlineTables(src.original());
        this.tableFunctions = FromClauseForms.tableFunctions(src.original());
        this.groupByModifiers = GroupByModifiers.all(src.original());
        root.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlSelect s && s.getFrom() != null) {
                    fromEnds.add(end(s.getFrom()));
                }
                return super.visit(call);
            }
        });
    }

    SourceText src() {
        return src;
    }

    TidewaySession session() {
        return session;
    }

    /** Whether {@code n} is a query (a SELECT block, set operation, WITH or ordered query) rather than a relation's name. */
    static boolean isQuery(SqlNode n) {
        switch (n.getKind()) {
            case SELECT: case ORDER_BY: case UNION: case INTERSECT: case EXCEPT: case WITH:
                return true;
            default:
                return false;
        }
    }

    /** The rows {@code n} gives. */
    Dataset<Row> query(SqlNode n) {
        switch (n.getKind()) {
            case WITH:
                return with((SqlWith) n);
            case UNION: case INTERSECT: case EXCEPT:
                return setOperation((SqlCall) n);
            case ORDER_BY:
                SqlOrderBy o = (SqlOrderBy) n;
                if (!(o.query instanceof SqlSelect)) {
                    SqlParserPos pos = o.getParserPosition();
                    return block(new SqlSelect(pos, null, SqlNodeList.of(SqlIdentifier.star(pos)), o.query, null, null,
                            null, SqlNodeList.EMPTY, null, o.orderList, o.offset, o.fetch, null));
                }
                return block(n);
            default:
                return block(n);
        }
    }

    /** A view, an inline table, a table function's rows, or a WITH name in scope (which shadows a view of the same name, as in Spark). */
    Dataset<Row> table(SqlIdentifier id) {
        if (id.names.size() == 1) {
            int at = offset(id);
            for (FromClauseForms.InlineTable t : inlineTables) {
                if (t.start() == at) {
                    return InlineTables.of(session, src.original(), t);
                }
            }
            TableFunctionCall call = tableFunction(id);
            if (call != null) {
                return call.rows();
            }
            Dataset<Row> cte = ctes.get(id.getSimple().toLowerCase(Locale.ROOT));
            if (cte != null) {
                return cte;
            }
        }
        return session.table(String.join(".", id.names));
    }

    /** The table function call hidden behind the name {@code id} ({@code FROM range(10)}), or null. */
    TableFunctionCall tableFunction(SqlIdentifier id) {
        int at = offset(id);
        for (FromClauseForms.TableFunction f : tableFunctions) {
            if (f.start() == at && id.names.size() == 1) {
                return new TableFunctionCall(session, src.original(), f);
            }
        }
        return null;
    }

    /**
     * {@code select}'s GROUP BY items, read as {@code ROLLUP(...)} or {@code CUBE(...)} of them when
     * {@code WITH ROLLUP} ({@code WITH CUBE}) follows the list.
     */
    List<SqlNode> groupBy(SqlSelect select) {
        if (select.getGroup() == null || select.getGroup().isEmpty()) {
            return List.of();
        }
        List<SqlNode> items = select.getGroup().getList();
        int listEnd = end(items.get(items.size() - 1));
        for (GroupByModifiers.Modifier m : groupByModifiers) {
            if (m.start() >= listEnd && src.original().substring(listEnd, m.start()).isBlank()) {
                SqlParserPos pos = select.getGroup().getParserPosition();
                return List.of((m.rollup() ? SqlStdOperatorTable.ROLLUP : SqlStdOperatorTable.CUBE).createCall(pos, items));
            }
        }
        return items;
    }

    /** The LATERAL VIEWs written after {@code select}'s FROM clause (and before any later block's). */
    List<LateralViewClause> lateralViews(SqlSelect select, List<LateralViewClause> all) {
        List<LateralViewClause> mine = new ArrayList<>();
        if (select.getFrom() == null) {
            return mine;
        }
        int fromEnd = end(select.getFrom());
        for (LateralViewClause v : all) {
            int owner = -1;
            for (int e : fromEnds) {
                if (e <= v.clauseStart() && e > owner) {
                    owner = e;
                }
            }
            if (owner == fromEnd) {
                mine.add(v);
            }
        }
        return mine;
    }

    /** The Dataset join type of a semi or anti join whose JOIN word lies in {@code [from, to)}, or null. */
    String semiJoinType(SqlNode left, SqlNode right) {
        int from = end(left);
        int to = offset(right);
        for (FromClauseForms.SemiJoin j : semiJoins) {
            if (j.joinOffset() >= from && j.joinOffset() < to) {
                return j.joinType();
            }
        }
        return null;
    }

    private Dataset<Row> block(SqlNode n) {
        return new SqlQueryTranslator(this, QueryShape.of(n, src)).build();
    }

    private Dataset<Row> with(SqlWith w) {
        Map<String, Dataset<Row>> outer = ctes;
        ctes = new HashMap<>(outer);
        try {
            for (SqlNode item : w.withList) {
                SqlWithItem wi = (SqlWithItem) item;
                Dataset<Row> d = query(wi.query);
                if (wi.columnList != null && !wi.columnList.isEmpty()) {
                    List<String> names = new ArrayList<>();
                    wi.columnList.forEach(c -> names.add(((SqlIdentifier) c).getSimple()));
                    d = d.toDF(names.toArray(new String[0]));
                }
                ctes.put(wi.name.getSimple().toLowerCase(Locale.ROOT), d);
            }
            return query(w.body);
        } finally {
            ctes = outer;
        }
    }

    private Dataset<Row> setOperation(SqlCall c) {
        Dataset<Row> left = query(c.operand(0));
        Dataset<Row> right = query(c.operand(1));
        boolean all = ((SqlSetOperator) c.getOperator()).isAll();
        switch (c.getKind()) {
            case UNION:
                return all ? left.union(right) : left.union(right).distinct();
            case INTERSECT:
                return all ? left.intersectAll(right) : left.intersect(right);
            default:
                return all ? left.exceptAll(right) : left.except(right);
        }
    }

    private int offset(SqlNode n) {
        SqlParserPos pos = n.getParserPosition();
        return src.originalOffset(pos.getLineNum(), pos.getColumnNum());
    }

    private int end(SqlNode n) {
        SqlParserPos pos = n.getParserPosition();
        return src.originalOffset(pos.getEndLineNum(), pos.getEndColumnNum()) + 1;
    }
}
