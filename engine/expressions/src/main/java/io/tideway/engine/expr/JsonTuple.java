package io.tideway.engine.expr;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.fn.JsonTextParser;
import io.tideway.engine.expr.fn.JsonValueOutput;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code json_tuple(json, name1, name2, ...)}, as Spark's {@code JsonTuple}: one row whose
 * columns {@code c0, c1, ...} are the named top-level fields of a JSON object, as text (a string
 * without its quotes, anything else as the JSON Jackson copies); a missing or null field, a null
 * or malformed input, or one that is not an object give nulls. Parsed as
 * {@code get_json_object} parses ({@link JsonTextParser}: Spark's shared Jackson settings,
 * streaming over the row's bytes), each value copied into a buffer kept across rows.
 */
public final class JsonTuple extends Generator {
    private static final long serialVersionUID = 1L;
    private final List<Expression> children;

    public JsonTuple(List<Expression> children) {
        this.children = List.copyOf(children);
    }

    @Override
    public List<Expression> children() {
        return children;
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new JsonTuple(c);
    }

    @Override
    public String prettyName() {
        return "json_tuple";
    }

    @Override
    public boolean outer() {
        return false;
    }

    @Override
    public StructType elementSchema() {
        for (Expression c : children) {
            if (c.dataType() != DataTypes.StringType) {
                throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.NON_STRING_TYPE", Map.of(
                        "sqlExpr", ErrorParams.expr(sql()), "funcName", ErrorParams.id(prettyName())), sqlOrigin()));
            }
        }
        StructType s = new StructType();
        for (int i = 1; i < children.size(); i++) {
            s = s.add("c" + (i - 1), DataTypes.StringType, true);
        }
        return s;
    }

    @Override
    public GeneratorRows rows(EvalContext context) {
        elementSchema();
        Evaluator[] evaluators = new Evaluator[children.size()];
        for (int i = 0; i < evaluators.length; i++) {
            evaluators[i] = children.get(i).evaluator(context);
        }
        return new Rows(evaluators);
    }

    /** The one row: the JSON parsed once per input row, each requested field's text kept. */
    private static final class Rows implements GeneratorRows {
        private final Evaluator json;
        private final Evaluator[] names;
        private final byte[][] nameBytes;
        private final String[] fieldNames;
        private final BytesOut[] values;
        private final boolean[] present;
        private final JsonTextParser input = new JsonTextParser();
        private final JsonValueOutput output = new JsonValueOutput();

        Rows(Evaluator[] evaluators) {
            this.json = evaluators[0];
            this.names = java.util.Arrays.copyOfRange(evaluators, 1, evaluators.length);
            this.nameBytes = new byte[names.length][];
            this.fieldNames = new String[names.length];
            this.values = new BytesOut[names.length];
            this.present = new boolean[names.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = new BytesOut();
            }
        }

        @Override
        public int start(RowReader in) {
            java.util.Arrays.fill(present, false);
            for (int i = 0; i < names.length; i++) {
                names[i].eval(in);
                name(i, names[i]);
            }
            json.eval(in);
            if (!json.isNull) {
                try {
                    parse(input.open(json.buf, json.off, json.len));
                } catch (IOException e) { // malformed JSON: every column null, as Spark's nullRow
                    java.util.Arrays.fill(present, false);
                    output.discard();
                    if (input.hasNonAscii()) { // Spark reads malformed UTF-8 as replacement characters
                        try {
                            parse(input.openAsCharacters());
                        } catch (IOException again) {
                            java.util.Arrays.fill(present, false);
                            output.discard();
                        }
                    }
                }
            }
            return 1;
        }

        /** Keeps field name {@code i}, decoded again only when its bytes change (they are constants as a rule). */
        private void name(int i, Evaluator e) {
            if (e.isNull) {
                nameBytes[i] = null;
                fieldNames[i] = null;
                return;
            }
            byte[] last = nameBytes[i];
            if (last != null && last.length == e.len) {
                int k = 0;
                while (k < e.len && last[k] == e.buf.getByte(e.off + k)) {
                    k++;
                }
                if (k == e.len) {
                    return;
                }
            }
            nameBytes[i] = new byte[e.len];
            e.buf.getBytes(e.off, nameBytes[i]);
            fieldNames[i] = new String(nameBytes[i], java.nio.charset.StandardCharsets.UTF_8);
        }

        private void parse(JsonParser p) throws IOException {
            try (p) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return;
                }
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    if (p.currentToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        int idx = indexOf(field, 0);
                        if (idx >= 0 && p.nextToken() != JsonToken.VALUE_NULL) {
                            BytesOut value = values[idx];
                            JsonValueOutput.copyValue(p, output.begin(value));
                            output.finish();
                            present[idx] = true;
                            for (idx = indexOf(field, idx + 1); idx >= 0; idx = indexOf(field, idx + 1)) {
                                values[idx].reset().append(value.buffer(), 0, value.length()); // a name asked for twice fills both
                                present[idx] = true;
                            }
                        }
                    }
                    p.skipChildren();
                }
            }
        }

        private int indexOf(String field, int from) {
            for (int i = from; i < fieldNames.length; i++) {
                if (field.equals(fieldNames[i])) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public void write(int i, RowWriter w, int first) {
            for (int f = 0; f < values.length; f++) {
                if (present[f]) {
                    w.putBytes(first + f, values[f].buffer(), 0, values[f].length());
                } else {
                    w.setNull(first + f);
                }
            }
        }
    }
}
