package io.tideway.engine.expr.fn;

import io.tideway.types.variant.Variant;
import io.tideway.types.variant.VariantDuplicateKeyException;
import io.tideway.types.variant.VariantKind;
import io.tideway.types.variant.VariantLayout;
import io.tideway.types.variant.VariantWriter;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The binary variant encoding: JSON round trips of every kind and the bytes Spark writes. */
class VariantEncodingTest {
    private static Variant parse(String json) throws Exception {
        VariantWriter w = VariantJsonParser.parse(json, false);
        return new Variant(w.value(), w.metadata());
    }

    private static byte[] value(String json) throws Exception {
        return VariantJsonParser.parse(json, false).value();
    }

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    private static void roundTrip(String json, String expected) throws Exception {
        Variant v = parse(json);
        assertEquals(expected, v.toJson(ZoneOffset.UTC));
        // and through a row field
        byte[] field = VariantLayout.encode(v.valueBytes(), v.metadata());
        assertEquals(expected, VariantLayout.read(new UnsafeBuffer(field), 0, field.length).toJson(ZoneOffset.UTC));
    }

    @Test
    void roundTripsEveryKind() throws Exception {
        roundTrip("{\"b\": 1, \"a\": {\"c\": [true, false, null]}}", "{\"a\":{\"c\":[true,false,null]},\"b\":1}");
        roundTrip("[]", "[]");
        roundTrip("{}", "{}");
        roundTrip("\"short\"", "\"short\"");
        String longText = "x".repeat(64);
        roundTrip("\"" + longText + "\"", "\"" + longText + "\"");
        roundTrip("\"tab\\t quote\\\" é\"", "\"tab\\t quote\\\" é\"");
        roundTrip("127", "127");
        roundTrip("-32768", "-32768");
        roundTrip("2147483647", "2147483647");
        roundTrip("-9223372036854775808", "-9223372036854775808");
        roundTrip("1.50", "1.5");
        roundTrip("123456789012.5", "123456789012.5");
        roundTrip("12345678901234567890123.25", "12345678901234567890123.25");
        roundTrip("1e3", "1000.0");
        roundTrip("1.5E-7", "1.5E-7");
        roundTrip("true", "true");
        roundTrip("null", "null");
    }

    @Test
    void integersTakeTheNarrowestWidth() throws Exception {
        assertArrayEquals(bytes(3 << 2, 1), value("1"));
        assertArrayEquals(bytes(4 << 2, 0x2C, 0x01), value("300"));
        assertArrayEquals(bytes(5 << 2, 0x70, 0x11, 0x01, 0x00), value("70000"));
        assertEquals(9, value("5000000000").length);
        assertEquals(VariantKind.LONG, parse("5000000000").kind());
        assertEquals(5_000_000_000L, parse("5000000000").getLong());
    }

    @Test
    void decimalsAndDoubles() throws Exception {
        assertArrayEquals(bytes(8 << 2, 2, 150, 0, 0, 0), value("1.50")); // decimal4, scale 2, unscaled 150
        assertEquals(9 << 2, value("1234567890.5")[0]); // decimal8
        assertEquals(10 << 2, value("12345678901234567890123")[0]); // too large for a long: decimal16
        assertEquals(new BigDecimal("-12345678901234567890.123"), parse("-12345678901234567890.123").getDecimal());
        assertEquals(7 << 2, value("1e3")[0]); // an exponent: a double
        assertEquals(1000.0, parse("1e3").getDouble());
    }

    @Test
    void stringsShortAndLong() throws Exception {
        byte[] shortString = value("\"ab\"");
        assertArrayEquals(bytes(2 << 2 | 1, 'a', 'b'), shortString);
        byte[] longString = value("\"" + "y".repeat(64) + "\"");
        assertEquals(16 << 2, longString[0]);
        assertEquals(64, longString[1]);
        assertEquals(1 + 4 + 64, longString.length);
    }

    @Test
    void objectsAsSparkWritesThem() throws Exception {
        VariantWriter w = VariantJsonParser.parse("{\"b\":1,\"a\":2}", false);
        // keys in first-seen order: b (id 0), a (id 1); offsets 1 byte each
        assertArrayEquals(bytes(0x01, 2, 0, 1, 2, 'b', 'a'), w.metadata());
        // fields sorted by key: a (id 1, at 2), b (id 0, at 0); 4 bytes of data
        assertArrayEquals(bytes(0x02, 2, 1, 0, 2, 0, 4, 3 << 2, 1, 3 << 2, 2), w.value());
        assertArrayEquals(bytes(0x03, 2, 0, 2, 4, 3 << 2, 1, 3 << 2, 2), value("[1,2]"));
    }

    @Test
    void lookupsAndRebuild() throws Exception {
        Variant v = parse("{\"x\": {\"y\": [10, \"z\"]}, \"w\": 1}");
        assertEquals("z", v.field("x").field("y").element(1).getString());
        assertEquals(null, v.field("nope"));
        VariantWriter w = new VariantWriter(false);
        w.appendVariant(v.field("x"));
        assertArrayEquals(bytes(0x01, 1, 0, 1, 'y'), w.metadata()); // only the keys the value uses
        assertEquals("{\"y\":[10,\"z\"]}", new Variant(w.value(), w.metadata()).toJson(ZoneOffset.UTC));
    }

    @Test
    void duplicateKeys() throws Exception {
        assertThrows(VariantDuplicateKeyException.class, () -> parse("{\"a\": 1, \"a\": 2}"));
        VariantWriter w = VariantJsonParser.parse("{\"a\": 1, \"b\": 3, \"a\": 2}", true);
        assertEquals("{\"a\":2,\"b\":3}", new Variant(w.value(), w.metadata()).toJson(ZoneOffset.UTC));
    }

    @Test
    void manyFieldsUseLargeCountsAndWideOffsets() throws Exception {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < 300; i++) {
            sb.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"").append("v".repeat(250)).append('"');
        }
        Variant v = parse(sb.append('}').toString());
        assertEquals(300, v.size());
        assertEquals("v".repeat(250), v.field("k299").getString());
        assertEquals(VariantKind.OBJECT, v.kind());
    }

    /** Value and metadata bytes Spark 4.0.4's {@code VariantBuilder.parseJson} wrote for these texts. */
    @Test
    void bytesAsSpark() throws Exception {
        String[][] cases = {
            {"{\"b\":1,\"a\":2}", "020201000200040c010c02", "01020001026261"},
            {"[1,300,70000,5000000000,-1]", "03050002050a13150c01102c0114701101001800f2052a010000000cff", "010000"},
            {"1.50", "200296000000", "010000"},
            {"12345678901234567890123", "2800cb444271764eb6429d02000000000000", "010000"},
            {"1e3", "1c0000000000408f40", "010000"},
            {"\"ab\"", "096162", "010000"},
            {"{\"x\":{\"y\":[10,\"z\"]},\"w\":1}", "020202000e0010020101000903020002040c0a057a0c01", "010300010203787977"},
            {"-12345678901234567890.123", "280335bbbd8e89b149bd62fdffffffffffff", "010000"},
        };
        java.util.HexFormat hex = java.util.HexFormat.of();
        for (String[] c : cases) {
            VariantWriter w = VariantJsonParser.parse(c[0], false);
            assertEquals(c[1], hex.formatHex(w.value()), c[0]);
            assertEquals(c[2], hex.formatHex(w.metadata()), c[0]);
        }
    }
}
