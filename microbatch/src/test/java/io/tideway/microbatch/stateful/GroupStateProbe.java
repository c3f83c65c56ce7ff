package io.tideway.microbatch.stateful;

import io.tideway.engine.exec.GroupStateImpl;
import io.tideway.sql.streaming.GroupState;
import io.tideway.sql.streaming.GroupStateTimeout;

/** Makes {@link GroupStateImpl}s for tests outside the package. */
public final class GroupStateProbe {
    public GroupState<Long> noTimeout() {
        return new GroupStateImpl<>(null, GroupStateTimeout.NoTimeout(), 1_000L, 0L, false, false);
    }

    public GroupState<Long> eventTime(long watermarkMs) {
        return new GroupStateImpl<>(1L, GroupStateTimeout.EventTimeTimeout(), 1_000L, watermarkMs, true, false);
    }
}
