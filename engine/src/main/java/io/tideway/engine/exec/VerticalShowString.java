package io.tideway.engine.exec;

import io.tideway.sql.Row;
import io.tideway.sql.types.StructType;

import java.util.List;

/**
 * Spark's vertical {@code show(numRows, truncate, true)}: one {@code -RECORD i---} block per row,
 * each field as {@code  name | value } with names and values padded to their widest (at least 3,
 * East Asian wide characters counting two), values cut as {@link ShowString} cuts them;
 * {@code (0 rows)} when there are none. A footer ends without a line break, as Spark's. Stateless.
 */
public final class VerticalShowString {
    private static final int MINIMUM_WIDTH = 3;

    private VerticalShowString() {
    }

    public static String format(StructType schema, List<Row> rows, int numRows, int truncate) {
        String[] names = schema.fieldNames();
        int shown = Math.min(rows.size(), Math.max(numRows, 0));
        String[][] cells = new String[shown][names.length];
        int nameWidth = MINIMUM_WIDTH;
        for (String name : names) {
            nameWidth = Math.max(nameWidth, ShowString.displayWidth(name));
        }
        int dataWidth = MINIMUM_WIDTH;
        for (int r = 0; r < shown; r++) {
            for (int c = 0; c < names.length; c++) {
                cells[r][c] = ShowString.cut(ShowString.render(rows.get(r).get(c), schema.apply(c).dataType()), truncate);
                dataWidth = Math.max(dataWidth, ShowString.displayWidth(cells[r][c]));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < shown; r++) {
            sb.append(pad("-RECORD " + r, nameWidth + dataWidth + 5, '-')).append('\n');
            for (int c = 0; c < names.length; c++) {
                sb.append(' ').append(pad(names[c], nameWidth, ' ')).append(" | ").append(pad(cells[r][c], dataWidth, ' '))
                        .append(" \n");
            }
        }
        if (shown == 0) {
            sb.append("(0 rows)");
        } else if (rows.size() > shown) {
            sb.append("only showing top ").append(numRows).append(numRows == 1 ? " row" : " rows");
        }
        return sb.toString();
    }

    /** {@code s} padded on the right with {@code c} to {@code width} display columns. */
    private static String pad(String s, int width, char c) {
        int missing = width - ShowString.displayWidth(s);
        return missing <= 0 ? s : s + String.valueOf(c).repeat(missing);
    }
}
