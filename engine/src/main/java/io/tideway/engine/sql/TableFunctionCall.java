package io.tideway.engine.sql;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.CurrentOrigin;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.MultiAlias;
import io.tideway.engine.expr.Origin;
import io.tideway.engine.expr.sql.FromClauseForms;
import io.tideway.engine.expr.sql.SourceText;
import io.tideway.engine.expr.sql.SparkDialectParser;
import io.tideway.engine.expr.sql.SqlNodeTranslator;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Column;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.functions;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlSelect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A table-valued function in a FROM clause ({@link TableFunctions}): {@code FROM range(10)},
 * {@code FROM explode(array(1, 2)) AS t(x)}, and a generator joined to the relation before it,
 * {@code FROM t, LATERAL explode(t.arr) [AS e(x)]}, planned as Spark plans it, a {@code Generate}
 * over that relation's rows: every row's columns, then the generator's. The call is hidden from
 * Calcite behind a placeholder name ({@link FromClauseForms#tableFunctions}) and parsed here alone,
 * at its place in the query so that errors point where Spark's do. One instance per call; not
 * shared between threads.
 */
final class TableFunctionCall {
    private final TidewaySession session;
    private final SqlCall call;
    private final SqlNodeTranslator translator;
    private final Origin origin;

    TableFunctionCall(TidewaySession session, String sql, FromClauseForms.TableFunction f) {
        this.session = session;
        SparkDialectParser.Parsed parsed = SparkDialectParser.parse(SourceText.of(onlyCall(sql, f)), 16);
        this.call = (SqlCall) ((SqlSelect) parsed.node()).getSelectList().get(0);
        this.translator = new SqlNodeTranslator(parsed.src(), "sql()");
        this.origin = Origin.at(sql, f.start());
    }

    /** Whether the call is a generator rather than {@code range}. */
    boolean isGenerator() {
        return TableFunctions.isGenerator(name());
    }

    /** The call's rows, its arguments constants. */
    Dataset<Row> rows() {
        if (name().equalsIgnoreCase("range")) {
            List<Column> args = new ArrayList<>();
            call.getOperandList().forEach(a -> args.add(translator.translate(a)));
            return TableFunctions.range(session, args);
        }
        return TableFunctions.rows(session, generator());
    }

    /**
     * Whether {@code j} joins a generator call to the relation before it without a condition
     * ({@code t, LATERAL explode(t.arr)}, {@code t CROSS JOIN explode(...)}, {@code JOIN ... ON true}).
     */
    static boolean joinsLaterally(SqlJoin j) {
        switch (j.getJoinType()) {
            case INNER: case COMMA: case CROSS:
                break;
            default:
                return false;
        }
        return j.getConditionType() == JoinConditionType.NONE
                || j.getConditionType() == JoinConditionType.ON && j.getCondition() instanceof SqlLiteral l
                        && Boolean.TRUE.equals(l.getValue());
    }

    /** {@code left}'s rows, each with the rows the generator gives for it, its columns named {@code names} if any. */
    Dataset<Row> lateral(Dataset<Row> left, List<String> names) {
        Expression generator = generator();
        if (!names.isEmpty()) {
            generator = new MultiAlias(generator, names);
        }
        return left.select(functions.col("*"), new Column(generator));
    }

    private Expression generator() {
        String name = name();
        if (!TableFunctions.isGenerator(name)) {
            throw Unchecked.raise(new AnalysisException("UNRESOLVABLE_TABLE_VALUED_FUNCTION",
                    Map.of("name", ErrorParams.id(name)), origin));
        }
        List<Expression> args = new ArrayList<>();
        call.getOperandList().forEach(a -> args.add(translator.translate(a).expr()));
        return CurrentOrigin.withOrigin(origin, () -> TableFunctions.generator(name, args));
    }

    private String name() {
        return call.getOperator().getName();
    }

    /** The query's text with everything but the call blanked (line breaks kept). */
    private static String onlyCall(String sql, FromClauseForms.TableFunction f) {
        char[] c = sql.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if ((i < f.start() || i >= f.end()) && c[i] != '\n') {
                c[i] = ' ';
            }
        }
        return new String(c);
    }
}
