package io.tideway.engine.conf;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * How a setting's text becomes its value, as Spark's {@code ConfigBuilder} converters do: the same
 * trimming, the same accepted spellings and the same error text when the text is not of the type.
 * Immutable.
 *
 * @param name    the type as the settings table prints it
 * @param convert text to value; throws {@link IllegalArgumentException} naming the setting and the text
 * @param print   value to the canonical text the engine's readers see
 */
public record ValueType<T>(String name, Converter<T> convert, Function<T, String> print) {
    /** Text to value for one setting. */
    @FunctionalInterface
    public interface Converter<T> {
        T apply(String key, String text);
    }

    public static final ValueType<Integer> INT = new ValueType<>("int",
            (k, s) -> number(k, s, "int", Integer::parseInt), String::valueOf);
    public static final ValueType<Long> LONG = new ValueType<>("long",
            (k, s) -> number(k, s, "long", Long::parseLong), String::valueOf);
    public static final ValueType<Boolean> BOOLEAN = new ValueType<>("boolean", ValueType::bool, String::valueOf);
    public static final ValueType<String> STRING = new ValueType<>("string", (k, s) -> s, s -> s);
    /** A time string in milliseconds (a bare number is milliseconds), as Spark's {@code timeConf(MILLISECONDS)}. */
    public static final ValueType<Long> TIME_MS = new ValueType<>("time (ms)",
            (k, s) -> units(k, s, () -> TimeStrings.parse(s, TimeUnit.MILLISECONDS)), ms -> ms + "ms");
    /** A size string in bytes (a bare number is bytes), as Spark's {@code bytesConf(BYTE)}. */
    public static final ValueType<Long> BYTES = new ValueType<>("size (bytes)",
            (k, s) -> units(k, s, () -> ByteStrings.parse(s)), String::valueOf);
    /** A session time zone as Spark's {@code DateTimeUtils.getZoneId} reads it (region, offset or short id). */
    public static final ValueType<ZoneId> TIME_ZONE = new ValueType<>("time zone", ValueType::zone, ZoneId::getId);

    /**
     * One of {@code choices}, in any case, as Spark's {@code transform(_.toLowerCase).checkValue(...)};
     * any other text fails with {@code why}.
     */
    public static ValueType<String> oneOf(List<String> choices, String why) {
        return new ValueType<>("string", (k, s) -> {
            String v = s.trim().toLowerCase(Locale.ROOT);
            if (!choices.contains(v)) {
                throw ConfErrors.invalid(k, s, why);
            }
            return v;
        }, s -> s);
    }

    /**
     * The name of a public class implementing {@code type} with a public no-argument constructor,
     * loaded by the thread's context class loader (an application's own class) or else this one's.
     */
    public static <T> ValueType<Class<? extends T>> implementationOf(Class<T> type) {
        return new ValueType<>("class name", (k, s) -> implementation(k, s, type), Class::getName);
    }

    private static <T> Class<? extends T> implementation(String key, String text, Class<T> type) {
        String name = text.trim();
        Class<?> c;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            c = Class.forName(name, false, loader != null ? loader : ValueType.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw ConfErrors.invalid(key, text, "No class " + name + " on the classpath");
        }
        if (!type.isAssignableFrom(c)) {
            throw ConfErrors.invalid(key, text, c.getName() + " does not implement " + type.getName());
        }
        try {
            c.getConstructor();
        } catch (NoSuchMethodException e) {
            throw ConfErrors.invalid(key, text, c.getName() + " has no public no-argument constructor");
        }
        return c.asSubclass(type);
    }

    /** A non-negative int, or {@code auto} (read as -1). */
    public static final ValueType<Integer> INT_OR_AUTO = new ValueType<>("int or auto",
            (k, s) -> s.trim().equalsIgnoreCase("auto") ? -1 : atLeastZero(k, s, number(k, s, "int", Integer::parseInt)),
            n -> n == -1 ? "auto" : String.valueOf(n));

    private static <N> N number(String key, String text, String type, Function<String, N> parse) {
        try {
            return parse.apply(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " should be " + type + ", but was " + text);
        }
    }

    private static int atLeastZero(String key, String text, int n) {
        if (n < 0) {
            throw ConfErrors.invalid(key, text, "must be auto or at least 0");
        }
        return n;
    }

    private static boolean bool(String key, String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("true")) {
            return true;
        }
        if (t.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(key + " should be boolean, but was " + text);
    }

    private static long units(String key, String text, java.util.function.LongSupplier parse) {
        try {
            return parse.getAsLong();
        } catch (NumberFormatException e) {
            // Spark's text names only the value; the setting is named in front of it
            throw new IllegalArgumentException("'" + text + "' in " + key + " is invalid. " + e.getMessage(), e);
        }
    }

    private static ZoneId zone(String key, String text) {
        try {
            return ZoneId.of(text.replaceFirst("(\\+|\\-)(\\d):", "$10$2:"), ZoneId.SHORT_IDS);
        } catch (DateTimeException e) {
            throw ConfErrors.invalidTimeZone(key, text);
        }
    }

    /** The value of {@code text}, for the setting {@code key}. */
    public T parse(String key, String text) {
        return convert.apply(key, text);
    }

    /** The canonical text of {@code value}. */
    public String text(T value) {
        return print.apply(value);
    }

}
