package io.tideway.engine.source.socket;

import io.tideway.engine.error.Unchecked;
import io.tideway.engine.spi.Options;
import io.tideway.sql.AnalysisException;
import java.util.Map;

/**
 * The {@code socket} source's options with Spark's wording: {@code host} and
 * {@code port} required, {@code includeTimestamp} {@code true}/{@code false} (default false).
 * Spark reports these as {@code AnalysisException}s at {@code load()}. Immutable.
 */
record SocketSourceOptions(String host, int port, boolean includeTimestamp) {
    static final String HOST = "host";
    static final String PORT = "port";
    static final String INCLUDE_TIMESTAMP = "includeTimestamp";

    static SocketSourceOptions parse(Options options) {
        String host = options.get(HOST).orElse(null);
        if (host == null) {
            throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1295", Map.of()));
        }
        String portText = options.get(PORT).orElse(null);
        if (portText == null) {
            throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1296", Map.of()));
        }
        int port = port(portText);
        boolean includeTimestamp;
        try {
            includeTimestamp = options.getBoolean(INCLUDE_TIMESTAMP, false);
        } catch (IllegalArgumentException e) {
            throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1297", Map.of()));
        }
        return new SocketSourceOptions(host, port, includeTimestamp);
    }

    private static int port(String text) {
        int port;
        try {
            port = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw Unchecked.raise(new AnalysisException("Invalid value '" + text + "' for option '" + PORT + "', must be a number"));
        }
        if (port < 0 || port > 0xFFFF) {
            throw Unchecked.raise(new AnalysisException("Invalid value '" + text + "' for option '" + PORT
                    + "', must be between 0 and 65535"));
        }
        return port;
    }
}
