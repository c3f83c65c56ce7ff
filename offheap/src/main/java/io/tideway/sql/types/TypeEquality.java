package io.tideway.sql.types;

/**
 * Spark's looser type comparisons ({@code DataType.equalsIgnoreNullability},
 * {@code equalsIgnoreCaseAndNullability}, {@code equalsStructurally}): nested types compared part
 * by part, other types by equality. Stateless.
 */
final class TypeEquality {
    private TypeEquality() {
    }

    /** Equal but for nullability, and for the case of field names when {@code ignoreCase}. */
    static boolean ignoringNullability(DataType left, DataType right, boolean ignoreCase) {
        if (left instanceof ArrayType l && right instanceof ArrayType r) {
            return ignoringNullability(l.elementType(), r.elementType(), ignoreCase);
        }
        if (left instanceof MapType l && right instanceof MapType r) {
            return ignoringNullability(l.keyType(), r.keyType(), ignoreCase)
                    && ignoringNullability(l.valueType(), r.valueType(), ignoreCase);
        }
        if (left instanceof StructType l && right instanceof StructType r) {
            if (l.length() != r.length()) {
                return false;
            }
            for (int i = 0; i < l.length(); i++) {
                StructField a = l.apply(i);
                StructField b = r.apply(i);
                boolean sameName = ignoreCase ? a.name().equalsIgnoreCase(b.name()) : a.name().equals(b.name());
                if (!sameName || !ignoringNullability(a.dataType(), b.dataType(), ignoreCase)) {
                    return false;
                }
            }
            return true;
        }
        return left.equals(right);
    }

    /** The same shape: equal types whatever the field names, and nullability unless {@code ignoreNullability}. */
    static boolean structurally(DataType from, DataType to, boolean ignoreNullability) {
        if (from instanceof ArrayType l && to instanceof ArrayType r) {
            return structurally(l.elementType(), r.elementType(), ignoreNullability)
                    && (ignoreNullability || l.containsNull() == r.containsNull());
        }
        if (from instanceof MapType l && to instanceof MapType r) {
            return structurally(l.keyType(), r.keyType(), ignoreNullability)
                    && structurally(l.valueType(), r.valueType(), ignoreNullability)
                    && (ignoreNullability || l.valueContainsNull() == r.valueContainsNull());
        }
        if (from instanceof StructType l && to instanceof StructType r) {
            if (l.length() != r.length()) {
                return false;
            }
            for (int i = 0; i < l.length(); i++) {
                StructField a = l.apply(i);
                StructField b = r.apply(i);
                if (!structurally(a.dataType(), b.dataType(), ignoreNullability)
                        || !ignoreNullability && a.nullable() != b.nullable()) {
                    return false;
                }
            }
            return true;
        }
        return from.equals(to);
    }
}
