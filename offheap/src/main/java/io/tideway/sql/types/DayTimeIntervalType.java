package io.tideway.sql.types;

/**
 * A day-time interval such as {@code INTERVAL '1 02:03:04' DAY TO SECOND}, mirroring Spark's
 * {@code DayTimeIntervalType(startField, endField)}: a number of microseconds (a row holds it as
 * a long), whose fields only say how it is written ({@code interval day}, {@code interval hour to
 * minute}). Collected as a {@link java.time.Duration}. Immutable; equal by its fields.
 */
public final class DayTimeIntervalType extends AnsiIntervalType {
    private static final long serialVersionUID = 1L;
    private static final String[] FIELD_NAMES = {"day", "hour", "minute", "second"};
    /** {@code INTERVAL DAY TO SECOND}, Spark's default day-time interval type. */
    static final DayTimeIntervalType INSTANCE = new DayTimeIntervalType((byte) 0, (byte) 3);

    private final byte startField;
    private final byte endField;

    /** {@code startField <= endField}, each one of {@link #DAY()}, {@link #HOUR()}, {@link #MINUTE()}, {@link #SECOND()}. */
    public DayTimeIntervalType(byte startField, byte endField) {
        if (startField < 0 || endField > 3 || startField > endField) {
            throw new IllegalArgumentException("Invalid day-time interval fields: " + startField + " to " + endField);
        }
        this.startField = startField;
        this.endField = endField;
    }

    /** {@code INTERVAL DAY TO SECOND}, Spark's default day-time interval type (as {@code DataTypes.createDayTimeIntervalType()}). */
    public static DayTimeIntervalType DEFAULT() {
        return INSTANCE;
    }

    /** The code of the day field, 0. */
    public static byte DAY() {
        return 0;
    }

    /** The code of the hour field, 1. */
    public static byte HOUR() {
        return 1;
    }

    /** The code of the minute field, 2. */
    public static byte MINUTE() {
        return 2;
    }

    /** The code of the second field, 3. */
    public static byte SECOND() {
        return 3;
    }

    /** The field's name in lower case ({@code day}, {@code hour}, {@code minute}, {@code second}). */
    public static String fieldToString(byte field) {
        return FIELD_NAMES[field];
    }

    /** The field a unit names ({@code day}...{@code second}, any case), or -1. */
    public static byte stringToField(String unit) {
        for (byte i = 0; i < FIELD_NAMES.length; i++) {
            if (FIELD_NAMES[i].equalsIgnoreCase(unit)) {
                return i;
            }
        }
        return -1;
    }

    /** The first field the interval is written with, {@link #DAY()} to {@link #SECOND()}. */
    public byte startField() {
        return startField;
    }

    /** The last field the interval is written with, not before {@link #startField()}. */
    public byte endField() {
        return endField;
    }

    @Override
    public String typeName() {
        return startField == endField ? "interval " + FIELD_NAMES[startField]
                : "interval " + FIELD_NAMES[startField] + " to " + FIELD_NAMES[endField];
    }

    @Override
    public String simpleString() {
        return typeName();
    }

    @Override
    public boolean isFixedWidth() {
        return true;
    }

    @Override
    public String toString() {
        return "DayTimeIntervalType(" + startField + "," + endField + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DayTimeIntervalType t && t.startField == startField && t.endField == endField;
    }

    @Override
    public int hashCode() {
        return 31 * startField + endField + 7;
    }

    /** Spark's size estimate of a value, in bytes. */
    @Override
    public int defaultSize() {
        return 8;
    }
}
