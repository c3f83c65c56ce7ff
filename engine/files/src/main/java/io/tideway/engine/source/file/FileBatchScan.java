package io.tideway.engine.source.file;

import io.tideway.engine.spi.BatchScan;
import io.tideway.engine.spi.InputPartition;
import io.tideway.engine.spi.PartitionReader;
import io.tideway.sql.types.StructType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The files a batch read ({@code spark.read()}) found at {@code load()}, read with the streaming
 * file source's own readers and parsers ({@link FilePartitionReader}): one partition per file, in
 * path order, each row followed by its file's partition values. The listing is fixed when the scan
 * is made, as Spark's file index is: files added later are not read by this DataFrame.
 *
 * <p>Threading: immutable; each reader is owned by the thread that reads it.
 */
final class FileBatchScan implements BatchScan {
    private final StructType schema;
    private final FileReadFormat format;
    private final PartitionColumns partitions;
    /** Each file's URI and the root its partition directories are relative to. */
    private final Map<String, Path> roots;
    private final List<InputPartition> files;
    private final FileReadPolicy readPolicy;

    /**
     * @param listed every path's files in turn: a file listed under two of the paths is read twice,
     *               as Spark reads it
     */
    FileBatchScan(StructType schema, FileReadFormat format, PartitionColumns partitions, Map<String, Path> roots,
                  List<String> listed, FileReadPolicy readPolicy) {
        this.readPolicy = readPolicy;
        this.schema = schema;
        this.format = format;
        this.partitions = partitions;
        this.roots = Map.copyOf(roots);
        List<String> uris = new ArrayList<>(listed);
        uris.sort(null);
        List<InputPartition> list = new ArrayList<>();
        for (String uri : uris) {
            list.add(new FileInputPartition(list.size(), uri));
        }
        this.files = List.copyOf(list);
    }

    @Override
    public boolean readsFiles() {
        return true;
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public List<String> inputFiles() {
        return files.stream().map(f -> ((FileInputPartition) f).path()).distinct().toList();
    }

    @Override
    public List<InputPartition> planPartitions() {
        return files;
    }

    @Override
    public PartitionReader createReader(InputPartition partition) {
        FileInputPartition p = (FileInputPartition) partition;
        Object[] values = partitions.values(roots.get(p.path()), p.file());
        return new FilePartitionReader(p, format, schema.length(), values, partitions.types(), readPolicy);
    }
}
