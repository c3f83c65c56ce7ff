package io.tideway.testsupport;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The broker fixture itself: starts, serves a transactional read, and leaves no files behind. */
class EmbeddedKafkaTest {
    @Test
    void startsProducesConsumesAndCleansUp() throws Exception {
        java.nio.file.Path dir;
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopic("smoke", 2);
            kafka.produce("smoke", 2, List.of("a", "b", "c"));
            assertEquals(3, kafka.consume("smoke", "read_committed", 3, Duration.ofSeconds(10)).size());
            dir = kafka.logDir();
            assertTrue(java.nio.file.Files.isDirectory(dir));
        }
        assertFalse(java.nio.file.Files.exists(dir), "log dir deleted on close: " + dir);
    }
}
