package io.tideway.sql.types;

import java.util.Locale;

/**
 * A user-defined type, as Spark's {@code UserDefinedType}: a user class stored as values of a SQL
 * type ({@link #sqlType()}) through {@link #serialize} and {@link #deserialize}. Tie it to the
 * class with {@link SQLUserDefinedType} or {@link UDTRegistration}; a subclass needs a public
 * no-argument constructor (a schema read from JSON names it by class). Implementations should be
 * immutable; two instances of one UDT class are equal.
 *
 * @param <UserType> the user's class
 */
public abstract class UserDefinedType<UserType> extends DataType {
    private static final long serialVersionUID = 1L;

    /** The SQL type the values are stored as. */
    public abstract DataType sqlType();

    /** The paired Python UDT class; none in Java. */
    public String pyUDT() {
        return null;
    }

    /** The serialized Python UDT class; none in Java. */
    public String serializedPyClass() {
        return null;
    }

    /** The user object as a value of {@link #sqlType()} (a {@code Row} for a struct). */
    public abstract Object serialize(UserType obj);

    /** The user object back from a value of {@link #sqlType()}. */
    public abstract UserType deserialize(Object datum);

    /** The user's class. */
    public abstract Class<UserType> userClass();

    /** Spark's: the class name without a trailing {@code $}, {@code Type} and {@code UDT}, lower-cased. */
    @Override
    public String typeName() {
        String name = getClass().getSimpleName();
        for (String suffix : new String[]{"$", "Type", "UDT"}) {
            if (name.endsWith(suffix)) {
                name = name.substring(0, name.length() - suffix.length());
            }
        }
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String simpleString() {
        return typeName();
    }

    /** The storage type's, as Spark's. */
    @Override
    public String catalogString() {
        return sqlType().catalogString();
    }

    /** The storage type's, as Spark's. */
    @Override
    public String sql() {
        return sqlType().sql();
    }

    @Override
    public int defaultSize() {
        return sqlType().defaultSize();
    }

    @Override
    public boolean isFixedWidth() {
        return sqlType().isFixedWidth();
    }

    /** {@code {"type":"udt","class":..,"pyClass":..,"sqlType":..}}, as Spark writes a Java UDT. */
    @Override
    Object jsonValue() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("type", "udt");
        m.put("class", getClass().getName());
        m.put("pyClass", pyUDT());
        m.put("sqlType", sqlType().jsonValue());
        return m;
    }

    /** Object's default, as a Scala class that does not override it prints. */
    @Override
    public String toString() {
        return getClass().getName() + "@" + Integer.toHexString(hashCode());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserDefinedType<?> u && u.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
