package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryListener;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * When a StreamingQueryListener hears of a query: onQueryStarted before start() returns, on the
 * query's thread; onQueryIdle once per noDataProgressEventInterval of a query without new data,
 * whose idle reports are not progress events (issue 15).
 */
public final class QueriesListenerEvents {
    private QueriesListenerEvents() {
    }

    /** Records what a case prints; the waits are on this monitor, under a timeout. */
    private static final class Recorder extends StreamingQueryListener {
        private final CaseContext ctx;
        String startedThread;
        int activeWhenStarted = -1;
        final List<String> progress = new ArrayList<>();
        final List<QueryIdleEvent> idle = new ArrayList<>();

        Recorder(CaseContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public synchronized void onQueryStarted(QueryStartedEvent event) {
            startedThread = Thread.currentThread().getName();
            activeWhenStarted = ctx.spark().streams().active().length;
        }

        @Override
        public synchronized void onQueryProgress(QueryProgressEvent event) {
            progress.add("batchId=" + event.progress().batchId() + " numInputRows=" + event.progress().numInputRows());
            notifyAll();
        }

        @Override
        public synchronized void onQueryIdle(QueryIdleEvent event) {
            idle.add(event);
            notifyAll();
        }

        @Override
        public void onQueryTerminated(QueryTerminatedEvent event) {
        }

        /** Waits until {@code n} idle events came, at most {@code timeoutMs}; whether they did. */
        synchronized boolean awaitIdle(int n, long timeoutMs) throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeoutMs;
            long left;
            while (idle.size() < n && (left = deadline - System.currentTimeMillis()) > 0) {
                wait(left);
            }
            return idle.size() >= n;
        }
    }

    /** A listener whose onQueryStarted throws; the query starts all the same. */
    private static final class Throwing extends StreamingQueryListener {
        @Override
        public void onQueryStarted(QueryStartedEvent event) {
            throw new IllegalStateException("listener failure");
        }

        @Override
        public void onQueryProgress(QueryProgressEvent event) {
        }

        @Override
        public void onQueryTerminated(QueryTerminatedEvent event) {
        }
    }

    private static StreamingQuery textQuery(CaseContext ctx, Path in) throws Exception {
        return ctx.spark().readStream().text(in.toString()).writeStream().format("memory").queryName("lines").start();
    }

    @Case
    public static void startedBeforeStartReturns(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a");
        Recorder r = new Recorder(ctx);
        Throwing throwing = new Throwing();
        ctx.spark().streams().addListener(throwing);
        ctx.spark().streams().addListener(r);
        StreamingQuery q = textQuery(ctx, in);
        String seen;
        int active;
        synchronized (r) {
            seen = r.startedThread;
            active = r.activeWhenStarted;
        }
        ctx.println("onQueryStarted ran before start() returned: " + (seen != null));
        ctx.println("on the query's thread: " + (seen != null && seen.startsWith("stream execution thread for")));
        ctx.println("not on the caller's thread: " + !Thread.currentThread().getName().equals(seen));
        ctx.println("active queries seen from onQueryStarted: " + active);
        ctx.println("query active despite a throwing listener: " + q.isActive());
        q.stop();
        ctx.spark().streams().removeListener(r);
        ctx.spark().streams().removeListener(throwing);
    }

    @Case
    public static void idleEventAfterBatch(CaseContext ctx) throws Exception {
        ctx.spark().conf().set("spark.sql.streaming.noDataProgressEventInterval", "200ms");
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a", "b");
        Recorder r = new Recorder(ctx);
        ctx.spark().streams().addListener(r);
        StreamingQuery q = textQuery(ctx, in);
        ctx.println("two idle events within 30 s: " + r.awaitIdle(2, 30_000));
        q.stop();
        ctx.spark().streams().removeListener(r);
        synchronized (r) {
            ctx.println("progress events: " + r.progress);
            boolean ids = r.idle.stream().allMatch(e -> e.id().equals(q.id()) && e.runId().equals(q.runId()));
            ctx.println("idle events carry the query's id and runId: " + ids);
            boolean stamps = r.idle.stream().allMatch(e -> e.timestamp().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
            ctx.println("idle timestamps in progress format: " + stamps);
            String first = r.idle.get(0).timestamp();
            ctx.println("first idle trigger after the batch's: " + (first.compareTo(q.recentProgress()[0].timestamp()) > 0));
        }
        ctx.println("idle reports kept in recentProgress: " + (q.recentProgress().length > 1));
    }

    @Case
    public static void idleEventWithoutData(CaseContext ctx) throws Exception {
        ctx.spark().conf().set("spark.sql.streaming.noDataProgressEventInterval", "200ms");
        Path in = ctx.dir("in");
        Recorder r = new Recorder(ctx);
        ctx.spark().streams().addListener(r);
        StreamingQuery q = textQuery(ctx, in);
        ctx.println("an idle event within 30 s: " + r.awaitIdle(1, 30_000));
        q.stop();
        ctx.spark().streams().removeListener(r);
        synchronized (r) {
            ctx.println("progress events: " + r.progress);
        }
        ctx.println("idle reports kept in recentProgress: " + (q.recentProgress().length > 0));
        ctx.println("their numInputRows: " + q.recentProgress()[0].numInputRows());
    }
}
