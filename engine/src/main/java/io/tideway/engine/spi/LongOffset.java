package io.tideway.engine.spi;

/** An offset that is one number (a row count, a second), stored as a bare JSON number. */
public record LongOffset(long value) implements Offset {
    @Override
    public String json() {
        return Long.toString(value);
    }

    public static LongOffset parse(String json) {
        try {
            return new LongOffset(Long.parseLong(json.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid offset '" + json + "': expected a number");
        }
    }

    @Override
    public String toString() {
        return json();
    }
}
