package io.tideway.engine.sql;

import io.tideway.sql.AnalysisException;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.tideway.sql.functions.avg;
import static io.tideway.sql.functions.count;
import static io.tideway.sql.functions.max;
import static io.tideway.sql.functions.min;
import static io.tideway.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code session.sql(...)} over a static temporary view: each clause, Spark's column names, and the errors. */
class SqlQueryTranslatorTest {
    private static final StructType SCHEMA = new StructType()
            .add("k", DataTypes.StringType)
            .add("v", DataTypes.IntegerType)
            .add("d", DataTypes.DoubleType, true);

    private TidewaySession spark;

    @BeforeEach
    void view() {
        spark = TidewaySession.builder().master("local[*]").getOrCreate();
        spark.createDataFrame(List.of(
                RowFactory.create("a", 1, 1.5),
                RowFactory.create("b", 2, null),
                RowFactory.create("a", 3, 2.5),
                RowFactory.create("c", 4, 0.5),
                RowFactory.create("b", 5, -1.0)), SCHEMA).createOrReplaceTempView("t");
    }

    @AfterEach
    void stop() {
        spark.dropView("t");
        spark.stop();
    }

    private static List<List<Object>> rows(Dataset<Row> df) {
        List<List<Object>> out = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            Object[] values = new Object[r.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = r.get(i);
            }
            out.add(Arrays.asList(values));
        }
        return out;
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private List<List<Object>> sorted(Dataset<Row> df) {
        List<List<Object>> out = rows(df);
        out.sort((a, b) -> a.toString().compareTo(b.toString()));
        return out;
    }

    @Test
    void selectStarWithWhereKeepsTheViewsColumns() {
        Dataset<Row> df = spark.sql("SELECT * FROM t WHERE v > 2 AND d IS NOT NULL");
        assertArrayEquals(new String[]{"k", "v", "d"}, df.columns());
        assertEquals(List.of(row("a", 3, 2.5), row("b", 5, -1.0), row("c", 4, 0.5)), sorted(df));
        assertFalse(df.isStreaming());
    }

    @Test
    void aliasesExpressionsAndQualifiedColumns() {
        Dataset<Row> df = spark.sql("SELECT k AS key, v * 2 doubled, x.v FROM t AS x WHERE x.k = 'a' ORDER BY v");
        assertArrayEquals(new String[]{"key", "doubled", "v"}, df.columns());
        assertEquals(List.of(row("a", 2, 1), row("a", 6, 3)), rows(df));
        assertEquals(List.of(row("c")), rows(spark.sql("SELECT t.k FROM t WHERE t.v = 4")));
        Dataset<Row> star = spark.sql("SELECT x.*, v + 1 AS next FROM t x WHERE v = 4");
        assertArrayEquals(new String[]{"k", "v", "d", "next"}, star.columns());
        assertEquals(List.of(row("c", 4, 0.5, 5)), rows(star));
    }

    @Test
    void groupByNamesAggregatesAsTheDataFrameApiDoes() {
        Dataset<Row> df = spark.sql("SELECT k, count(*), sum(v), avg(v), min(v), MAX(v) FROM t GROUP BY k ORDER BY k");
        assertArrayEquals(new String[]{"k", "count(1)", "sum(v)", "avg(v)", "min(v)", "max(v)"}, df.columns());
        assertArrayEquals(spark.table("t").groupBy("k").agg(count("*"), sum("v"), avg("v"), min("v"), max("v")).columns(),
                df.columns());
        assertEquals(List.of(row("a", 2L, 4L, 2.0, 1, 3), row("b", 2L, 7L, 3.5, 2, 5), row("c", 1L, 4L, 4.0, 4, 4)), rows(df));
    }

    @Test
    void selectDistinctKeepsEachSelectedRowOnce() {
        Dataset<Row> df = spark.sql("SELECT DISTINCT k FROM t ORDER BY k");
        assertArrayEquals(new String[]{"k"}, df.columns());
        assertEquals(List.of(row("a"), row("b"), row("c")), rows(df));
        assertEquals(List.of(row("a", 1L), row("b", 1L), row("c", 1L)),
                rows(spark.sql("SELECT DISTINCT k, 1L AS one FROM t ORDER BY k")));
    }

    @Test
    void globalAggregatesWithoutGroupBy() {
        Dataset<Row> df = spark.sql("SELECT count(*) AS n, max(v), sum(v) / count(v) FROM t");
        assertEquals("n", df.columns()[0]);
        assertEquals("max(v)", df.columns()[1]);
        assertEquals(List.of(row(5L, 5, 3.0)), rows(df));
    }

