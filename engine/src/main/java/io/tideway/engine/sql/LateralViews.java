package io.tideway.engine.sql;

import io.tideway.engine.expr.CurrentOrigin;
import io.tideway.engine.expr.Explode;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Inline;
import io.tideway.engine.expr.MultiAlias;
import io.tideway.engine.expr.Origin;
import io.tideway.engine.expr.sql.SourceText;
import io.tideway.engine.expr.sql.LateralViewClause;
import io.tideway.engine.expr.sql.SparkDialectParser;
import io.tideway.engine.expr.sql.SqlNodeTranslator;
import io.tideway.sql.Column;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.functions;
import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.fn.FunctionRegistry;
import io.tideway.sql.AnalysisException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A query's {@code LATERAL VIEW [OUTER] gen(...) t [AS] c1, c2} clauses ({@link LateralViewClause}
 * reads them, and they are hidden from Calcite), applied in order to the FROM relation before WHERE, as
 * Spark's {@code Generate}: every input column, then the generator's columns, named {@code c1, c2}
 * or by the generator. {@code OUTER} keeps a row whose generator gives none ({@code explode_outer}).
 * Over a streaming view this is a streaming generate, as {@code select(explode(...))} is. One
 * instance per query; not shared between threads.
 */
final class LateralViews {
    private final String sql;
    private final List<LateralViewClause> views;

    /**
     * @param sql  the user's query text
     * @param mine picks, from all the text's LATERAL VIEW clauses, those of this SELECT block
     */
    LateralViews(String sql, java.util.function.UnaryOperator<List<LateralViewClause>> mine) {
        this.sql = sql;
        this.views = mine.apply(LateralViewClause.all(sql));
    }

    /** The tables' names, which qualify the generated columns ({@code t.c}). */
    List<String> tables() {
        List<String> out = new ArrayList<>();
        views.forEach(v -> out.add(v.table()));
        return out;
    }

    /** {@code in} with every LATERAL VIEW applied; qualified names in the calls lose {@code stripper}'s qualifiers. */
    Dataset<Row> apply(Dataset<Row> in, QualifierStripper stripper) {
        for (LateralViewClause v : views) {
            // the call parsed alone but at its place in the query, so that errors point where Spark points
            SparkDialectParser.Parsed parsed = SparkDialectParser.parse(SourceText.of(onlyCall(v)), 16);
            SqlNode call = ((SqlSelect) parsed.node()).getSelectList().get(0);
            if (call instanceof SqlCall c && !FunctionRegistry.exists(c.getOperator().getName())) {
                throw notFound(c.getOperator().getName());
            }
            Expression generator = new SqlNodeTranslator(parsed.src(), "sql()").translate(stripper.strip(call)).expr();
            Expression translated = v.outer() ? outer(generator) : generator;
            // Spark places the generator (and its errors) at the LATERAL VIEW clause; its arguments keep their places
            generator = CurrentOrigin.withOrigin(Origin.at(sql, v.clauseStart()),
                    () -> translated.withChildren(translated.children()));
            if (!v.columns().isEmpty()) {
                generator = new MultiAlias(generator, v.columns());
            }
            in = in.select(functions.col("*"), new Column(generator));
        }
        return in;
    }

    /**
     * Spark looks a LATERAL VIEW's generator up in the session catalog, which names a missing one
     * with its schema ({@code variant_explode}, a table function only, is missing there too).
     */
    private static RuntimeException notFound(String name) {
        throw Unchecked.raise(new AnalysisException("ROUTINE_NOT_FOUND",
                Map.of("routineName", ErrorParams.id("default") + "." + ErrorParams.id(name))));
    }

    /** The query's text with everything but the view's call blanked (line breaks kept). */
    private String onlyCall(LateralViewClause v) {
        char[] c = sql.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if ((i < v.callStart() || i >= v.callEnd()) && c[i] != '\n') {
                c[i] = ' ';
            }
        }
        return new String(c);
    }

    /**
     * OUTER: the generator keeps a row of nulls for an input that gives no rows, as Spark's
     * {@code Generate(outer = true)}; json_tuple and stack always give rows.
     */
    private static Expression outer(Expression generator) {
        if (generator instanceof Explode e) {
            return new Explode(e.child(), true, e.position());
        }
        if (generator instanceof Inline i) {
            return new Inline(i.children().get(0), true);
        }
        return generator;
    }
}
