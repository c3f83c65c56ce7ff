package io.tideway.examples;

import io.tideway.testsupport.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Kafka JSON example against a real in-process KRaft broker: every good order classified, the malformed one dropped. */
class KafkaJsonPipelineTest {
    @Test
    void classifiesOrdersAndWritesJson(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopic(KafkaJsonPipeline.IN, 2);
            kafka.createTopic(KafkaJsonPipeline.OUT, 1);
            kafka.produce(KafkaJsonPipeline.IN, 2, List.of(
                    "{\"id\":1,\"customer\":\"ada\",\"amount\":12.5,\"ts\":\"2026-12-07T10:00:00Z\"}",
                    "{\"id\":2,\"customer\":\"bob\",\"amount\":250,\"ts\":\"2026-12-07T10:00:01Z\"}",
                    "{\"id\":3,\"customer\":\"cy\",\"amount\":4200.0}",
                    "{\"broken"));
            List<String> out = KafkaJsonPipeline.run(kafka.bootstrap(), dir).stream().sorted().toList();
            assertEquals(List.of(
                    "1 -> {\"id\":1,\"customer\":\"ada\",\"amount\":12.5,\"size\":\"small\",\"ts\":\"2026-12-07T10:00:00.000Z\"}",
                    "2 -> {\"id\":2,\"customer\":\"bob\",\"amount\":250.0,\"size\":\"medium\",\"ts\":\"2026-12-07T10:00:01.000Z\"}",
                    "3 -> {\"id\":3,\"customer\":\"cy\",\"amount\":4200.0,\"size\":\"large\"}"), out);
        }
    }
}