    @Test
    void selectListOrderDoesNotFollowGroupingOrder() {
        Dataset<Row> df = spark.sql("SELECT sum(v) * 2 AS twice, k FROM t GROUP BY k ORDER BY 2");
        assertArrayEquals(new String[]{"twice", "k"}, df.columns());
        assertEquals(List.of(row(8L, "a"), row(14L, "b"), row(8L, "c")), rows(df));
    }

    @Test
    void groupByPositionAliasAndExpression() {
        List<List<Object>> expected = List.of(row(0, 2L), row(1, 3L));
        assertEquals(expected, rows(spark.sql("SELECT v % 2 AS parity, count(*) FROM t GROUP BY parity ORDER BY parity")));
        assertEquals(expected, rows(spark.sql("SELECT v % 2 AS parity, count(*) FROM t GROUP BY 1 ORDER BY 1")));
        assertEquals(expected, rows(spark.sql("SELECT v % 2 AS parity, count(*) FROM t GROUP BY v % 2 ORDER BY parity")));
        assertEquals(List.of(row("a"), row("b"), row("c")), rows(spark.sql("SELECT k FROM t GROUP BY k ORDER BY k")));
    }

    @Test
    void havingFiltersGroupsOnSelectedAndUnselectedAggregatesAndAliases() {
        assertEquals(List.of(row("a", 2L), row("b", 2L)),
                rows(spark.sql("SELECT k, count(*) FROM t GROUP BY k HAVING count(*) > 1 ORDER BY k")));
        assertEquals(List.of(row("b")), rows(spark.sql("SELECT k FROM t GROUP BY k HAVING sum(v) > 4")));
        Dataset<Row> df = spark.sql("SELECT k, sum(v) AS total FROM t GROUP BY k HAVING total >= 4 ORDER BY total DESC, k");
        assertArrayEquals(new String[]{"k", "total"}, df.columns());
        assertEquals(List.of(row("b", 7L), row("a", 4L), row("c", 4L)), rows(df));
    }

    @Test
    void orderByPutsNullsFirstAscendingAndLastDescending() {
        assertEquals(List.of(row("b", null), row("b", -1.0), row("c", 0.5), row("a", 1.5), row("a", 2.5)),
                rows(spark.sql("SELECT k, d FROM t ORDER BY d")));
        assertEquals(List.of(row("a", 2.5), row("a", 1.5), row("c", 0.5), row("b", -1.0), row("b", null)),
                rows(spark.sql("SELECT k, d FROM t ORDER BY d DESC")));
        assertEquals(row("b", null), rows(spark.sql("SELECT k, d FROM t ORDER BY d ASC NULLS LAST")).get(4));
        assertEquals(row("b", null), rows(spark.sql("SELECT k, d FROM t ORDER BY d DESC NULLS FIRST")).get(0));
        assertEquals(List.of(row("a", 3), row("a", 1), row("b", 5), row("b", 2), row("c", 4)),
                rows(spark.sql("SELECT k, v FROM t ORDER BY k, v DESC")));
    }

    @Test
    void orderByAColumnOutsideTheSelectListDoesNotShowIt() {
        Dataset<Row> df = spark.sql("SELECT k FROM t ORDER BY v DESC");
        assertArrayEquals(new String[]{"k"}, df.columns());
        assertEquals(List.of(row("b"), row("c"), row("a"), row("b"), row("a")), rows(df));
        assertEquals(List.of(row("b"), row("c"), row("a")), // spreads 0.0 (null ignored), 0.0, 1.0
                rows(spark.sql("SELECT k FROM t GROUP BY k ORDER BY max(d) - min(d), k")));
    }

    @Test
    void limitAndOffset() {
        assertEquals(List.of(row(5), row(4)), rows(spark.sql("SELECT v FROM t ORDER BY v DESC LIMIT 2")));
        assertEquals(List.of(row(4), row(3)), rows(spark.sql("SELECT v FROM t ORDER BY v DESC LIMIT 2 OFFSET 1")));
        assertEquals(3, spark.sql("SELECT * FROM t LIMIT 3").count());
        assertEquals(0, spark.sql("SELECT * FROM t LIMIT 0").count());
    }

    @Test
    void reservedWordsNameColumnsAsInSpark() {
        StructType s = new StructType().add("value", DataTypes.StringType).add("count", DataTypes.LongType);
        spark.createDataFrame(List.of(RowFactory.create("x", 3L), RowFactory.create("y", 1L)), s)
                .createOrReplaceTempView("counts");
        Dataset<Row> df = spark.sql("SELECT value, count FROM counts WHERE count > 1 ORDER BY count DESC;");
        assertArrayEquals(new String[]{"value", "count"}, df.columns());
        assertEquals(List.of(row("x", 3L)), rows(df));
        assertEquals(List.of(row(4L)), rows(spark.sql("select sum(count) as total from Counts")));
        spark.dropView("counts");
    }

