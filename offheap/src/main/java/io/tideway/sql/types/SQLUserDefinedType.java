package io.tideway.sql.types;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Ties a user class to its {@link UserDefinedType}, as Spark's {@code SQLUserDefinedType}: a bean
 * property or dataset of the class is then stored through the UDT.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SQLUserDefinedType {
    /** The UDT class; it needs a public no-argument constructor. */
    Class<? extends UserDefinedType<?>> udt();
}
