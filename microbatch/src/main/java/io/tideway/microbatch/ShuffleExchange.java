package io.tideway.microbatch;

import io.tideway.offheap.row.RowArena;
import org.agrona.DirectBuffer;

/**
 * The map side of a shuffle for one task: holds the rows the task's stateful map side sent (partial
 * aggregates, or rows to deduplicate), each in the arena of the shuffle partition its key hashes
 * to ({@code spark.sql.shuffle.partitions} of them).
 * Written by one task thread; read by the reduce tasks after the stage ends; then closed.
 */
final class ShuffleExchange implements AutoCloseable {
    private final RowArena[] partitions;

    ShuffleExchange(int numPartitions) {
        this.partitions = new RowArena[numPartitions];
        for (int i = 0; i < numPartitions; i++) {
            partitions[i] = new RowArena(4096);
        }
    }

    void add(int keyHash, DirectBuffer row, int offset, int length) {
        partitions[Math.floorMod(keyHash, partitions.length)].append(row, offset, length);
    }

    RowArena partition(int p) {
        return partitions[p];
    }

    @Override
    public void close() {
        for (RowArena a : partitions) {
            a.close();
        }
    }
}
