package io.tideway.parquet;

import io.tideway.engine.row.RowConverter;
import io.tideway.engine.source.file.FileReadFormat;
import io.tideway.engine.source.file.FileRowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.StructType;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Parquet as the file source reads it, batch and streaming: each file through parquet-java's
 * {@link ParquetReader} over a local file, no Hadoop configuration, its records written as rows
 * of the data schema ({@link RowReadSupport}). Immutable.
 */
final class ParquetReadFormat implements FileReadFormat {
    private final StructType dataSchema;
    private final DataType[] types;

    ParquetReadFormat(StructType dataSchema) {
        this.dataSchema = dataSchema;
        this.types = new DataType[dataSchema.length()];
        for (int i = 0; i < types.length; i++) {
            types[i] = dataSchema.apply(i).dataType();
        }
    }

    @Override
    public FileRowReader open(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        ParquetReader<Object[]> reader = new Builder(new LocalInputFile(file),
                new RowReadSupport(dataSchema, file.toUri().toString())).withCodecFactory(ParquetCodecs.INSTANCE).build();
        return new FileRowReader() {
            @Override
            public int next(RowWriter row) throws IOException {
                Object[] values;
                try {
                    values = reader.read();
                } catch (RuntimeException e) {
                    // parquet-java reports a file that is not Parquet, or is corrupt, unchecked: it is the
                    // unreadable file Spark's FAILED_READ_FILE names, which ignoreCorruptFiles may skip (a type
                    // mismatch is a SparkException, which is checked, and passes)
                    throw new IOException(e.getMessage(), e);
                }
                if (values == null) {
                    return END;
                }
                for (int i = 0; i < values.length; i++) {
                    RowConverter.writeValue(values[i], types[i], row, i);
                }
                return ROW;
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }

    /** parquet-java's builder, given our read support and a plain (Hadoop-free) configuration. */
    private static final class Builder extends ParquetReader.Builder<Object[]> {
        private final RowReadSupport support;

        Builder(InputFile file, RowReadSupport support) {
            super(file, new PlainParquetConfiguration());
            this.support = support;
        }

        @Override
        protected ReadSupport<Object[]> getReadSupport() {
            return support;
        }
    }
}
