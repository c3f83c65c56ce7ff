package io.tideway.engine.expr;

import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.CharType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.MapType;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;
import io.tideway.sql.types.VarcharType;

import java.util.Map;

/**
 * Spark 4's reading of {@code char(n)} and {@code varchar(n)} outside table schemas
 * ({@code CharVarcharUtils.replaceCharVarcharWithString}): plain {@code string}, at any depth, as
 * Spark's casts do unless {@code spark.sql.preserveCharVarcharTypeInfo} is set. Stateless.
 */
public final class CharVarcharTypes {
    private CharVarcharTypes() {
    }

    /**
     * {@code schema} itself, or Spark's {@code [UNSUPPORTED_CHAR_OR_VARCHAR_AS_STRING]} when it holds
     * a char or varchar anywhere: Spark 4 refuses them in a reader's or a local relation's schema
     * (unless {@code spark.sql.legacy.charVarcharAsString}).
     */
    public static StructType failIfHasCharVarchar(StructType schema) {
        if (!asString(schema).equals(schema)) {
            throw Unchecked.raise(new AnalysisException("UNSUPPORTED_CHAR_OR_VARCHAR_AS_STRING", Map.of()));
        }
        return schema;
    }

    /** {@code type} with every char and varchar, however nested, read as {@code string}. */
    public static DataType asString(DataType type) {
        if (type instanceof CharType || type instanceof VarcharType) {
            return DataTypes.StringType;
        }
        if (type instanceof ArrayType a) {
            return new ArrayType(asString(a.elementType()), a.containsNull());
        }
        if (type instanceof MapType m) {
            return new MapType(asString(m.keyType()), asString(m.valueType()), m.valueContainsNull());
        }
        if (type instanceof StructType s) {
            StructField[] fields = s.fields();
            for (int i = 0; i < fields.length; i++) {
                StructField f = fields[i];
                fields[i] = new StructField(f.name(), asString(f.dataType()), f.nullable(), f.metadata());
            }
            return new StructType(fields);
        }
        return type;
    }
}
