package io.tideway.engine.ui;

import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryException;
import io.tideway.sql.streaming.StreamingQueryProgress;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One run of a query as the status page keeps it: its names, its last {@code capacity} progress
 * points (a ring: the oldest is dropped), its last progress, and once it ended, how and with
 * which exception. Threading: written by the listener-bus thread (the status listener's events),
 * except that the page's server thread may {@link #attach} the query's handle when the started
 * event came before the query was listed; read by the server thread. Every method on mutable state synchronises on
 * this history (one write a trigger, one read a second: nothing to contend on).
 */
final class QueryHistory {
    private final UUID id;
    private final UUID runId;
    private final String name;
    private final String started;
    private final ProgressPoint[] ring;
    /** Points ever added; the ring holds the last {@code min(added, ring.length)}. */
    private long added;
    private StreamingQueryProgress last;
    /**
     * The running query's handle, for its status and, as it ends, its exception's stack; null when
     * it ended before the page saw it, and once it ended (an ended run keeps no plan or sink alive).
     */
    private StreamingQuery query;
    private boolean ended;
    /** How it ended, as its status said then; null while it runs. */
    private String endStatus;
    private String exceptionMessage;
    private String exceptionStack;

    QueryHistory(UUID id, UUID runId, String name, String started, int capacity) {
        this.id = id;
        this.runId = runId;
        this.name = name;
        this.started = started;
        this.ring = new ProgressPoint[Math.max(1, capacity)];
    }

    UUID id() {
        return id;
    }

    UUID runId() {
        return runId;
    }

    /** The query's name, or null. */
    String name() {
        return name;
    }

    /** When it started, as progress prints timestamps. */
    String started() {
        return started;
    }

    synchronized void attach(StreamingQuery q) {
        if (!ended && query == null && q != null && q.runId().equals(runId)) {
            query = q;
        }
    }

    synchronized boolean attached() {
        return query != null;
    }

    synchronized void add(StreamingQueryProgress p) {
        ring[(int) (added++ % ring.length)] = ProgressPoint.of(p);
        last = p;
    }

    /** The points held, oldest first. */
    synchronized List<ProgressPoint> points() {
        int n = (int) Math.min(added, ring.length);
        List<ProgressPoint> out = new ArrayList<>(n);
        for (long i = added - n; i < added; i++) {
            out.add(ring[(int) (i % ring.length)]);
        }
        return out;
    }

    /** The last progress, or null before the first. */
    synchronized StreamingQueryProgress last() {
        return last;
    }

    /** Marks the run ended; {@code errorMessage} (the terminated event's) is null when it stopped without error. */
    synchronized void end(String errorMessage) {
        ended = true;
        StreamingQueryException e = query == null || !query.exception().isDefined() ? null : query.exception().get();
        if (e != null) {
            exceptionMessage = e.getMessage();
            StringWriter stack = new StringWriter();
            e.printStackTrace(new PrintWriter(stack));
            exceptionStack = stack.toString();
        } else {
            exceptionMessage = errorMessage;
        }
        endStatus = query != null ? query.status().message()
                : errorMessage == null ? "Stopped" : "Terminated with exception: " + errorMessage;
        query = null;
    }

    synchronized boolean ended() {
        return ended;
    }

    /** What the query says it is doing, or, once ended, how it ended. */
    synchronized String status() {
        return ended ? endStatus : query != null ? query.status().message() : "Initializing";
    }

    /** The failure's message, or null. */
    synchronized String exceptionMessage() {
        return exceptionMessage;
    }

    /** The failure's stack trace with its causes, or null (also when only the message is known). */
    synchronized String exceptionStack() {
        return exceptionStack;
    }
}