    @Test
    void selectWithoutFromReadsOneRow() {
        assertEquals(List.of(row(1, "x")), rows(spark.sql("SELECT 1 AS one, 'x' AS s")));
    }

    @Test
    void unknownViewIsTableOrViewNotFound() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> spark.sql("SELECT * FROM nosuch"));
        assertEquals("TABLE_OR_VIEW_NOT_FOUND", e.getCondition());
        assertTrue(e.getMessage().startsWith("[TABLE_OR_VIEW_NOT_FOUND] The table or view `nosuch` cannot be found. Verify the spelling"),
                e.getMessage());
    }

    @Test
    void syntaxErrorIsSparksParseSyntaxError() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> spark.sql("SELECT k FROM t WHERE"));
        assertTrue(e.getMessage().startsWith("\n[PARSE_SYNTAX_ERROR] Syntax error at or near end of input. SQLSTATE: 42601 "
                + "(line 1, pos 21)"), e.getMessage());
        assertEquals("PARSE_SYNTAX_ERROR", e.getCondition());
        assertEquals("42601", e.getSqlState());
        e = assertThrows(AnalysisException.class, () -> spark.sql("SELECT k FORM t"));
        assertTrue(e.getMessage().startsWith("\n[PARSE_SYNTAX_ERROR] Syntax error at or near 't'. SQLSTATE: 42601 (line 1, pos 14)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("== SQL ==\nSELECT k FORM t\n--------------^^^"), e.getMessage());
        assertEquals("\n[PARSE_EMPTY_STATEMENT] Syntax error, unexpected empty statement. SQLSTATE: 42617 (line 1, pos 0)"
                + "\n\n== SQL ==\n \n^^^\n", assertThrows(AnalysisException.class, () -> spark.sql(" ")).getMessage());
    }

    @Test
    void unsupportedConstructsAreNamed() {
        assertUnsupported("SELECT k, v IN (SELECT v FROM t) FROM t", "subqueries", 16);
    }

    private void assertUnsupported(String sql, String what, int pos) {
        AnalysisException e = assertThrows(AnalysisException.class, () -> spark.sql(sql), sql);
        assertTrue(e.getMessage().startsWith("\n[UNSUPPORTED_FEATURE.SQL_QUERY] The feature is not supported: " + what
                + " in sql()."), e.getMessage());
        assertEquals("UNSUPPORTED_FEATURE.SQL_QUERY", e.getCondition());
        assertEquals("0A000", e.getSqlState());
        assertTrue(e.getMessage().contains("(line 1, pos " + pos + ")"), e.getMessage());
    }

    @Test
    void analysisErrorsUseSparksConditions() {
        assertEquals("[MISSING_AGGREGATION] The non-aggregating expression \"v\" is based on columns which are not "
                + "participating in the GROUP BY clause.\nAdd the columns or the expression to the GROUP BY, aggregate the "
                + "expression, or use \"any_value(v)\" if you do not care which of the values within a group is returned. "
                + "SQLSTATE: 42803", assertThrows(AnalysisException.class, () -> spark.sql("SELECT k, v FROM t GROUP BY k"))
                .getMessage());
        assertTrue(assertThrows(AnalysisException.class, () -> spark.sql("SELECT k, count(*) FROM t")).getMessage()
                .startsWith("[MISSING_GROUP_BY]"));
        assertTrue(assertThrows(AnalysisException.class, () -> spark.sql("SELECT k FROM t WHERE count(*) > 1")).getMessage()
                .startsWith("[INVALID_WHERE_CONDITION] The WHERE condition \"(count(1) > 1)\" contains invalid expressions: "
                        + "count(1).\nRewrite the query to avoid window functions, aggregate functions, and generator functions "
                        + "in the WHERE clause. SQLSTATE: 42903"));
        assertTrue(assertThrows(AnalysisException.class, () -> spark.sql("SELECT nope FROM t")).getMessage()
                .startsWith("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `nope`"));
        assertEquals("[ORDER_BY_POS_OUT_OF_RANGE] ORDER BY position 3 is not in select list (valid range is [1, 2]). "
                + "SQLSTATE: 42805",
                assertThrows(AnalysisException.class, () -> spark.sql("SELECT k, v FROM t ORDER BY 3")).getMessage());
        assertTrue(assertThrows(AnalysisException.class, () -> spark.sql("SELECT k, count(*) FROM t GROUP BY 2"))
                .getMessage().startsWith("[GROUP_BY_POS_AGGREGATE] GROUP BY 2"));
        assertTrue(assertThrows(AnalysisException.class, () -> spark.sql("SELECT nosuchfn(v) FROM t")).getMessage()
                .startsWith("[UNRESOLVED_ROUTINE] Cannot resolve routine `nosuchfn`"));
    }
}
