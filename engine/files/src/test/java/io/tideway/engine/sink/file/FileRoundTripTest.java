package io.tideway.engine.sink.file;

import io.tideway.engine.row.GenericRow;
import io.tideway.engine.row.RowConverter;
import io.tideway.engine.source.file.CsvSourceProvider;
import io.tideway.engine.source.file.JsonSourceProvider;
import io.tideway.engine.spi.CommitMessage;
import io.tideway.engine.spi.InputPartition;
import io.tideway.engine.spi.Offset;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.PartitionReader;
import io.tideway.engine.spi.PartitionWriter;
import io.tideway.engine.spi.ReadLimit;
import io.tideway.engine.spi.SinkContext;
import io.tideway.engine.spi.SinkProvider;
import io.tideway.engine.spi.SourceContext;
import io.tideway.engine.spi.SourceProvider;
import io.tideway.engine.spi.StreamSink;
import io.tideway.engine.spi.StreamSource;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.OutputMode;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.agrona.ExpandableDirectByteBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A stream read from one file directory and written by the file sink reads back identically. */
class FileRoundTripTest {
    private static final StructType SCHEMA = new StructType().add("id", DataTypes.IntegerType)
            .add("name", DataTypes.StringType).add("ts", DataTypes.TimestampType).add("ok", DataTypes.BooleanType);

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"csv", "json"})
    void sinkOutputReadsBackThroughTheSource(String format) {
        SinkProvider sinkProvider = format.equals("csv") ? new CsvSinkProvider() : new JsonSinkProvider();
        SourceProvider sourceProvider = format.equals("csv") ? new CsvSourceProvider() : new JsonSourceProvider();
        Options opts = new Options(Map.of("path", tmp.resolve("out").toString(), "timeZone", "UTC"));
        StreamSink sink = sinkProvider.create(new SinkContext(opts, SCHEMA, OutputMode.Append(), null, tmp, null, false));
        Timestamp ts = Timestamp.from(Instant.parse("2024-05-06T07:08:09.123Z"));
        List<Row> rows = List.of(new GenericRow(new Object[]{1, "a,\"b\"", ts, true}, SCHEMA),
                new GenericRow(new Object[]{2, null, null, false}, SCHEMA));

        RowConverter converter = new RowConverter(SCHEMA);
        ExpandableDirectByteBuffer buf = new ExpandableDirectByteBuffer(128);
        RowWriter rw = new RowWriter(SCHEMA.length());
        PartitionWriter w = sink.createWriter(0, 0);
        for (Row r : rows) {
            converter.write(r, rw.wrap(buf, 0));
            w.accept(buf, 0, rw.finish());
        }
        List<CommitMessage> messages = List.of(w.commit());
        sink.commit(0, messages);

        // glob on the part files, so _spark_metadata is not listed
        Options in = new Options(Map.of("path", tmp.resolve("out") + "/part-*", "mode", "FAILFAST", "timeZone", "UTC"));
        StructType schema = sourceProvider.schema(SCHEMA, in);
        StreamSource source = sourceProvider.create(new SourceContext(in, schema, tmp.resolve("chk/sources/0"), Map.of()));
        Offset end = source.latestOffset(null, ReadLimit.SOURCE_DEFAULT);
        List<Row> back = new ArrayList<>();
        for (InputPartition p : source.planPartitions(null, end)) {
            try (PartitionReader r = source.createReader(p)) {
                while (r.read((b, o, l) -> back.add(converter.toRow(b, o, l)), 100) >= 0) {
                    // drain
                }
            }
        }
        assertEquals(rows, back);
    }
}
