package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.HashMap;
import java.util.Map;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/** XML functions: the xpath family (values, nulls, errors, column names), from_xml, to_xml and schema_of_xml. */
public final class FnXml {
    private FnXml() {
    }

    private static Map<String, String> options(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Dataset<Row> docs(CaseContext ctx) {
        return strings(ctx, "<a><b>1</b><b>2</b><c x=\"7\">cc</c></a>", "<a><b>x</b></a>", "", null, "<a/>");
    }

    @Case
    public static void xpathValues(CaseContext ctx) {
        Dataset<Row> df = docs(ctx);
        show(ctx, df, xpath(col("s"), lit("a/b/text()")), xpath(col("s"), lit("a/b")), xpath(col("s"), lit("a/c/@x")),
                xpath_string(col("s"), lit("a/c")), xpath_string(col("s"), lit("a/b")), xpath_boolean(col("s"), lit("a/b")),
                xpath_boolean(col("s"), lit("a/d")), xpath_int(col("s"), lit("sum(a/b)")), xpath_long(col("s"), lit("a/b")),
                xpath_short(col("s"), lit("a/c/@x")), xpath_float(col("s"), lit("sum(a/b)")),
                xpath_double(col("s"), lit("a/b")), xpath_number(col("s"), lit("count(a/b)")),
                xpath_double(col("s"), lit("a/d")), xpath_int(col("s"), lit("a/b div 0")));
    }

    @Case
    public static void xpathSql(CaseContext ctx) {
        Dataset<Row> df = docs(ctx);
        showExpr(ctx, df, "xpath(s, 'a/b/text()')", "xpath_string(s, 'a/c')", "xpath_boolean(s, 'a/b')",
                "xpath_int(s, 'sum(a/b)')", "xpath_number(s, 'sum(a/b)')", "xpath_float(s, '1.5')",
                "xpath_long(s, '12345678901')", "xpath_short(s, '70000')", "xpath_int(s, '3000000000')",
                "xpath_string(s, '')", "xpath_string(s, NULL)", "xpath_string(NULL, 'a')",
                "xpath_string('<a><b>b</b><c>cc</c></a>', 'a/c')");
    }

    @Case
    public static void xpathErrors(CaseContext ctx) {
        Dataset<Row> df = docs(ctx);
        showExpr(ctx, df, "xpath_string(s, s)", "xpath_int(1, 'a')", "xpath_int(s, 1)");
        Dataset<Row> bad = strings(ctx, "<a><b>1</b>");
        showExpr(ctx, bad, "xpath_string(s, 'a')", "xpath_string('<a/>', 'a/[')", "xpath('<a>1</a>', 'count(a)')");
    }

    @Case
    public static void fromXml(CaseContext ctx) {
        Dataset<Row> df = strings(ctx, "<p><a>1</a><b>x</b><c>2.5</c></p>", "<ROW a=\"7\"><b> spaced </b><a>2</a></ROW>",
                "<p><a>bad</a><b>y</b></p>", "<p><a>3</a>", "", null, "<p><A>4</A><d>ignored</d><b/></p>",
                "<p><!-- note --><a>+5</a><b><![CDATA[<raw>]]></b><c>-1e3</c></p>");
        StructType schema = new StructType().add("a", DataTypes.IntegerType).add("b", DataTypes.StringType)
                .add("c", DataTypes.DoubleType);
        show(ctx, df, from_xml(col("s"), schema), from_xml(col("s"), lit("a INT, b STRING, _corrupt_record STRING")),
                from_xml(col("s"), lit("_a STRING, b STRING")), from_xml(col("s"), "a BIGINT", options("mode", "FAILFAST")),
                from_xml(col("s"), lit("a STRING, b STRING"), options("attributePrefix", "@")),
                from_xml(col("s"), schema, options("mode", "DROPMALFORMED")));
        showExpr(ctx, df, "from_xml(s, 'a INT, b STRING')", "from_xml(s, 'a INT, b STRING').b",
                "from_xml(s, 'c DECIMAL(5, 1), a SMALLINT')", "from_xml(s, 'INT')", "from_xml(s)");
    }

    @Case
    public static void fromXmlNested(CaseContext ctx) {
        Dataset<Row> df = strings(ctx,
                "<r><id>1</id><tag>a</tag><tag>b</tag><pt x=\"1\" y=\"2\"/><note lang=\"en\">hi</note>"
                        + "<inner><v>true</v><w>0</w></inner></r>",
                "<r><id>2</id><tag>c</tag><note>plain</note><inner><v>1</v></inner><item><n>1</n></item><item><n>2</n></item></r>",
                "<r><id>3</id><inner/><when>2024-03-15</when><at>2024-03-15T10:30:00</at><m k=\"v\"><x>1</x></m></r>");
        show(ctx, df, from_xml(col("s"), lit("id INT, tag ARRAY<STRING>, pt STRUCT<_x: INT, _y: INT>, "
                        + "note STRUCT<_VALUE: STRING, _lang: STRING>, inner STRUCT<v: BOOLEAN, w: BOOLEAN>")),
                from_xml(col("s"), lit("item ARRAY<STRUCT<n: INT>>, when DATE, at TIMESTAMP, m MAP<STRING, STRING>")),
                from_xml(col("s"), lit("note STRING, inner STRING")),
                from_xml(col("s"), lit("note STRUCT<text: STRING, _lang: STRING>"), options("valueTag", "text")));
    }

    @Case
    public static void toXml(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, to_xml(struct(col("i"), col("s"))), to_xml(struct(col("l"), col("d"), col("b"))),
                to_xml(struct(col("ts"), col("dt"))),
                to_xml(struct(col("i").as("_id"), col("s").as("_VALUE"))),
                to_xml(struct(col("i"), struct(col("s"), col("i").as("_n")).as("inner"))),
                to_xml(struct(array(col("i"), col("i")).as("v"), lit("<a&b>").as("t"))),
                to_xml(struct(col("i"), col("s")), options("rowTag", "item", "nullValue", "NULL")),
                to_xml(struct(col("i")), options("indent", "")));
        showExpr(ctx, df, "to_xml(named_struct('a', 1, 'b', 2))", "to_xml(named_struct('a', map('k', 'v')))",
                "to_xml(named_struct('a', array(array(1, 2))))", "to_xml(i)", "to_xml(named_struct('a', CAST(NULL AS INT)))");
    }

    @Case
    public static void schemaOfXml(CaseContext ctx) {
        Dataset<Row> one = table(ctx).limit(1);
        show(ctx, one, schema_of_xml("<p><a>1</a><b>x</b><c>2.5</c><d>true</d></p>"),
                schema_of_xml("<p id=\"3\"><t>a</t><t>b</t><n k=\"1\">v</n><e/><z><y>1</y><y>2.5</y></z></p>"),
                schema_of_xml(lit("<p><d>2024-03-15</d><ts>2024-03-15T10:30:00</ts><m>1</m><m>x</m><s> 12 </s></p>")),
                schema_of_xml(lit("<p a=\"1\"><b>2</b></p>"), options("attributePrefix", "@")),
                schema_of_xml(lit("<p>text<b>1</b></p>")), schema_of_xml(col("s")));
        showExpr(ctx, one, "schema_of_xml('<p><x>1</x></p>')", "schema_of_xml(NULL)",
                "from_xml('<p><x>1</x><y>a</y></p>', schema_of_xml('<p><x>1</x><y>a</y></p>'))");
    }
}
