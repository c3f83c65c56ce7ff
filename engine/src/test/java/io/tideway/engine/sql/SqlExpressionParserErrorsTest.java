package io.tideway.engine.sql;

import io.tideway.engine.expr.sql.SqlExpressionParser;

import io.tideway.sql.AnalysisException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code expr()} says about text it cannot read, in Spark's wording. */
class SqlExpressionParserErrorsTest {
    /** How Spark 4.0.4 starts a syntax error's message. */
    private static final String SYNTAX = "\n[PARSE_SYNTAX_ERROR] Syntax error at or near ";

    private static String error(String text) {
        return assertThrows(AnalysisException.class, () -> SqlExpressionParser.parseColumn(text)).getMessage();
    }

    @Test
    void unknownFunctionIsNamed() {
        assertEquals("[UNRESOLVED_ROUTINE] Cannot resolve routine `foo` on search path [`system`.`builtin`, "
                + "`system`.`session`, `spark_catalog`.`default`]. SQLSTATE: 42883; line 1 pos 0", error("foo(v)"));
        assertTrue(error("v + bar(1, 2)").endsWith("SQLSTATE: 42883; line 1 pos 4"), "Spark points at the call");
        assertTrue(error("v + bar(1, 2)").contains("`bar`"));
        assertTrue(error("v + NoSuch(s)").contains("`NoSuch`"), "an unknown function keeps the user's spelling");
    }

    @Test
    void garbagePointsAtTheToken() {
        assertEquals("\n[PARSE_SYNTAX_ERROR] Syntax error at or near '*'. SQLSTATE: 42601 (line 1, pos 3)\n\n== SQL ==\n"
                + "v +* 2\n---^^^\n", error("v +* 2"));
        assertTrue(error("value * )").startsWith(SYNTAX + "')'. SQLSTATE: 42601 (line 1, pos 8)"));
        assertTrue(error("v * ").startsWith(SYNTAX + "end of input. SQLSTATE: 42601"));
        assertEquals("\n[PARSE_EMPTY_STATEMENT] Syntax error, unexpected empty statement. SQLSTATE: 42617 (line 1, pos 0)"
                + "\n\n== SQL ==\n\n^^^\n", error(""), "Spark 4.0.4's selectExpr(\"\")");
        assertTrue(error("v\n + )").startsWith(SYNTAX + "')'. SQLSTATE: 42601 (line 2, pos 3)"));
        assertTrue(error("'abc").startsWith(SYNTAX));
        assertTrue(error("AND").contains("'AND'"));
    }

    @Test
    void oneExpressionOnly() {
        assertTrue(error("a, b").startsWith(SYNTAX + "','. SQLSTATE: 42601 (line 1, pos 1)"));
        assertTrue(error("v AS `x`, y").startsWith(SYNTAX + "','. SQLSTATE: 42601 (line 1, pos 8)"));
        assertTrue(error("v FROM t").startsWith(SYNTAX + "'FROM'. SQLSTATE: 42601 (line 1, pos 2)"));
        assertTrue(error("v ORDER BY v").contains("'ORDER'"));
        assertTrue(error("DISTINCT v").contains("'DISTINCT'"));
        assertTrue(error("(v AS x) + 1").startsWith(SYNTAX));
    }

    @Test
    void unsupportedButParsedSyntaxIsNamed() {
        assertTrue(error("cast(v as timestamp_ntz)").startsWith("\n[UNSUPPORTED_DATATYPE] Unsupported data type \"TIMESTAMP_NTZ\". SQLSTATE: 0A000"));
        assertTrue(error("no_such_function(s)").contains("`no_such_function`"));
    }

    @Test
    void argumentsAreChecked() {
        assertEquals("[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `split` requires [2, 3] parameters but the actual "
                + "number is 1. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix. "
                + "SQLSTATE: 42605; line 1 pos 0", error("split(s)"));
        assertEquals("[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `sum` requires 1 parameters but the actual number is 2. "
                + "Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix. SQLSTATE: 42605; line 1 pos 0",
                error("sum(a, b)"));
    }
}
