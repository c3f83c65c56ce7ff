/**
 * The epoch coordinator of continuous mode: an epoch clock that reader threads poll, a
 * lock-free inbox for per-partition reports, and in-order epoch commits on one coordinator
 * thread. Generic: it knows nothing about rows, sources or sinks; offsets and commit messages
 * are opaque objects handed to an {@link io.tideway.epoch.EpochCommitter}.
 *
 * <p>Entry point: {@link io.tideway.epoch.EpochCoordinator}.
 */
package io.tideway.epoch;
