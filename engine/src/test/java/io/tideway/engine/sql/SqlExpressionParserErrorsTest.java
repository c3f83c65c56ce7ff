package io.tideway.engine.sql;

import io.tideway.sql.AnalysisException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code expr()} says about text it cannot read, in Spark's wording. */
class SqlExpressionParserErrorsTest {

    private static String error(String text) {
        return assertThrows(AnalysisException.class, () -> SqlExpressionParser.parseColumn(text)).getMessage();
    }

    @Test
    void unknownFunctionIsNamed() {
        assertEquals("[UNRESOLVED_ROUTINE] Cannot resolve function `foo` on search path [`system`.`builtin`, "
                + "`system`.`session`, `spark_catalog`.`default`].", error("foo(v)"));
        assertTrue(error("v + bar(1, 2)").contains("`bar`"));
        assertTrue(error("v + Trim(s)").contains("`Trim`"), "functions Calcite has syntax for keep the user's spelling");
        assertTrue(error("substring(s, 1, 2)").contains("`substring`"));
    }

    @Test
    void garbagePointsAtTheToken() {
        assertEquals("[PARSE_SYNTAX_ERROR] Syntax error at or near '*'.(line 1, pos 3)\n\n== SQL ==\nv +* 2\n---^^^\n",
                error("v +* 2"));
        assertTrue(error("value * )").startsWith("[PARSE_SYNTAX_ERROR] Syntax error at or near ')'.(line 1, pos 8)"));
        assertTrue(error("v * ").startsWith("[PARSE_SYNTAX_ERROR] Syntax error at or near end of input."));
        assertTrue(error("").startsWith("[PARSE_SYNTAX_ERROR] Syntax error at or near end of input."));
        assertTrue(error("v\n + )").startsWith("[PARSE_SYNTAX_ERROR] Syntax error at or near ')'.(line 2, pos 3)"));
        assertTrue(error("'abc").startsWith("[PARSE_SYNTAX_ERROR]"));
        assertTrue(error("AND").contains("'AND'"));
    }

    @Test
    void oneExpressionOnly() {
        assertTrue(error("a, b").startsWith("[PARSE_SYNTAX_ERROR] Syntax error at or near ','.(line 1, pos 1)"));
        assertTrue(error("v AS `x`, y").startsWith("[PARSE_SYNTAX_ERROR] Syntax error at or near ','.(line 1, pos 8)"));
        assertTrue(error("v FROM t").startsWith("[PARSE_SYNTAX_ERROR] Syntax error at or near 'FROM'.(line 1, pos 2)"));
        assertTrue(error("v ORDER BY v").contains("'ORDER'"));
        assertTrue(error("DISTINCT v").contains("'DISTINCT'"));
        assertTrue(error("(v AS x) + 1").startsWith("[PARSE_SYNTAX_ERROR]"));
    }

    @Test
    void unsupportedButParsedSyntaxIsNamed() {
        assertTrue(error("v IN (1, 2)").startsWith("[UNSUPPORTED_EXPRESSION] expr() does not support IN yet."));
        assertTrue(error("count(DISTINCT v)").contains("DISTINCT"));
        assertTrue(error("cast(v as float)").startsWith("[UNSUPPORTED_DATATYPE] Unsupported data type \"FLOAT\"."));
        assertTrue(error("10L").contains("suffix 'L'"), "10L must not silently become 10 AS L");
        assertTrue(error("v + 10L").contains("suffix 'L'"));
        assertTrue(error("upper(s)").contains("`upper`"));
    }

    @Test
    void argumentsAreChecked() {
        assertEquals("[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `split` requires [2, 3] parameters but the actual "
                + "number is 1.", error("split(s)"));
        assertEquals("[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `sum` requires 1 parameters but the actual number is 2.",
                error("sum(a, b)"));
        assertTrue(error("split(s, p)").contains("pattern must be a string literal"));
        assertTrue(error("split(s, ' ', n)").contains("limit must be an integer literal"));
    }
}
