package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import static io.tideway.sql.functions.*;

/** XML, xpath, AES and URL/UTF-8 functions on Tideway's main path: a streaming query over JSON files, two batches. */
public final class FnXmlStream {
    private FnXmlStream() {
    }

    private static Dataset<Row> input(CaseContext ctx) throws Exception {
        return OpsData.json(ctx, "i INT, x STRING",
                new String[] {
                    "{\"i\":1,\"x\":\"<r a=\\\"1\\\"><v>10</v><v>20</v><t>hi there</t></r>\"}",
                    "{\"i\":2,\"x\":\"<r><v>x</v></r>\"}"},
                new String[] {
                    "{\"i\":3,\"x\":null}",
                    "{\"i\":4,\"x\":\"<r a=\\\"2\\\"><t>&amp; more</t></r>\"}"});
    }

    @Case
    public static void xmlFunctionsInStreamingSelect(CaseContext ctx) throws Exception {
        Dataset<Row> out = input(ctx).select(
                col("i"),
                xpath(col("x"), lit("r/v/text()")),
                xpath_int(col("x"), lit("sum(r/v)")),
                xpath_string(col("x"), lit("r/t")),
                xpath_boolean(col("x"), lit("r/@a")),
                from_xml(col("x"), lit("_a INT, v ARRAY<INT>, t STRING")),
                to_xml(struct(col("i"), col("x").as("_VALUE"))),
                hex(aes_encrypt(col("x"), lit("abcdefghijklmnop"), lit("CBC"), lit("PKCS"),
                        unhex(lit("000102030405060708090A0B0C0D0E0F")))),
                aes_decrypt(aes_encrypt(col("x"), lit("abcdefghijklmnop")), lit("abcdefghijklmnop")).cast("string"),
                url_encode(col("x")),
                is_valid_utf8(col("x")));
        OpsData.fields(ctx, out);
        OpsData.run(ctx, out);
    }
}
