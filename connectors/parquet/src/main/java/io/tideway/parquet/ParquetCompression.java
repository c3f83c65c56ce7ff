package io.tideway.parquet;

import io.tideway.engine.conf.TidewayConf;
import io.tideway.engine.spi.Options;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.util.Locale;
import java.util.Map;

/**
 * The codec Parquet files are written with, as Spark picks it: the {@code compression} option,
 * else {@code parquet.compression}, else the session's {@code spark.sql.parquet.compression.codec}
 * ({@link TidewayConf#PARQUET_COMPRESSION}, default {@code snappy}).
 * Stateless.
 */
final class ParquetCompression {
    /** The codecs {@link ParquetCodecs} writes (Spark also knows lzo, brotli, lz4 and lz4_raw). */
    private static final Map<String, CompressionCodecName> CODECS = Map.of(
            "none", CompressionCodecName.UNCOMPRESSED,
            "uncompressed", CompressionCodecName.UNCOMPRESSED,
            "snappy", CompressionCodecName.SNAPPY,
            "gzip", CompressionCodecName.GZIP,
            "zstd", CompressionCodecName.ZSTD);

    private ParquetCompression() {
    }

    static CompressionCodecName of(Options options, Map<String, String> sessionConf) {
        String name = options.get("compression")
                .or(() -> options.get("parquet.compression"))
                .orElseGet(() -> TidewayConf.PARQUET_COMPRESSION.get(sessionConf));
        CompressionCodecName codec = CODECS.get(name.toLowerCase(Locale.ROOT));
        if (codec == null) {
            throw new IllegalArgumentException("Codec [" + name + "] is not available. Available codecs are "
                    + "none, uncompressed, snappy, gzip, zstd.");
        }
        return codec;
    }
}
