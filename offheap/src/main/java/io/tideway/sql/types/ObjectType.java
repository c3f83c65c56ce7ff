package io.tideway.sql.types;

import java.util.Objects;

/**
 * A JVM object of a class, as Spark's {@code ObjectType}: Spark's encoders use it for values in
 * flight between expressions; it never appears in a schema. Immutable; equal by class.
 */
public final class ObjectType extends DataType {
    private static final long serialVersionUID = 1L;
    private final Class<?> cls;

    /** The type of objects of {@code cls}. */
    public ObjectType(Class<?> cls) {
        this.cls = Objects.requireNonNull(cls, "cls");
    }

    /** Spark's {@code ObjectType.apply(cls)}. */
    public static ObjectType apply(Class<?> cls) {
        return new ObjectType(cls);
    }

    /** The class of the values. */
    public Class<?> cls() {
        return cls;
    }

    @Override
    public String typeName() {
        return "object";
    }

    /** The class name, as Spark's. */
    @Override
    public String simpleString() {
        return cls.getName();
    }

    /** Spark's estimate for an object. */
    @Override
    public int defaultSize() {
        return 4096;
    }

    @Override
    public boolean isFixedWidth() {
        return false;
    }

    @Override
    public String toString() {
        return "ObjectType(" + cls + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectType t && t.cls == cls;
    }

    @Override
    public int hashCode() {
        return cls.hashCode();
    }
}
