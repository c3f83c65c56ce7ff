package io.tideway.sql.streaming;

import io.tideway.sql.TidewaySession;
import io.tideway.sql.catalyst.parser.ParseException;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A streaming source's schema is nullable at every level, as Spark reports it. */
class DataStreamReaderSchemaTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();

    @Test
    void aUserSchemaBecomesNullable(@TempDir Path dir) {
        StructType schema = new StructType()
                .add("k", DataTypes.StringType, false)
                .add("v", DataTypes.LongType, false);
        StructType got = spark.readStream().schema(schema).csv(dir.toString()).schema();
        for (StructField f : got.fields()) {
            assertTrue(f.nullable(), f.name());
        }
    }

    @Test
    void rateColumnsAreNullable() {
        for (String format : new String[]{"rate", "rate-micro-batch"}) {
            StructType got = spark.readStream().format(format).option("rowsPerBatch", 1).load().schema();
            for (StructField f : got.fields()) {
                assertTrue(f.nullable(), format + " " + f.name());
            }
        }
    }

    @Test
    void anUnreadableDdlSchemaIsSparksParseException() {
        ParseException e = assertThrows(ParseException.class, () -> spark.readStream().schema("a INTEGRAL"));
        assertEquals("UNSUPPORTED_DATATYPE", e.getCondition());
        assertEquals("""

                [UNSUPPORTED_DATATYPE] Unsupported data type "INTEGRAL". SQLSTATE: 0A000 (line 1, pos 2)

                == SQL ==
                a INTEGRAL
                --^^^
                """, e.getMessage());
    }
}
