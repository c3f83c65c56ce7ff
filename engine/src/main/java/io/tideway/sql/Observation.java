package io.tideway.sql;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Spark's {@code Observation}: the named metrics of {@code Dataset.observe(observation, ...)} on a
 * static Dataset, available once the first action on that Dataset has finished. {@link #get()}
 * waits for them, as Spark's does. For a stream, read {@code observedMetrics()} of each progress
 * instead. Thread-safe.
 */
public class Observation {
    private final String name;
    private final CompletableFuture<Row> metrics = new CompletableFuture<>();
    /** Set by the Dataset it observes; an observation serves one Dataset, as Spark's. */
    private volatile boolean registered;

    /** An observation with a random name. */
    public Observation() {
        this(UUID.randomUUID().toString());
    }

    /**
     * An observation named {@code name}, the name its metrics are reported under. An empty or null
     * name throws {@code IllegalArgumentException}
     * ("{@code requirement failed: Name must not be empty}"), as Spark.
     */
    public Observation(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("requirement failed: Name must not be empty");
        }
        this.name = name;
    }

    /** The observation's name. */
    public String name() {
        return name;
    }

    /**
     * The metrics by name, waiting until the first action on the observed Dataset has run: a Scala
     * immutable map built as Spark's {@code Row.getValuesMap}, so it iterates in Spark's order.
     */
    public scala.collection.immutable.Map<String, Object> get() throws InterruptedException {
        Row row;
        try {
            row = metrics.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        scala.collection.immutable.Map<String, Object> out = scala.collection.immutable.Map$.MODULE$.empty();
        for (int i = 0; i < row.length(); i++) {
            out = out.updated(row.schema().fields()[i].name(), row.get(i));
        }
        return out;
    }

    /** As {@link #get()}, as a Java map (a view of it, in the same order). */
    public Map<String, Object> getAsJava() throws InterruptedException {
        return scala.jdk.javaapi.CollectionConverters.asJava(get());
    }

    /** Binds this observation to the Dataset being built; Spark's refusals for a stream or a second Dataset. */
    void register(boolean streaming) {
        if (streaming) {
            throw new IllegalArgumentException("Observation does not support streaming Datasets.This is because there "
                    + "will be multiple observed metrics as microbatches are constructed. Please register a "
                    + "StreamingQueryListener and get the metric for each microbatch in QueryProgressEvent.progress, or "
                    + "use query.lastProgress or query.recentProgress.");
        }
        synchronized (this) {
            if (registered) {
                throw new IllegalArgumentException("An Observation can be used with a Dataset only once");
            }
            registered = true;
        }
    }

    /** The first action's metrics; later actions leave them as they are, as Spark's. */
    void complete(Row row) {
        metrics.complete(row);
    }
}
