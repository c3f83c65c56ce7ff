package io.tideway.engine.sql;

import io.tideway.engine.expr.sql.SqlExpressionParser;

import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.Average;
import io.tideway.engine.expr.BinaryArithmetic;
import io.tideway.engine.expr.Cast;
import io.tideway.engine.expr.Comparison;
import io.tideway.engine.expr.Count;
import io.tideway.engine.expr.CurrentTimestamp;
import io.tideway.engine.expr.Explode;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.Logical;
import io.tideway.engine.expr.MinMax;
import io.tideway.engine.expr.Not;
import io.tideway.engine.expr.NullCheck;
import io.tideway.engine.expr.Sum;
import io.tideway.engine.expr.UnaryMinus;
import io.tideway.engine.expr.UnresolvedAttribute;
import io.tideway.sql.Column;
import io.tideway.sql.functions;
import io.tideway.sql.types.DataTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static io.tideway.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Each construct {@code expr()} reads gives the tree, and the Spark column name, it should. */
class SqlExpressionParserTest {

    private static Expression parse(String text) {
        return SqlExpressionParser.parseColumn(text).expr();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "v*2                 | (v * 2)",
        "v + 1               | (v + 1)",
        "v - 1               | (v - 1)",
        "v / 2               | (v / 2)",
        "v % 3               | (v % 3)",
        "mod(v, 3)           | mod(v, 3)",
        "MOD(v, 3)           | mod(v, 3)",
        "1 + 2 * 3           | (1 + (2 * 3))",
        "(1 + 2) * 3         | ((1 + 2) * 3)",
        "-v                  | (- v)",
        "-5                  | -5",
        "-(v + 1)            | (- (v + 1))",
        "v = 1               | (v = 1)",
        "v <> 1              | (NOT (v = 1))",
        "v != 1              | (NOT (v = 1))",
        "v < 1               | (v < 1)",
        "v <= 1              | (v <= 1)",
        "v > 1               | (v > 1)",
        "v >= 1              | (v >= 1)",
        "v > 1 AND s = 'a'   | ((v > 1) AND (s = a))",
        "v > 1 or v < 0      | ((v > 1) OR (v < 0))",
        "NOT v > 1           | (NOT (v > 1))",
        "s IS NULL           | (s IS NULL)",
        "s is not null       | (s IS NOT NULL)",
        "cast(v as string)   | CAST(v AS STRING)",
        "CAST(v AS INT)      | CAST(v AS INT)",
        "cast(v as integer)  | CAST(v AS INT)",
        "cast(s as bigint)   | CAST(s AS BIGINT)",
        "cast(s as double)   | CAST(s AS DOUBLE)",
        "cast(s as boolean)  | CAST(s AS BOOLEAN)",
        "cast(s as timestamp)| CAST(s AS TIMESTAMP)",
        "cast(s as date)     | CAST(s AS DATE)",
        "cast(s as binary)   | CAST(s AS BINARY)",
        "count(*)            | count(1)",
        "count(1)            | count(1)",
        "COUNT(v)            | count(v)",
        "sum(v)              | sum(v)",
        "avg(v)              | avg(v)",
        "mean(v)             | avg(v)",
        "min(v)              | min(v)",
        "max(v)              | max(v)",
        "current_timestamp() | current_timestamp()",
        "CURRENT_TIMESTAMP   | current_timestamp()",
        "split(s, ' ')       | split(s,  , -1)",
        "split(s, ',', 2)    | split(s, ,, 2)",
        "explode(split(s, ' '))| explode(split(s,  , -1))",
        "`my col` + 1        | (my col + 1)",
        "MyCol               | MyCol",
        "*                   | *",
        "window.start        | window.start",
        "struct(v AS x, s)   | struct(v AS x, s)",
        "struct(v AS value)  | struct(v AS value)",
        "v::bigint           | CAST(v AS BIGINT)",
        "(v + 1)::string     | CAST((v + 1) AS STRING)",
        "'1'::int + 2        | (CAST(1 AS INT) + 2)",
        "cast(a as array<map<string, int>>) | CAST(a AS ARRAY<MAP<STRING, INT>>)",
    })
    void namesMatchSpark(String text, String expectedName) {
        assertEquals(expectedName, parse(text).sql());
    }

    @Test
    void sameTreeAsTheJavaApi() {
        assertEquals(col("v").multiply(2), SqlExpressionParser.parseColumn("v * 2"));
        assertEquals(functions.count(col("*")), SqlExpressionParser.parseColumn("count(*)"));
        assertEquals(functions.split(col("value"), " ").as("w"), SqlExpressionParser.parseColumn("split(value, ' ') AS w"));
    }

    @Test
    void nodeTypes() {
        assertInstanceOf(BinaryArithmetic.class, parse("v * 2"));
        assertInstanceOf(UnaryMinus.class, parse("-v"));
        assertInstanceOf(Comparison.class, parse("v != 2"));
        assertInstanceOf(Logical.class, parse("a AND b"));
        assertInstanceOf(Not.class, parse("NOT a"));
        assertInstanceOf(NullCheck.class, parse("a IS NULL"));
        assertInstanceOf(Cast.class, parse("cast(a as string)"));
        assertInstanceOf(Count.class, parse("count(*)"));
        assertInstanceOf(Sum.class, parse("sum(v)"));
        assertInstanceOf(Average.class, parse("avg(v)"));
        assertInstanceOf(MinMax.class, parse("max(v)"));
        assertInstanceOf(CurrentTimestamp.class, parse("current_timestamp"));
        assertInstanceOf(io.tideway.engine.expr.fn.ScalarFunction.class, parse("split(s, ' ')"));
        assertInstanceOf(Explode.class, parse("explode(a)"));
        assertInstanceOf(UnresolvedAttribute.class, parse("`current_timestamp`"), "a quoted name is a column");
    }

    @Test
    void literals() {
        assertLiteral(1, DataTypes.IntegerType, "1");
        assertLiteral(2147483647, DataTypes.IntegerType, "2147483647");
        assertLiteral(-2147483648, DataTypes.IntegerType, "-2147483648");
        assertLiteral(3000000000L, DataTypes.LongType, "3000000000");
        assertLiteral(-3000000000L, DataTypes.LongType, "-3000000000");
        assertLiteral(new java.math.BigDecimal("2.5"), DataTypes.createDecimalType(2, 1), "2.5");
        assertLiteral(new java.math.BigDecimal("-1.50"), DataTypes.createDecimalType(3, 2), "-1.50");
        assertLiteral(new java.math.BigDecimal("2.5"), DataTypes.createDecimalType(2, 1), "2.5BD");
        assertLiteral(new java.math.BigDecimal("12345678901234567890"), DataTypes.createDecimalType(20, 0), "12345678901234567890");
        assertLiteral(2.5, DataTypes.DoubleType, "2.5D");
        assertLiteral(1000.0, DataTypes.DoubleType, "1e3");
        assertLiteral("a", DataTypes.StringType, "'a'");
        assertLiteral("it's", DataTypes.StringType, "'it''s'");
        assertLiteral("", DataTypes.StringType, "''");
        assertLiteral(true, DataTypes.BooleanType, "TRUE");
        assertLiteral(false, DataTypes.BooleanType, "false");
        assertLiteral(null, DataTypes.NullType, "NULL");
        assertEquals("true", parse("true").sql());
        assertEquals("NULL", parse("null").sql());
    }

    private static void assertLiteral(Object value, Object type, String text) {
        Literal l = assertInstanceOf(Literal.class, parse(text), text);
        assertEquals(value, l.value(), text);
        assertEquals(type, l.dataType(), text);
    }

    @Test
    void aliases() {
        Alias explicit = assertInstanceOf(Alias.class, parse("v * 2 AS doubled"));
        assertEquals("doubled", explicit.sql());
        assertEquals("(v * 2)", explicit.child().sql());
        assertEquals("doubled", parse("v * 2 doubled").sql());
        assertEquals("my col", parse("v AS `my col`").sql());
        assertEquals("Doubled", parse("v as Doubled").sql(), "alias case is kept");
        Column c = SqlExpressionParser.parseColumn("count(*) AS n");
        assertEquals("count(1)", ((Alias) c.expr()).child().sql());
    }

    @Test
    void wordsCalciteReservesStillNameColumns() {
        assertEquals("(value * 2)", parse("value * 2").sql());
        assertEquals("(timestamp > 5)", parse("timestamp > 5").sql());
        assertEquals("(count > 5)", parse("count > 5").sql());
        assertEquals("count(value)", parse("count(value)").sql());
        assertEquals("split(value,  , 2)", parse("split(value, ' ', 2)").sql());
        assertEquals("window.end", parse("window.end").sql());
        assertEquals("date", parse("date").sql());
        assertEquals("count", parse("count(*) AS count").sql());
        assertEquals("value", parse("value value").sql());
        assertEquals("CAST(value AS TIMESTAMP)", ((Alias) parse("cast(value as timestamp) AS ts")).child().sql());
    }

    @Test
    void caseAndWhitespaceDoNotMatter() {
        assertEquals(parse("v * 2").sql(), parse("  V*2 ".toLowerCase()).sql());
        assertEquals("((v + 1) > 2)", parse("v\n  + 1\n > 2").sql());
    }
}
