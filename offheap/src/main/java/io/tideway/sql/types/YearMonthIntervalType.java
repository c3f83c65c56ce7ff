package io.tideway.sql.types;

/**
 * A year-month interval such as {@code INTERVAL '1-2' YEAR TO MONTH}, mirroring Spark's
 * {@code YearMonthIntervalType(startField, endField)}: a number of months (an int, which a row
 * holds in its 8-byte slot), whose fields only say how it is written. Collected as a
 * {@link java.time.Period}. Immutable; equal by its fields.
 */
public final class YearMonthIntervalType extends AnsiIntervalType {
    private static final long serialVersionUID = 1L;
    private static final String[] FIELD_NAMES = {"year", "month"};
    /** {@code INTERVAL YEAR TO MONTH}, Spark's default year-month interval type. */
    static final YearMonthIntervalType INSTANCE = new YearMonthIntervalType((byte) 0, (byte) 1);

    private final byte startField;
    private final byte endField;

    /** {@code startField <= endField}, each {@link #YEAR()} or {@link #MONTH()}. */
    public YearMonthIntervalType(byte startField, byte endField) {
        if (startField < 0 || endField > 1 || startField > endField) {
            throw new IllegalArgumentException("Invalid year-month interval fields: " + startField + " to " + endField);
        }
        this.startField = startField;
        this.endField = endField;
    }

    /** {@code INTERVAL YEAR TO MONTH}, Spark's default year-month interval type (as {@code DataTypes.createYearMonthIntervalType()}). */
    public static YearMonthIntervalType DEFAULT() {
        return INSTANCE;
    }

    /** The code of the year field, 0. */
    public static byte YEAR() {
        return 0;
    }

    /** The code of the month field, 1. */
    public static byte MONTH() {
        return 1;
    }

    /** The field's name in lower case ({@code year}, {@code month}). */
    public static String fieldToString(byte field) {
        return FIELD_NAMES[field];
    }

    /** The field a unit names ({@code year}, {@code month}, any case), or -1. */
    public static byte stringToField(String unit) {
        for (byte i = 0; i < FIELD_NAMES.length; i++) {
            if (FIELD_NAMES[i].equalsIgnoreCase(unit)) {
                return i;
            }
        }
        return -1;
    }

    /** The first field the interval is written with ({@link #YEAR()} or {@link #MONTH()}). */
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
        return "YearMonthIntervalType(" + startField + "," + endField + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof YearMonthIntervalType t && t.startField == startField && t.endField == endField;
    }

    @Override
    public int hashCode() {
        return 17 * startField + endField + 3;
    }

    /** Spark's size estimate of a value, in bytes. */
    @Override
    public int defaultSize() {
        return 4;
    }
}
