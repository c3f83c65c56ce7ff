package io.tideway.engine.plan;

import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EncoderAlignmentTest {
    @Test
    void upCastsAreTheCastsThatLoseNothing() {
        assertTrue(EncoderAlignment.canUpCast(DataTypes.IntegerType, DataTypes.LongType));
        assertTrue(EncoderAlignment.canUpCast(DataTypes.LongType, DataTypes.DoubleType));
        assertTrue(EncoderAlignment.canUpCast(DataTypes.IntegerType, DataTypes.StringType));
        assertTrue(EncoderAlignment.canUpCast(DataTypes.DateType, DataTypes.TimestampType));
        assertTrue(EncoderAlignment.canUpCast(DataTypes.IntegerType, DataTypes.createDecimalType(10, 0)));
        assertTrue(EncoderAlignment.canUpCast(DataTypes.NullType, DataTypes.IntegerType));
        assertFalse(EncoderAlignment.canUpCast(DataTypes.StringType, DataTypes.IntegerType));
        assertFalse(EncoderAlignment.canUpCast(DataTypes.DoubleType, DataTypes.LongType));
        assertFalse(EncoderAlignment.canUpCast(DataTypes.LongType, DataTypes.IntegerType));
        assertFalse(EncoderAlignment.canUpCast(DataTypes.IntegerType, DataTypes.createDecimalType(9, 0)));
        assertFalse(EncoderAlignment.canUpCast(DataTypes.TimestampType, DataTypes.DateType));
    }

    @Test
    void refusesWhatAnEncoderCannotRead() {
        StructType value = new StructType().add("value", "int");
        StructType two = new StructType().add("a", "string").add("b", "string");
        AnalysisException e = assertThrows(AnalysisException.class, () -> EncoderAlignment.check(value, two, Integer.class));
        assertEquals("UNSUPPORTED_DESERIALIZER.FIELD_NUMBER_MISMATCH", e.getCondition());
        e = assertThrows(AnalysisException.class,
                () -> EncoderAlignment.check(value, new StructType().add("s", "string"), Integer.class));
        assertEquals("CANNOT_UP_CAST_DATATYPE", e.getCondition());
        e = assertThrows(AnalysisException.class,
                () -> EncoderAlignment.check(new StructType().add("c", "string"), two, Object.class));
        assertEquals("UNRESOLVED_COLUMN.WITH_SUGGESTION", e.getCondition());
        EncoderAlignment.check(new StructType().add("b", "string"), two, Object.class); // by name, among others
    }
}
