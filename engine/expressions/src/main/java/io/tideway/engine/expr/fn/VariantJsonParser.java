package io.tideway.engine.expr.fn;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import io.tideway.types.variant.VariantWriter;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON text to a variant, as Spark's {@code VariantBuilder.parseJson}: the first JSON value of the
 * text (Jackson's default parser, so what follows it is not read), integers in the narrowest
 * width, other numbers a decimal when written without an exponent and within 38 digits, else a
 * double. Stateless.
 */
final class VariantJsonParser {
    private static final JsonFactory FACTORY = new JsonFactory();

    private VariantJsonParser() {
    }

    /** The variant's value and metadata binaries; throws on text that is not JSON. */
    static VariantWriter parse(String json, boolean allowDuplicateKeys) throws IOException {
        VariantWriter w = new VariantWriter(allowDuplicateKeys);
        try (JsonParser p = FACTORY.createParser(json)) {
            p.nextToken();
            value(p, w);
        }
        return w;
    }

    private static void value(JsonParser p, VariantWriter w) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new JsonParseException(p, "Unexpected null token");
        }
        switch (t) {
            case START_OBJECT -> {
                int start = w.position();
                List<VariantWriter.Field> fields = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String key = p.currentName();
                    p.nextToken();
                    w.addField(fields, key, start);
                    value(p, w);
                }
                w.finishObject(start, fields);
            }
            case START_ARRAY -> {
                int start = w.position();
                List<Integer> offsets = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    offsets.add(w.position() - start);
                    value(p, w);
                }
                w.finishArray(start, offsets);
            }
            case VALUE_STRING -> w.appendString(p.getText());
            case VALUE_NUMBER_INT -> {
                try {
                    w.appendLong(p.getLongValue());
                } catch (InputCoercionException tooLarge) {
                    fractional(p, w);
                }
            }
            case VALUE_NUMBER_FLOAT -> fractional(p, w);
            case VALUE_TRUE -> w.appendBoolean(true);
            case VALUE_FALSE -> w.appendBoolean(false);
            case VALUE_NULL -> w.appendNull();
            default -> throw new JsonParseException(p, "Unexpected token " + t);
        }
    }

    private static void fractional(JsonParser p, VariantWriter w) throws IOException {
        String text = p.getText();
        BigDecimal d = plainDecimal(text);
        if (d != null) {
            w.appendDecimal(d);
        } else {
            w.appendDouble(p.getDoubleValue());
        }
    }

    /** The number as a decimal if it has only digits, '-' and '.' and fits 38 digits of precision and scale. */
    private static BigDecimal plainDecimal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '-' && c != '.' && (c < '0' || c > '9')) {
                return null;
            }
        }
        BigDecimal d = new BigDecimal(text);
        return d.scale() <= 38 && d.precision() <= 38 ? d : null;
    }
}
