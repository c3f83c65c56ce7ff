package io.tideway.connectors.kafka;

import io.tideway.engine.spi.SinkContext;
import io.tideway.engine.spi.SinkProvider;
import io.tideway.engine.spi.StreamSink;

/**
 * {@code format("kafka")} on a stream writer: Spark's Kafka sink, exactly-once
 * in micro-batch mode through Kafka transactions, at-least-once in continuous mode
 * ({@link KafkaStreamSink}). Options and the input schema are checked at {@code start()}.
 *
 * <p>Threading: stateless and thread-safe.
 */
public final class KafkaSinkProvider implements SinkProvider {
    @Override
    public String shortName() {
        return "kafka";
    }

    @Override
    public boolean supportsContinuous() {
        return true;
    }

    @Override
    public StreamSink create(SinkContext context) {
        KafkaSinkOptions options = KafkaSinkOptions.parse(context.options());
        SinkRowProjection projection = new SinkRowProjection(context.schema(), options.topic());
        return new KafkaStreamSink(options, projection, context);
    }
}
