package io.tideway.connectors.kafka;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when offsets the query needs are gone (retention, a deleted or re-created
 * topic): with {@code failOnDataLoss=true} the query fails with the message and Spark's advice;
 * otherwise a warning is logged and the query goes on. Stateless, any thread.
 */
final class DataLoss {
    private static final Logger LOG = LoggerFactory.getLogger(DataLoss.class);

    static final String INSTRUCTION_FOR_FAIL_ON_DATA_LOSS_FALSE = "Some data may have been lost because they are not"
            + " available in Kafka any more; either the data was aged out by Kafka or the topic may have been deleted"
            + " before all the data in the topic was processed. If you don't want your streaming query to fail on such"
            + " cases, set the source option \"failOnDataLoss\" to \"false\".";
    static final String INSTRUCTION_FOR_FAIL_ON_DATA_LOSS_TRUE = "Some data may have been lost because they are not"
            + " available in Kafka any more; either the data was aged out by Kafka or the topic may have been deleted"
            + " before all the data in the topic was processed. If you want your streaming query to fail on such cases,"
            + " set the source option \"failOnDataLoss\" to \"true\".";

    private DataLoss() {
    }

    static void report(boolean failOnDataLoss, String message) {
        if (failOnDataLoss) {
            throw new IllegalStateException(message + ". " + INSTRUCTION_FOR_FAIL_ON_DATA_LOSS_FALSE);
        }
        LOG.warn("{}. {}", message, INSTRUCTION_FOR_FAIL_ON_DATA_LOSS_TRUE);
    }
}
