package io.tideway.engine.exec;

import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ShowStringTest {
    private final StructType schema = new StructType().add("word", "string").add("count", "bigint");

    @Test
    void rightAlignsAndPadsToThreeColumnsMinimum() {
        String table = ShowString.format(schema, List.of(RowFactory.create("cat", 2L), RowFactory.create("a", null)), 20, 20);
        assertEquals("+----+-----+\n|word|count|\n+----+-----+\n| cat|    2|\n|   a| NULL|\n+----+-----+\n", table);
    }

    @Test
    void truncatesLongCellsTo17CharsAndDots() {
        StructType s = new StructType().add("t", "string");
        String table = ShowString.format(s, List.of(RowFactory.create("abcdefghijklmnopqrstuvwxyz")), 20, 20);
        assertEquals("+--------------------+\n|                   t|\n+--------------------+\n|abcdefghijklmnopq...|\n+--------------------+\n", table);
        String untruncated = ShowString.format(s, List.of(RowFactory.create("abcdefghijklmnopqrstuvwxyz"), RowFactory.create("x")), 20, 0);
        assertEquals("+--------------------------+\n|t                         |\n+--------------------------+\n"
                + "|abcdefghijklmnopqrstuvwxyz|\n|x                         |\n+--------------------------+\n", untruncated);
    }

    @Test
    void saysOnlyShowingTopNWhenThereAreMoreRows() {
        List<Row> rows = new ArrayList<>();
        for (long i = 0; i < 3; i++) {
            rows.add(RowFactory.create("w" + i, i));
        }
        String table = ShowString.format(schema, rows, 1, 20);
        assertEquals("+----+-----+\n|word|count|\n+----+-----+\n|  w0|    0|\n+----+-----+\nonly showing top 1 row", table);
    }

    @Test
    void emptyBatchHasHeaderAndTwoBorders() {
        assertEquals("+----+-----+\n|word|count|\n+----+-----+\n+----+-----+\n", ShowString.format(schema, List.of(), 20, 20));
    }

    @Test
    void rendersTimestampsArraysStructsAndBinaryAsSpark() {
        assertEquals("2024-01-01 12:00:00", ShowString.render(Timestamp.valueOf("2024-01-01 12:00:00")));
        assertEquals("2024-01-01 12:00:00.5", ShowString.render(Timestamp.valueOf("2024-01-01 12:00:00.5")));
        assertEquals("[a, b]", ShowString.render(List.of("a", "b")));
        assertEquals("{1, x}", ShowString.render(RowFactory.create(1, "x")));
        assertEquals("[01 0A]", ShowString.render(new byte[]{1, 10}));
        assertEquals(4, ShowString.displayWidth("한국"));
    }
}
