package io.tideway.engine.source.socket;

import io.tideway.engine.spi.Options;
import io.tideway.sql.AnalysisException;

/**
 * The {@code socket} source's options with Spark's wording (digest §4.3): {@code host} and
 * {@code port} required, {@code includeTimestamp} {@code true}/{@code false} (default false).
 * Spark reports these as {@code AnalysisException}s at {@code load()}. Immutable.
 */
record SocketSourceOptions(String host, int port, boolean includeTimestamp) {
    static final String HOST = "host";
    static final String PORT = "port";
    static final String INCLUDE_TIMESTAMP = "includeTimestamp";

    static SocketSourceOptions parse(Options options) {
        String host = options.get(HOST).orElseThrow(
                () -> new AnalysisException("Set a host to read from with option(\"host\", ...)."));
        String portText = options.get(PORT).orElseThrow(
                () -> new AnalysisException("Set a port to read from with option(\"port\", ...)."));
        int port = port(portText);
        boolean includeTimestamp;
        try {
            includeTimestamp = options.getBoolean(INCLUDE_TIMESTAMP, false);
        } catch (IllegalArgumentException e) {
            throw new AnalysisException("includeTimestamp must be set to either \"true\" or \"false\"");
        }
        return new SocketSourceOptions(host, port, includeTimestamp);
    }

    private static int port(String text) {
        int port;
        try {
            port = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new AnalysisException("Invalid value '" + text + "' for option '" + PORT + "', must be a number");
        }
        if (port < 0 || port > 0xFFFF) {
            throw new AnalysisException("Invalid value '" + text + "' for option '" + PORT
                    + "', must be between 0 and 65535");
        }
        return port;
    }
}
