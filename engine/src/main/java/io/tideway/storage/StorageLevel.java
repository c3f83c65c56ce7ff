package io.tideway.storage;

import java.io.Serializable;

/**
 * Spark's storage levels, so that {@code df.persist(StorageLevel.MEMORY_AND_DISK())} compiles
 * unchanged. Tideway does not cache Datasets: {@code persist} accepts any level and does nothing.
 * Immutable.
 */
public final class StorageLevel implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final StorageLevel NONE = new StorageLevel("NONE", false, false, false, 1);
    private static final StorageLevel DISK_ONLY = new StorageLevel("DISK_ONLY", true, false, false, 1);
    private static final StorageLevel DISK_ONLY_2 = new StorageLevel("DISK_ONLY_2", true, false, false, 2);
    private static final StorageLevel DISK_ONLY_3 = new StorageLevel("DISK_ONLY_3", true, false, false, 3);
    private static final StorageLevel MEMORY_ONLY = new StorageLevel("MEMORY_ONLY", false, true, true, 1);
    private static final StorageLevel MEMORY_ONLY_2 = new StorageLevel("MEMORY_ONLY_2", false, true, true, 2);
    private static final StorageLevel MEMORY_ONLY_SER = new StorageLevel("MEMORY_ONLY_SER", false, true, false, 1);
    private static final StorageLevel MEMORY_ONLY_SER_2 = new StorageLevel("MEMORY_ONLY_SER_2", false, true, false, 2);
    private static final StorageLevel MEMORY_AND_DISK = new StorageLevel("MEMORY_AND_DISK", true, true, true, 1);
    private static final StorageLevel MEMORY_AND_DISK_2 = new StorageLevel("MEMORY_AND_DISK_2", true, true, true, 2);
    private static final StorageLevel MEMORY_AND_DISK_SER = new StorageLevel("MEMORY_AND_DISK_SER", true, true, false, 1);
    private static final StorageLevel MEMORY_AND_DISK_SER_2 = new StorageLevel("MEMORY_AND_DISK_SER_2", true, true, false, 2);
    private static final StorageLevel OFF_HEAP = new StorageLevel("OFF_HEAP", true, true, false, 1);

    private final String name;
    private final boolean useDisk;
    private final boolean useMemory;
    private final boolean deserialized;
    private final int replication;

    private StorageLevel(String name, boolean useDisk, boolean useMemory, boolean deserialized, int replication) {
        this.name = name;
        this.useDisk = useDisk;
        this.useMemory = useMemory;
        this.deserialized = deserialized;
        this.replication = replication;
    }

    public static StorageLevel NONE() {
        return NONE;
    }

    public static StorageLevel DISK_ONLY() {
        return DISK_ONLY;
    }

    public static StorageLevel DISK_ONLY_2() {
        return DISK_ONLY_2;
    }

    public static StorageLevel DISK_ONLY_3() {
        return DISK_ONLY_3;
    }

    public static StorageLevel MEMORY_ONLY() {
        return MEMORY_ONLY;
    }

    public static StorageLevel MEMORY_ONLY_2() {
        return MEMORY_ONLY_2;
    }

    public static StorageLevel MEMORY_ONLY_SER() {
        return MEMORY_ONLY_SER;
    }

    public static StorageLevel MEMORY_ONLY_SER_2() {
        return MEMORY_ONLY_SER_2;
    }

    public static StorageLevel MEMORY_AND_DISK() {
        return MEMORY_AND_DISK;
    }

    public static StorageLevel MEMORY_AND_DISK_2() {
        return MEMORY_AND_DISK_2;
    }

    public static StorageLevel MEMORY_AND_DISK_SER() {
        return MEMORY_AND_DISK_SER;
    }

    public static StorageLevel MEMORY_AND_DISK_SER_2() {
        return MEMORY_AND_DISK_SER_2;
    }

    public static StorageLevel OFF_HEAP() {
        return OFF_HEAP;
    }

    public boolean useDisk() {
        return useDisk;
    }

    public boolean useMemory() {
        return useMemory;
    }

    public boolean deserialized() {
        return deserialized;
    }

    public int replication() {
        return replication;
    }

    /** Spark's form, e.g. {@code StorageLevel(disk, memory, deserialized, 1 replicas)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("StorageLevel(");
        sb.append(useDisk ? "disk, " : "").append(useMemory ? "memory, " : "");
        sb.append(name.equals("OFF_HEAP") ? "offheap, " : "").append(deserialized ? "deserialized, " : "");
        return sb.append(replication).append(" replicas)").toString();
    }
}
