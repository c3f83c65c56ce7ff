package io.tideway.microbatch;

import io.tideway.engine.exec.KeyBuilder;
import io.tideway.engine.exec.Operator;
import io.tideway.offheap.row.RowArena;
import io.tideway.offheap.row.RowReader;
import org.agrona.DirectBuffer;

/**
 * The map side of a shuffle for one task: routes each row to the arena of the shuffle partition
 * its grouping key hashes to ({@code spark.sql.shuffle.partitions} of them). Owned by one task
 * thread while it writes; read by the reduce side after the stage ends.
 */
final class ShuffleExchange implements Operator {
    private final KeyBuilder keys;
    private final RowReader in;
    private final RowArena[] partitions;

    ShuffleExchange(KeyBuilder keys, int inputFields, int numPartitions) {
        this.keys = keys;
        this.in = new RowReader(inputFields);
        this.partitions = new RowArena[numPartitions];
        for (int i = 0; i < numPartitions; i++) {
            partitions[i] = new RowArena(4096);
        }
    }

    @Override
    public void accept(DirectBuffer buffer, int offset, int length) {
        keys.build(in.wrap(buffer, offset, length));
        int p = Math.floorMod(keys.hash(), partitions.length);
        partitions[p].append(buffer, offset, length);
    }

    RowArena partition(int p) {
        return partitions[p];
    }
}
