package io.tideway.perf;

import io.tideway.sql.TidewaySession;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options of a scenario, with defaults at the point of use. */
final class ScenarioArgs {
    private final Map<String, String> values;

    private ScenarioArgs(Map<String, String> values) {
        this.values = values;
    }

    static ScenarioArgs parse(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            m.put(args[i].substring(2), args[++i]);
        }
        return new ScenarioArgs(m);
    }

    /**
     * A session builder named {@code appName} with the {@code --conf key=value;key=value} settings
     * applied (e.g. {@code --conf tideway.continuous.ringSize=64}), so any engine setting can be
     * measured without a new option per scenario.
     */
    TidewaySession.Builder session(String appName) {
        TidewaySession.Builder b = TidewaySession.builder().appName(appName);
        for (String entry : values.getOrDefault("conf", "").split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("option --conf takes key=value;key=value, got '" + entry + "'");
            }
            b.config(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return b;
    }

    int getInt(String name, int dflt) {
        String v = values.get(name);
        try {
            return v == null ? dflt : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option --" + name + " must be a number, got '" + v + "'");
        }
    }

    String getString(String name, String dflt) {
        return values.getOrDefault(name, dflt);
    }

    List<String> getStrings(String name, String dflt) {
        List<String> out = new ArrayList<>();
        for (String s : values.getOrDefault(name, dflt).split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    List<Integer> getInts(String name, String dflt) {
        List<Integer> out = new ArrayList<>();
        for (String s : values.getOrDefault(name, dflt).split(",")) {
            out.add(Integer.parseInt(s.trim()));
        }
        return out;
    }
}
