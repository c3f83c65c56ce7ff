package io.tideway.examples;

import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import io.tideway.testsupport.EmbeddedKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.from_json;
import static io.tideway.sql.functions.struct;
import static io.tideway.sql.functions.to_json;
import static io.tideway.sql.functions.when;

/**
 * The Kafka JSON ETL that most Spark streaming programs are, written as a Spark user writes it:
 * JSON orders from one topic, parsed with {@code from_json}, classified with
 * {@code when}/{@code otherwise}, and written to another topic as JSON with
 * {@code to_json(struct(...))}, keyed by order id. A malformed record parses to nulls and is
 * dropped by the filter on its id, as Spark's PERMISSIVE mode does.
 *
 * <p>Usage: {@code bin/tideway run KafkaJsonPipeline [bootstrap-servers]}: without servers it
 * starts a single-node KRaft broker in the process, writes sample orders, runs the query once
 * ({@code Trigger.AvailableNow()}) and prints what reached the output topic.
 */
public final class KafkaJsonPipeline {
    static final String IN = "orders";
    static final String OUT = "orders-classified";

    /** The orders' JSON, as Spark reads it: a DDL string would do as well ({@code from_json(col, "id BIGINT, ...")}). */
    static final StructType ORDER = new StructType()
            .add("id", DataTypes.LongType)
            .add("customer", DataTypes.StringType)
            .add("amount", DataTypes.DoubleType)
            .add("ts", DataTypes.TimestampType);

    private KafkaJsonPipeline() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("tideway-kafka-json");
        if (args.length > 0) {
            run(args[0], dir).forEach(System.out::println);
            return;
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopic(IN, 1);
            kafka.createTopic(OUT, 1);
            kafka.produce(IN, 1, List.of(
                    "{\"id\":1,\"customer\":\"ada\",\"amount\":12.5,\"ts\":\"2026-12-07T10:00:00Z\"}",
                    "{\"id\":2,\"customer\":\"bob\",\"amount\":250.0,\"ts\":\"2026-12-07T10:00:01Z\"}",
                    "not json",
                    "{\"id\":3,\"customer\":\"cy\",\"amount\":4200,\"ts\":\"2026-12-07T10:00:02Z\"}"));
            for (String line : run(kafka.bootstrap(), dir)) {
                System.out.println(line);
            }
        }
    }

    /** Runs the pipeline over what {@value #IN} holds, then returns the records of {@value #OUT} as {@code key -> value}. */
    static List<String> run(String bootstrap, Path dir) throws Exception {
        TidewaySession spark = TidewaySession.builder().appName("KafkaJsonPipeline")
                .config("spark.sql.session.timeZone", "UTC").getOrCreate();
        try {
            spark.sparkContext().setLogLevel("WARN");
            Dataset<Row> orders = spark.readStream().format("kafka")
                    .option("kafka.bootstrap.servers", bootstrap)
                    .option("subscribe", IN)
                    .option("startingOffsets", "earliest")
                    .load()
                    .select(from_json(col("value").cast("string"), ORDER).as("order"))
                    .select("order.*")
                    .filter(col("id").isNotNull());
            Dataset<Row> classified = orders.withColumn("size",
                    when(col("amount").geq(1000), "large").when(col("amount").geq(100), "medium").otherwise("small"));
            classified
                    .select(col("id").cast("string").as("key"),
                            to_json(struct(col("id"), col("customer"), col("amount"), col("size"), col("ts"))).as("value"))
                    .writeStream().format("kafka")
                    .option("kafka.bootstrap.servers", bootstrap)
                    .option("topic", OUT)
                    .option("checkpointLocation", dir.resolve("checkpoint").toString())
                    .trigger(Trigger.AvailableNow())
                    .start()
                    .awaitTermination();
        } finally {
            spark.stop();
        }
        return readAll(bootstrap);
    }

    /** Every record of {@value #OUT}, partition by partition, up to the end offsets it has now. */
    private static List<String> readAll(String bootstrap) {
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(OUT).forEach(p -> partitions.add(new TopicPartition(OUT, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(r.key() + " -> " + r.value());
                }
            }
        }
        return out;
    }
}
