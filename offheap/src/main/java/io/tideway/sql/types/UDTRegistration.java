package io.tideway.sql.types;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import scala.Option;

/**
 * Registers a {@link UserDefinedType} for a user class that cannot carry the
 * {@link SQLUserDefinedType} annotation (a class from another library), as Spark's
 * {@code UDTRegistration}: by class names, so neither class is loaded until used. Thread-safe.
 */
public final class UDTRegistration {
    /** User class name to UDT class name; registrations are process-wide, as in Spark. */
    private static final Map<String, String> UDTS = new ConcurrentHashMap<>();

    private UDTRegistration() {
    }

    /** Whether a UDT is registered for the class called {@code userClassName}. */
    public static boolean exists(String userClassName) {
        return UDTS.containsKey(userClassName);
    }

    /** Registers {@code udtClassName} for {@code userClassName}, replacing an earlier registration (Spark logs a warning then). */
    public static void register(String userClassName, String udtClassName) {
        UDTS.put(userClassName, udtClassName);
    }

    /**
     * The UDT class registered for {@code userClassName}, or none; a registered name that is not a
     * loadable {@code UserDefinedType} fails as Spark's does.
     */
    public static Option<Class<?>> getUDTFor(String userClassName) {
        String udt = UDTS.get(userClassName);
        if (udt == null) {
            return Option.empty();
        }
        Class<?> c;
        try {
            c = Class.forName(udt, true, loader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Can not load in UserDefinedType " + udt + " for user class "
                    + userClassName + ".", e);
        }
        if (!UserDefinedType.class.isAssignableFrom(c)) {
            throw new IllegalStateException(udt + " is not an UserDefinedType. Please make sure registering an "
                    + "UserDefinedType for " + userClassName);
        }
        return Option.apply(c);
    }

    /**
     * The UDT of a user class: its {@link SQLUserDefinedType} annotation, else a registration;
     * null when it has neither.
     */
    public static UserDefinedType<?> forUserClass(Class<?> userClass) {
        SQLUserDefinedType a = userClass.getAnnotation(SQLUserDefinedType.class);
        if (a != null) {
            return instantiate(a.udt().getName());
        }
        Option<Class<?>> registered = getUDTFor(userClass.getName());
        return registered.isDefined() ? instantiate(registered.get().getName()) : null;
    }

    /** A new instance of the UDT class called {@code className}, through its no-argument constructor. */
    static UserDefinedType<?> instantiate(String className) {
        try {
            return (UserDefinedType<?>) Class.forName(className, true, loader()).getConstructor().newInstance();
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                 | InvocationTargetException | ClassCastException e) {
            throw new IllegalArgumentException("Cannot instantiate the user-defined type " + className, e);
        }
    }

    private static ClassLoader loader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : UDTRegistration.class.getClassLoader();
    }
}
