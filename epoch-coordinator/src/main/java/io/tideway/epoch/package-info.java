/**
 * The epoch coordinator of continuous mode: an epoch clock that reader threads poll, a
 * lock-free inbox for per-partition reports, and in-order epoch commits on one coordinator
 * thread. Generic: it knows nothing about rows, sources or sinks; it is typed by the offset and
 * commit message it carries from each partition's report to an {@link io.tideway.epoch.EpochCommitter},
 * which receives them with their types.
 *
 * <p>Entry point: {@link io.tideway.epoch.EpochCoordinator}.
 */
package io.tideway.epoch;
