package io.tideway.sql.catalyst.parser;

import io.tideway.sql.types.DdlErrorTranslator;
import io.tideway.sql.types.DdlParseException;

/**
 * The engine's {@link DdlErrorTranslator} (a {@link java.util.ServiceLoader} service): DDL the
 * types module cannot read becomes Spark's {@link ParseException}, with Spark's message and
 * position. Stateless.
 */
public final class DdlParseErrors implements DdlErrorTranslator {
    @Override
    public Exception translate(DdlParseException e) {
        return new ParseException(e.condition(), e.messageParameters(), e.text(), e.offset(), e);
    }
}
