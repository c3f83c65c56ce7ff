package io.tideway.parquet;

/**
 * The cause of a Parquet type mismatch, named and worded as Spark's: the column path, the
 * file's physical type and the Spark type asked for. Immutable.
 */
public final class SchemaColumnConvertNotSupportedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SchemaColumnConvertNotSupportedException(String column, String physicalType, String logicalType) {
        super("column: " + column + ", physicalType: " + physicalType + ", logicalType: " + logicalType);
    }
}
