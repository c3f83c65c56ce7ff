package io.tideway.types.variant;

/** The logical kinds of a variant value, as Spark's {@code VariantUtil.Type} groups the encodings. */
public enum VariantKind {
    OBJECT, ARRAY, NULL, BOOLEAN, LONG, STRING, DOUBLE, DECIMAL, DATE, TIMESTAMP, TIMESTAMP_NTZ, FLOAT, BINARY, UUID
}
