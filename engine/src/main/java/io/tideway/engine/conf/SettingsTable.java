package io.tideway.engine.conf;

import java.util.List;

/**
 * Prints the README's settings tables from the declarations in {@link TidewayConf}, as Markdown:
 * {@code java -cp <engine classpath> io.tideway.engine.conf.SettingsTable}. Stateless.
 */
public final class SettingsTable {
    private SettingsTable() {
    }

    public static void main(String[] args) {
        System.out.print(markdown());
    }

    /** The tables: Spark's settings, then Tideway's own, then those accepted without effect. */
    public static String markdown() {
        StringBuilder b = new StringBuilder();
        List<ConfigEntry<?>> all = TidewayConf.entries();
        b.append("Settings are given, lowest precedence first, in `tideway-defaults.conf` (in `$TIDEWAY_CONF_DIR`, else ")
                .append("`$TIDEWAY_HOME/conf`; the format of Spark's `spark-defaults.conf`: `key value` per line), as ")
                .append("`-Dkey=value` system properties (`bin/tideway submit --conf key=value`), then in code with ")
                .append("`builder().config(key, value)` or `spark.conf().set(key, value)`. A value is checked where it is ")
                .append("given and again at `start()`; a bad one fails naming the key and the value in Spark's words. ")
                .append("Times take Spark's time strings (`10ms`, `2s`, `1min`, `1h`; a bare number is milliseconds), ")
                .append("sizes Spark's size strings (`512`, `16k`, `1m`). A `spark.*` or `tideway.*` key Tideway does not ")
                .append("know is kept and logged once as a warning.\n\n");
        b.append("| Setting | Type | Default | Allowed | Meaning |\n|---|---|---|---|---|\n");
        all.stream().filter(e -> e.key().startsWith("spark.")).forEach(e -> row(b, e));
        b.append("\nTideway's own settings (continuous mode):\n\n")
                .append("| Setting | Type | Default | Allowed | Meaning |\n|---|---|---|---|---|\n");
        all.stream().filter(e -> e.key().startsWith("tideway.")).forEach(e -> row(b, e));
        b.append("\nAccepted as in Spark, with no effect in Tideway (a warning is logged once): ");
        b.append(String.join(", ", TidewayConf.ACCEPTED_UNUSED.stream().sorted().map(k -> "`" + k + "`").toList()));
        b.append(".\n");
        return b.toString();
    }

    private static void row(StringBuilder b, ConfigEntry<?> e) {
        String dflt = e.defaultText() == null && e.shownDefault().equals("(none)") ? "none"
                : e.shownDefault().equals(e.defaultText()) ? "`" + e.shownDefault() + "`" : e.shownDefault();
        b.append("| `").append(e.key()).append("` | ").append(e.type().name()).append(" | ").append(dflt)
                .append(" | ").append(e.allowed().isEmpty() ? "" : e.allowed()).append(" | ")
                .append(e.doc().replace("|", "\\|")).append(" |\n");
    }
}
