package io.tideway.engine.expr;

import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.CharType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.MapType;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;
import io.tideway.sql.types.VarcharType;

/**
 * Spark 4's reading of {@code char(n)} and {@code varchar(n)} outside table schemas
 * ({@code CharVarcharUtils.replaceCharVarcharWithString}): plain {@code string}, at any depth, as
 * Spark's casts do unless {@code spark.sql.preserveCharVarcharTypeInfo} is set. Stateless.
 */
public final class CharVarcharTypes {
    private CharVarcharTypes() {
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
