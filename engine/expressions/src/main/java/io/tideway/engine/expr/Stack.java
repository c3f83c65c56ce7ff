package io.tideway.engine.expr;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code stack(n, v1, ..., vk)}, as Spark's {@code Stack}: the values laid out in {@code n} rows
 * of {@code ceil(k / n)} columns {@code col0, col1, ...}, row by row, the last row padded with
 * nulls. A column's values must have one type (a NULL takes it, as Spark's {@code StackCoercion}).
 */
public final class Stack extends Generator implements Coercible {
    private static final long serialVersionUID = 1L;
    private final List<Expression> children;

    public Stack(List<Expression> children) {
        this.children = List.copyOf(children);
    }

    @Override
    public List<Expression> children() {
        return children;
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new Stack(c);
    }

    @Override
    public String prettyName() {
        return "stack";
    }

    @Override
    public boolean outer() {
        return false;
    }

    /** The row count, checked as Spark's {@code checkInputDataTypes} checks it. */
    private int numRows() {
        Expression n = children.get(0);
        if (n.dataType() != DataTypes.IntegerType) {
            throw mismatch("UNEXPECTED_INPUT_TYPE", Map.of("paramIndex", ErrorParams.ordinal(0),
                    "requiredType", ErrorParams.type(DataTypes.IntegerType), "inputSql", ErrorParams.expr(n.sql()),
                    "inputType", ErrorParams.type(n.dataType())));
        }
        if (!(n instanceof Literal l)) {
            throw mismatch("NON_FOLDABLE_INPUT", Map.of("inputName", ErrorParams.id("n"),
                    "inputType", ErrorParams.type(DataTypes.IntegerType), "inputExpr", ErrorParams.expr(n.sql())));
        }
        int rows = l.value() == null ? 0 : ((Number) l.value()).intValue();
        if (rows < 1) {
            throw mismatch("VALUE_OUT_OF_RANGE", Map.of("exprName", "`n`", "valueRange", "(0, 2147483647]",
                    "currentValue", String.valueOf(l.value())));
        }
        return rows;
    }

    private int numFields(int rows) {
        return (int) Math.ceil((children.size() - 1.0) / rows);
    }

    private RuntimeException mismatch(String subclass, Map<String, String> params) {
        Map<String, String> all = new java.util.HashMap<>(params);
        all.put("sqlExpr", ErrorParams.expr(sql()));
        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH." + subclass, all, sqlOrigin()));
    }

    /** The type of column {@code j}: its first value's that is not a NULL. */
    private DataType columnType(int j, int fields) {
        for (int i = 1 + j; i < children.size(); i += fields) {
            if (children.get(i).dataType() != DataTypes.NullType) {
                return children.get(i).dataType();
            }
        }
        return DataTypes.NullType;
    }

    @Override
    public Expression coerceTypes() {
        int fields = numFields(numRows());
        List<Expression> typed = new ArrayList<>(children);
        for (int i = 1; i < typed.size(); i++) {
            DataType t = columnType((i - 1) % fields, fields);
            if (typed.get(i) instanceof Literal l && l.value() == null && t != DataTypes.NullType) {
                typed.set(i, new Literal(null, t));
            }
        }
        return new Stack(typed);
    }

    @Override
    public StructType elementSchema() {
        int rows = numRows();
        int fields = numFields(rows);
        StructType s = new StructType();
        for (int j = 0; j < fields; j++) {
            s = s.add("col" + j, children.get(1 + j).dataType(), true);
        }
        for (int i = 1; i < children.size(); i++) {
            int j = (i - 1) % fields;
            DataType left = s.apply(j).dataType();
            if (!children.get(i).dataType().equals(left)) {
                throw mismatch("STACK_COLUMN_DIFF_TYPES", Map.of("columnIndex", String.valueOf(j),
                        "leftParamIndex", String.valueOf(j + 1), "leftType", ErrorParams.type(left),
                        "rightParamIndex", String.valueOf(i), "rightType", ErrorParams.type(children.get(i).dataType())));
            }
        }
        return s;
    }

    @Override
    public GeneratorRows rows(EvalContext context) {
        StructType schema = elementSchema();
        int rows = numRows();
        Evaluator[] values = new Evaluator[children.size() - 1];
        DataType[] types = new DataType[values.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = children.get(i + 1).evaluator(context);
            types[i] = children.get(i + 1).dataType();
        }
        return new Rows(values, types, rows, schema.length());
    }

    /** Every value evaluated once per input row, then laid out row by row. */
    private static final class Rows implements GeneratorRows {
        private final Evaluator[] values;
        private final DataType[] types;
        private final int rows;
        private final int fields;

        Rows(Evaluator[] values, DataType[] types, int rows, int fields) {
            this.values = values;
            this.types = types;
            this.rows = rows;
            this.fields = fields;
        }

        @Override
        public int start(RowReader in) {
            for (Evaluator v : values) {
                v.eval(in);
            }
            return rows;
        }

        @Override
        public void write(int i, RowWriter out, int first) {
            for (int j = 0; j < fields; j++) {
                int at = i * fields + j;
                if (at < values.length) {
                    ValueWriter.write(values[at], types[at], out, first + j);
                } else {
                    out.setNull(first + j);
                }
            }
        }
    }
}
