package io.tideway.engine.expr.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The forms {@link SparkClauses} hides from Calcite: found by tokens, never inside strings, names or comments. */
class SparkClausesTest {
    private static String rewrite(String text, boolean query) {
        return SparkClauses.rewrite(text, text, query);
    }

    @Test
    void structFieldAliasesBecomeOrOnlyAtTheStructsOwnLevel() {
        assertEquals("struct(i OR x, CAST(s AS STRING) OR y)", rewrite("struct(i AS x, CAST(s AS STRING) AS y)", false));
        assertEquals("named_struct('a', i AS x)", rewrite("named_struct('a', i AS x)", false));
        assertEquals("struct('i AS x', `a AS b`)", rewrite("struct('i AS x', `a AS b`)", false));
        assertEquals("struct(i AS)", rewrite("struct(i AS)", false));
    }

    @Test
    void structFieldNamesWithoutAsAreBlankedAndReadBack() {
        assertEquals("struct(i  , upper(s)  )", rewrite("struct(i x, upper(s) u)", false));
        assertEquals("struct(x IS NULL, b AND c, CASE WHEN a THEN 1 END)",
                rewrite("struct(x IS NULL, b AND c, CASE WHEN a THEN 1 END)", false));
        assertEquals("x", SparkClauses.bareFieldName("struct(i x)", 8));
        assertEquals(null, SparkClauses.bareFieldName("struct(i, x)", 8));
    }

    @Test
    void substrFromForBecomesCommasOfTheSameLength() {
        assertEquals("substr(s ,    2 ,   3)", rewrite("substr(s FROM 2 FOR 3)", false));
        assertEquals("SUBSTR(s ,    (i + 1))", rewrite("SUBSTR(s FROM (i + 1))", false));
        assertEquals("substr(s, 2, 3)", rewrite("substr(s, 2, 3)", false));
        assertEquals("substring(s FROM 2)", rewrite("substring(s FROM 2)", false));
        assertTrue(SparkClauses.isSubstrKeywordForm("x + substr(s FROM 2)", 4));
        assertTrue(!SparkClauses.isSubstrKeywordForm("substr(s, 2)", 0));
    }

    @Test
    void complexCastTypesBecomeOnePlaceholderWordOfTheSameLength() {
        String text = "CAST(x AS MAP<STRING, ARRAY<STRUCT<a: INT>>>) + 1";
        String rewritten = rewrite(text, false);
        assertEquals(text.length(), rewritten.length());
        assertEquals("CAST(x AS M_________________________________) + 1", rewritten);
        assertEquals("MAP<STRING, ARRAY<STRUCT<a: INT>>>", SparkClauses.typeAt(text, 10));
        assertEquals("try_cast(x AS A_________)", rewrite("try_cast(x AS ARRAY<INT>)", false));
        assertEquals("f(x AS ARRAY<INT>)", rewrite("f(x AS ARRAY<INT>)", false));
    }

    @Test
    void colonCastsBecomeAnElementAccessOfTheSameLength() {
        assertEquals("i[___] + 1", rewrite("i::int + 1", false));
        assertEquals("'1' [___________]", rewrite("'1' :: array<int>", false));
        assertEquals("(a)[______________]", rewrite("(a)::decimal(10, 2)", false));
        assertEquals("'a::int'", rewrite("'a::int'", false));
    }

    @Test
    void multiAliasesAreBlankedAndNamed() {
        String text = "posexplode(a) AS (p, `v v`)";
        assertEquals("posexplode(a)              ", rewrite(text, false));
        List<SparkClauses.MultiAlias> aliases = SparkClauses.multiAliases(text);
        assertEquals(1, aliases.size());
        assertEquals(13, aliases.get(0).exprEnd());
        assertEquals(List.of("p", "v v"), aliases.get(0).names());
        assertTrue(SparkClauses.multiAliases("SELECT a AS (b, c) + 1").isEmpty());
    }

    @Test
    void lateralViewsAreReadAndBlankedInQueriesOnly() {
        String sql = "SELECT * FROM t LATERAL VIEW OUTER posexplode(a) x AS p, v\nLATERAL VIEW explode(b) y WHERE p > 0";
        List<LateralViewClause> views = LateralViewClause.all(sql);
        assertEquals(2, views.size());
        assertTrue(views.get(0).outer());
        assertEquals("posexplode", views.get(0).function());
        assertEquals("posexplode(a)", sql.substring(views.get(0).callStart(), views.get(0).callEnd()));
        assertEquals("x", views.get(0).table());
        assertEquals(List.of("p", "v"), views.get(0).columns());
        assertEquals(List.of(), views.get(1).columns());
        String blanked = rewrite(sql, true);
        assertEquals(sql.length(), blanked.length());
        assertEquals("SELECT * FROM t", blanked.substring(0, blanked.indexOf('\n')).strip());
        assertTrue(blanked.endsWith(" WHERE p > 0"));
        assertEquals(sql, rewrite(sql, false));
        assertTrue(LateralViewClause.all("SELECT 'LATERAL VIEW explode(a) t' FROM t -- LATERAL VIEW explode(a) t").isEmpty());
    }

    @Test
    void existsAndFilterAreCallsUnlessSubqueryOrAggregateFilter() {
        assertEquals(List.of(7, 30), SparkClauses.callsNamedLikeKeywords(
                "SELECT exists(a, x -> x > 1), filter(a, x -> x > 1) FROM t"));
        assertEquals(List.of(), SparkClauses.callsNamedLikeKeywords(
                "SELECT count(*) FILTER (WHERE v > 1) FROM t WHERE EXISTS (SELECT 1)"));
    }
}
