package io.tideway.engine.sink.file;

import io.tideway.offheap.row.RowReader;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.io.IOException;
import java.io.Writer;

/**
 * Text output: the single string column, one line per row; a null value is an empty line, as
 * Spark's {@code TextOutputWriter} writes it. Immutable.
 */
final class TextOutputFormat implements OutputFormat {
    TextOutputFormat(StructType schema) {
        if (schema.length() != 1) {
            throw new IllegalArgumentException("Text data source supports only a single column, and you have "
                    + schema.length() + " columns.");
        }
        if (schema.apply(0).dataType() != DataTypes.StringType) {
            throw new IllegalArgumentException("Text data source does not support " + schema.apply(0).dataType().simpleString()
                    + " data type.");
        }
    }

    @Override
    public String extension() {
        return "txt";
    }

    @Override
    public RowFormatter open(Writer out) {
        return new RowFormatter() {
            @Override
            public void write(RowReader row) throws IOException {
                if (!row.isNullAt(0)) {
                    out.write(row.getString(0));
                }
                out.write('\n');
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }
        };
    }
}
