package io.tideway.epoch;

import java.util.List;

/**
 * Commits one epoch once every partition has reported it: in continuous mode it writes
 * {@code offsets/N}, commits the sink, then writes {@code commits/N}.
 *
 * <p>Threading: called only on the coordinator thread, strictly in epoch order, never
 * concurrently, so it may do blocking disk I/O. Throwing fails the coordinator: it stops
 * advancing and passes the exception to its error handler once.
 *
 * @param <O> the partition offset type
 * @param <M> the commit message type
 */
@FunctionalInterface
public interface EpochCommitter<O, M> {
    /**
     * @param epoch   the epoch to commit; always the last committed epoch + 1
     * @param reports one report per partition, index {@code i} holds partition {@code i};
     *                an immutable list the committer may keep
     */
    void commit(long epoch, List<PartitionReport<O, M>> reports) throws Exception;
}
