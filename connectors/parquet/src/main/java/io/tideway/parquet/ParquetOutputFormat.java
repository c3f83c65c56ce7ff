package io.tideway.parquet;

import io.tideway.engine.sink.file.FileRowWriter;
import io.tideway.engine.sink.file.FileWriteFormat;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.types.StructType;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Parquet as the file sinks write it: one Parquet file per part file, named
 * {@code part-…-c000.snappy.parquet} by its codec as Spark names them, with parquet-java's
 * {@link ParquetWriter} over a local file and no Hadoop configuration. Immutable.
 */
final class ParquetOutputFormat implements FileWriteFormat {
    private final StructType schema;
    private final CompressionCodecName codec;
    private final TimestampOutput timestamps;
    /** {@code spark.sql.parquet.writeLegacyFormat} ({@link ParquetSchemas}). */
    private final boolean legacy;

    ParquetOutputFormat(StructType schema, CompressionCodecName codec, TimestampOutput timestamps, boolean legacy) {
        this.schema = schema;
        this.codec = codec;
        this.timestamps = timestamps;
        this.legacy = legacy;
    }

    @Override
    public String extension() {
        return codec.getExtension().replaceFirst("^\\.", "") + (codec.getExtension().isEmpty() ? "" : ".") + "parquet";
    }

    /** Every column type must have a Parquet layout (checked as each batch writes, as Spark does). */
    @Override
    public void checkSchema() {
        ParquetSchemas.toParquet(schema, timestamps, legacy);
    }

    @Override
    public FileRowWriter open(Path file) throws IOException {
        ParquetWriter<RowReader> writer = new Builder(new LocalOutputFile(file), new RowWriteSupport(schema, timestamps, legacy))
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(ParquetCodecs.INSTANCE)
                .withCompressionCodec(codec)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build();
        return new FileRowWriter() {
            @Override
            public void write(RowReader row) throws IOException {
                writer.write(row); // consumed into the column writers before write returns: the flyweight may move on
            }

            @Override
            public void close() throws IOException {
                writer.close();
            }
        };
    }

    /** parquet-java's builder, given our write support. */
    private static final class Builder extends ParquetWriter.Builder<RowReader, Builder> {
        private final RowWriteSupport support;

        Builder(LocalOutputFile file, RowWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<RowReader> getWriteSupport(ParquetConfiguration conf) {
            return support;
        }

        @Override
        protected WriteSupport<RowReader> getWriteSupport(Configuration conf) {
            return support;
        }
    }
}
