package io.tideway.microbatch;

import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.Trigger;

import static io.tideway.sql.functions.col;

/**
 * A query run in a child JVM so a test can kill it mid-stream: text files → json file sink, one
 * file per batch, with {@code dropDuplicates} state when the fourth argument is {@code dedup}.
 * Args: inputDir outputDir checkpointDir [plain|dedup].
 */
public final class ChildQueryMain {
    private ChildQueryMain() {
    }

    public static void main(String[] args) throws Exception {
        TidewaySession spark = TidewaySession.builder().getOrCreate();
        FileQuery.start(spark, args[0], args[1], args[2], Trigger.ProcessingTime(20), args.length > 3 && args[3].equals("dedup"));
        System.out.println("started");
        Thread.currentThread().join(); // until killed
    }

    /** The query both the child and the test's restart run. */
    static final class FileQuery {
        private FileQuery() {
        }

        static io.tideway.sql.streaming.StreamingQuery start(TidewaySession spark, String in, String out, String chk,
                                                              Trigger trigger) throws Exception {
            return start(spark, in, out, chk, trigger, false);
        }

        static io.tideway.sql.streaming.StreamingQuery start(TidewaySession spark, String in, String out, String chk,
                                                              Trigger trigger, boolean dedup) throws Exception {
            io.tideway.sql.Dataset<io.tideway.sql.Row> rows = spark.readStream().format("text")
                    .option("maxFilesPerTrigger", 1).load(in).where(col("value").notEqual(""));
            return (dedup ? rows.dropDuplicates("value") : rows)
                    .writeStream().format("json").option("checkpointLocation", chk).trigger(trigger).start(out);
        }
    }
}
