package io.tideway.engine.expr;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code json_tuple(json, name1, name2, ...)}, as Spark's {@code JsonTuple}: one row whose
 * columns {@code c0, c1, ...} are the named top-level fields of a JSON object, as text (a string
 * without its quotes, anything else as the JSON Jackson copies); a missing or null field, a null
 * or malformed input, or one that is not an object give nulls. Parsed with Spark's Jackson
 * settings (unescaped control characters and any backslash escape allowed).
 */
public final class JsonTuple extends Generator {
    private static final long serialVersionUID = 1L;
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();
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
        private final String[] fieldNames;
        private final byte[][] values;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Rows(Evaluator[] evaluators) {
            this.json = evaluators[0];
            this.names = java.util.Arrays.copyOfRange(evaluators, 1, evaluators.length);
            this.fieldNames = new String[names.length];
            this.values = new byte[names.length][];
        }

        @Override
        public int start(RowReader in) {
            java.util.Arrays.fill(values, null);
            for (int i = 0; i < names.length; i++) {
                names[i].eval(in);
                fieldNames[i] = names[i].isNull ? null : names[i].buf.getStringWithoutLengthUtf8(names[i].off, names[i].len);
            }
            json.eval(in);
            if (!json.isNull) {
                byte[] text = new byte[json.len];
                json.buf.getBytes(json.off, text);
                try (JsonParser p = FACTORY.createParser(text)) {
                    parse(p);
                } catch (IOException e) { // malformed JSON: every column null, as Spark's nullRow
                    java.util.Arrays.fill(values, null);
                }
            }
            return 1;
        }

        private void parse(JsonParser p) throws IOException {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            while (p.nextToken() != JsonToken.END_OBJECT) {
                if (p.currentToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    int idx = indexOf(field, 0);
                    if (idx >= 0 && p.nextToken() != JsonToken.VALUE_NULL) {
                        byte[] value = copy(p);
                        for (; idx >= 0; idx = indexOf(field, idx + 1)) { // a name asked for twice fills both
                            values[idx] = value;
                        }
                    }
                }
                p.skipChildren();
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

        /** The current value as Spark copies it: a string's text unquoted, anything else as JSON. */
        private byte[] copy(JsonParser p) throws IOException {
            out.reset();
            try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
                if (p.currentToken() == JsonToken.VALUE_STRING) {
                    g.writeRaw(p.getText());
                } else {
                    g.copyCurrentStructure(p);
                }
            }
            return out.toByteArray();
        }

        @Override
        public void write(int i, RowWriter w, int first) {
            for (int f = 0; f < values.length; f++) {
                if (values[f] == null) {
                    w.setNull(first + f);
                } else {
                    w.putBytes(first + f, values[f]);
                }
            }
        }
    }
}
