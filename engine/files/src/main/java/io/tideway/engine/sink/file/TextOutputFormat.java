package io.tideway.engine.sink.file;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Text output: the single string column, one line per row; a null value is an empty line, as
 * Spark's {@code TextOutputWriter} writes it. Immutable.
 */
final class TextOutputFormat implements OutputFormat {
    private final StructType schema;

    TextOutputFormat(StructType schema) {
        this.schema = schema;
    }

    /** Spark's order: an unsupported column type first, then the column count. */
    @Override
    public void checkSchema() {
        for (StructField f : schema.fields()) {
            if (f.dataType() != DataTypes.StringType) {
                throw Unchecked.raise(new AnalysisException("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", Map.of(
                        "format", "Text", "columnName", ErrorParams.id(f.name()), "columnType", ErrorParams.type(f.dataType()))));
            }
        }
        if (schema.length() != 1) {
            throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1290",
                    Map.of("schemaSize", Integer.toString(schema.length()))));
        }
    }

    @Override
    public String extension() {
        return "txt";
    }

    @Override
    public RowFormatter formatter(Writer out) {
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
