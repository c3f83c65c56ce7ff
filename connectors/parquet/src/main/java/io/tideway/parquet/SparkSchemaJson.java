package io.tideway.parquet;

import io.tideway.sql.types.DataType;
import io.tideway.sql.types.StructType;

/**
 * A schema as Spark's {@code StructType.json} writes it, the value of the Parquet footer key
 * {@value #ROW_METADATA_KEY}: Spark reads a file's column types from it exactly (byte and short
 * stay byte and short, a timestamp written as INT96 stays a timestamp), and so does Tideway. The
 * format itself is {@link DataType#json()}'s. Stateless.
 */
final class SparkSchemaJson {
    static final String ROW_METADATA_KEY = "org.apache.spark.sql.parquet.row.metadata";

    private SparkSchemaJson() {
    }

    /** {@code {"type":"struct","fields":[{"name":..,"type":..,"nullable":..,"metadata":{}}]}}, compact, as Spark writes it. */
    static String toJson(StructType schema) {
        return schema.json();
    }

    /** The schema in {@code json}, or null when it names a type Tideway does not have (then the Parquet types decide). */
    static StructType fromJson(String json) {
        try {
            return DataType.fromJson(json) instanceof StructType st ? st : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
