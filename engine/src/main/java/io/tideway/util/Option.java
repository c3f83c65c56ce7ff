package io.tideway.util;

import java.io.Serializable;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An optional value where Spark's Java API returns {@code scala.Option}
 * ({@code StreamingQuery.exception()}, {@code QueryTerminatedEvent.exception()},
 * {@code RuntimeConfig.getOption}): the calls a Java program makes on a {@code scala.Option} —
 * {@code isDefined()}, {@code isEmpty()}, {@code nonEmpty()}, {@code get()},
 * {@code getOrElse(() -> x)}, {@code orNull()} — compile and behave the same, and
 * {@code toString()} prints {@code Some(x)} / {@code None} as Scala does. It also answers
 * {@link Optional}'s calls ({@code isPresent}, {@code orElse}, {@code orElseThrow},
 * {@code ifPresent}, {@code map}), so code written against either reads naturally.
 *
 * <p>Tideway does not depend on {@code scala-library} (5.9 MB, one jar): a program that names the
 * type {@code scala.Option} in a declaration changes that name to this one; chained calls need no
 * change. Immutable and thread-safe.
 *
 * @param <T> the value's type
 */
public final class Option<T> implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Option<?> NONE = new Option<>(null);
    private final T value;

    private Option(T value) {
        this.value = value;
    }

    /** {@code Some(value)} for a non-null value, {@code None} for null (Scala's {@code Option.apply}). */
    @SuppressWarnings("unchecked")
    public static <T> Option<T> apply(T value) {
        return value == null ? (Option<T>) NONE : new Option<>(value);
    }

    @SuppressWarnings("unchecked")
    public static <T> Option<T> empty() {
        return (Option<T>) NONE;
    }

    public boolean isDefined() {
        return value != null;
    }

    public boolean nonEmpty() {
        return value != null;
    }

    public boolean isEmpty() {
        return value == null;
    }

    public boolean isPresent() {
        return value != null;
    }

    /** The value; Scala's {@code NoSuchElementException("None.get")} when there is none. */
    public T get() {
        if (value == null) {
            throw new NoSuchElementException("None.get");
        }
        return value;
    }

    /** The value, or what {@code orElse} gives (Scala's by-name default, written {@code () -> x} in Java). */
    public T getOrElse(Supplier<? extends T> orElse) {
        return value != null ? value : orElse.get();
    }

    public T orNull() {
        return value;
    }

    public T orElse(T other) {
        return value != null ? value : other;
    }

    public T orElseThrow() {
        return get();
    }

    public <X extends Throwable> T orElseThrow(Supplier<? extends X> exception) throws X {
        if (value == null) {
            throw exception.get();
        }
        return value;
    }

    public void ifPresent(Consumer<? super T> action) {
        if (value != null) {
            action.accept(value);
        }
    }

    /** Scala's {@code foreach}. */
    public void foreach(Consumer<? super T> action) {
        ifPresent(action);
    }

    public <U> Option<U> map(Function<? super T, ? extends U> f) {
        return value == null ? empty() : apply(f.apply(value));
    }

    public Optional<T> toOptional() {
        return Optional.ofNullable(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Option<?> other && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return value == null ? "None" : "Some(" + value + ")";
    }
}
