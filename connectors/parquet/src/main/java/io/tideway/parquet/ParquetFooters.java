package io.tideway.parquet;

import io.tideway.sql.types.StructType;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.LocalInputFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The schema in a Parquet file's footer, as Spark infers it: the Spark schema Spark (or Tideway)
 * wrote under {@link SparkSchemaJson#ROW_METADATA_KEY}, else the conversion of the Parquet
 * schema ({@link ParquetSchemas#toSpark}). Stateless.
 */
final class ParquetFooters {
    private ParquetFooters() {
    }

    static StructType schema(Path file) {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).withCodecFactory(ParquetCodecs.INSTANCE).build())) {
            FileMetaData meta = reader.getFooter().getFileMetaData();
            String json = meta.getKeyValueMetaData().get(SparkSchemaJson.ROW_METADATA_KEY);
            StructType spark = json == null ? null : SparkSchemaJson.fromJson(json);
            return spark != null ? spark : ParquetSchemas.toSpark(meta.getSchema());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read footer for file: " + file.toUri() + ": " + e, e);
        }
    }
}
