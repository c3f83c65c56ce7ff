package io.tideway.micrometer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.tideway.engine.metrics.QueryMetrics;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Binds every streaming query of a session to a Micrometer {@link MeterRegistry}, as Micrometer's
 * own binders do for Kafka clients: each query, running when {@link #bindTo} is called or started
 * later, gets gauges tagged {@code query=<queryName or id>}; a query that ends loses them. The
 * gauges read the query's last progress (a micro-batch or a continuous epoch), as its JMX bean
 * does ({@link QueryMetrics}):
 *
 * <ul>
 *   <li>{@code tideway.query.input.rows} (rows/s), {@code tideway.query.processed.rows} (rows/s),
 *       {@code tideway.query.batch.duration} (ms), {@code tideway.query.batch.id};</li>
 *   <li>{@code tideway.query.state.rows}, {@code tideway.query.state.memory} (bytes);</li>
 *   <li>{@code tideway.query.latency} (µs, continuous mode: source time to sink, the worst
 *       partition of the last epoch), tagged {@code quantile=p50|p99|p99.9|max}.</li>
 * </ul>
 *
 * <pre>{@code
 * new TidewayMetrics(spark).bindTo(registry);
 * }</pre>
 *
 * <p>Threading: {@link #bindTo} on any thread; queries are added and removed on the session's
 * listener thread; gauges are read on the registry's threads.
 */
public final class TidewayMetrics implements MeterBinder {
    private final TidewaySession session;
    /** Each bound query's meters, to remove when it ends; any thread. */
    private final Map<UUID, List<Meter>> meters = new ConcurrentHashMap<>();

    public TidewayMetrics(TidewaySession session) {
        this.session = session;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        session.streams().addListener(new StreamingQueryListener() {
            @Override
            public void onQueryStarted(QueryStartedEvent event) {
                StreamingQuery q = session.streams().get(event.id());
                if (q != null) {
                    add(registry, q);
                }
            }

            @Override
            public void onQueryProgress(QueryProgressEvent event) {
            }

            @Override
            public void onQueryTerminated(QueryTerminatedEvent event) {
                remove(registry, event.id());
            }
        });
        for (StreamingQuery q : session.streams().active()) {
            add(registry, q);
        }
    }

    private void add(MeterRegistry registry, StreamingQuery query) {
        QueryMetrics m = new QueryMetrics(query);
        Tags tags = Tags.of("query", m.label());
        List<Meter> added = new ArrayList<>();
        added.add(gauge(registry, "tideway.query.input.rows", "rows/s", "rows per second the last batch or epoch read",
                tags, m, QueryMetrics::getInputRowsPerSecond));
        added.add(gauge(registry, "tideway.query.processed.rows", "rows/s", "rows per second the last batch or epoch processed",
                tags, m, QueryMetrics::getProcessedRowsPerSecond));
        added.add(gauge(registry, "tideway.query.batch.duration", "milliseconds", "the last batch's or epoch's duration",
                tags, m, QueryMetrics::getBatchDurationMs));
        added.add(gauge(registry, "tideway.query.batch.id", null, "the last batch or epoch reported", tags, m,
                QueryMetrics::getBatchId));
        added.add(gauge(registry, "tideway.query.state.rows", "rows", "rows in the stateful operators' state", tags, m,
                QueryMetrics::getStateRowsTotal));
        added.add(gauge(registry, "tideway.query.state.memory", "bytes", "memory the stateful operators' state uses",
                tags, m, QueryMetrics::getStateMemoryUsedBytes));
        for (String quantile : List.of("p50", "p99", "p99.9", "max")) {
            added.add(gauge(registry, "tideway.query.latency", "microseconds",
                    "continuous mode: source time to sink in the last epoch, the worst partition",
                    tags.and("quantile", quantile), m, q -> q.latencyMicros(quantile)));
        }
        meters.put(query.id(), added);
        if (!query.isActive()) { // ended while being bound: its terminated event may have come first
            remove(registry, query.id());
        }
    }

    private void remove(MeterRegistry registry, UUID query) {
        List<Meter> gone = meters.remove(query);
        if (gone != null) {
            gone.forEach(registry::remove);
        }
    }

    private static Meter gauge(MeterRegistry registry, String name, String unit, String description, Tags tags,
                               QueryMetrics metrics, ToDoubleFunction<QueryMetrics> value) {
        // strongly held: a gauge keeps a weak reference by default, and nothing else holds the QueryMetrics
        return Gauge.builder(name, metrics, value).strongReference(true).baseUnit(unit).description(description).tags(tags)
                .register(registry);
    }
}
