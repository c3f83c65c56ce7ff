package io.tideway.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTextTest {
    @TempDir
    Path dir;

    /** Every ASCII control character, the two escaped printables, '/' and non-ASCII text. */
    static final String TRICKY;

    static {
        StringBuilder sb = new StringBuilder("a\"b\\c/d é 日本 \uD83D\uDE00 \u007F");
        for (char c = 0; c < 0x20; c++) {
            sb.append(c);
        }
        TRICKY = sb.toString();
    }

    static String jackson(String s) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeString(s);
        }
        return out.toString();
    }

    @Test
    void escapesExactlyAsJacksonDoes() throws Exception {
        for (String s : new String[] {"", "plain", TRICKY}) {
            StringBuilder out = new StringBuilder();
            JsonText.appendString(s, out);
            assertEquals(jackson(s), out.toString(), "for " + s);
        }
        StringBuilder nul = new StringBuilder();
        JsonText.appendString(null, nul);
        assertEquals("null", nul.toString());
    }

    @Test
    void confWithEscapesRoundTripsThroughTheOffsetLog() {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("k\"1", TRICKY);
        conf.put("spark.sql.shuffle.partitions", "4");
        OffsetSeq seq = OffsetSeq.of(new OffsetSeqMetadata(5, 6, conf), "{\"0\":1}");
        OffsetSeqLog log = new OffsetSeqLog(dir);
        log.add(0, seq);
        assertEquals(seq, log.get(0).orElseThrow());
    }
}
