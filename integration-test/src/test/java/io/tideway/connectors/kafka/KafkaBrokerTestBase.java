package io.tideway.connectors.kafka;

import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.testsupport.EmbeddedKafka;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * What every test class against the broker shares: one {@link EmbeddedKafka} per class, a
 * session, and the queries a test started, stopped after it whether it passed or not. A
 * subclass's own {@code @BeforeAll} runs after the broker is up.
 */
abstract class KafkaBrokerTestBase {
    static EmbeddedKafka kafka;
    final TidewaySession spark = TidewaySession.builder().getOrCreate();
    /** Add every query a test starts; each is stopped after the test. */
    final List<StreamingQuery> started = new ArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @AfterEach
    void stopStartedQueries() throws Exception {
        for (StreamingQuery q : started) {
            q.stop();
        }
    }
}
