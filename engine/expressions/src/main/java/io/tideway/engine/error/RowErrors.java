package io.tideway.engine.error;

import io.tideway.SparkIllegalArgumentException;
import io.tideway.SparkRuntimeException;
import io.tideway.SparkUnsupportedOperationException;

import java.util.Map;

/**
 * Spark's errors of the {@code Row} and {@code StructType} accessors (its {@code DataTypeErrors}):
 * a field looked up by name, a null read as a primitive. Stateless.
 */
public final class RowErrors {
    private RowErrors() {
    }

    /**
     * {@code [FIELD_NOT_FOUND]}: no field is called exactly {@code name}. Public for the types
     * module's {@code StructType.fieldIndex}, which reaches it by name.
     */
    public static SparkIllegalArgumentException fieldNotFound(String name, String[] fieldNames) {
        StringBuilder fields = new StringBuilder();
        for (String f : fieldNames) {
            fields.append(fields.isEmpty() ? "" : ", ").append(ErrorParams.attributeId(f));
        }
        return new SparkIllegalArgumentException("FIELD_NOT_FOUND",
                Map.of("fieldName", ErrorParams.attributeId(name), "fields", fields.toString()));
    }

    /** {@code [UNSUPPORTED_CALL.FIELD_INDEX]}: a row without a schema has no field names. */
    public static SparkUnsupportedOperationException fieldIndexWithoutSchema(String name) {
        return new SparkUnsupportedOperationException("UNSUPPORTED_CALL.FIELD_INDEX",
                Map.of("methodName", "fieldIndex", "className", "Row", "fieldName", ErrorParams.attributeId(name)));
    }

    /** {@code [ROW_VALUE_IS_NULL]}: field {@code i} is null and was read as a primitive. */
    public static SparkRuntimeException valueIsNull(int i) {
        return new SparkRuntimeException("ROW_VALUE_IS_NULL", Map.of("index", Integer.toString(i)));
    }
}
