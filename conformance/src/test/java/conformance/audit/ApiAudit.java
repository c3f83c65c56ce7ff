package conformance.audit;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Lists the public Java-callable methods of Spark 4.0.4's user-facing classes that Tideway's
 * mirror classes lack (issue #15). Spark's side is the javap snapshot
 * {@code conformance/api-audit/spark-4.0.4-api.txt} (written by {@code spark_api_snapshot.py},
 * so Spark never joins the build); Tideway's side is read by reflection on the classpath.
 *
 * <p>A Spark member whose parameters use Scala types or Spark internals with no Tideway
 * counterpart ({@code scala.*}, {@code catalyst}, {@code RDD}...) is counted as Scala-only: a Java
 * program does not call it. Run: {@code java -cp <tideway classpath> conformance.audit.ApiAudit
 * <snapshot> <report.md>}. Single-threaded; runs once.
 */
public final class ApiAudit {
    private static final List<String> NOT_JAVA = List.of("scala.", "org.apache.spark.sql.catalyst.",
            "org.apache.spark.rdd.", "org.apache.spark.api.java.JavaRDD", "org.apache.spark.SparkContext",
            "org.apache.spark.sql.execution.", "org.apache.spark.sql.connector.", "org.apache.spark.sql.internal.",
            "org.apache.spark.sql.classic.", "org.apache.spark.sql.api.", "org.apache.spark.sql.SQLContext",
            "org.apache.spark.sql.sources.", "org.apache.spark.storage.", "org.apache.spark.sql.util.",
            "org.apache.spark.sql.SQLImplicits", "org.apache.spark.sql.SparkSessionExtensions",
            "org.apache.spark.unsafe.", "org.apache.spark.sql.types.AbstractDataType",
            "org.json4s.", "org.apache.spark.SparkConf", "org.apache.spark.sql.Artifact");

    /** Every Java object has these, whether or not its class declares them. */
    private static final List<String> OBJECT_METHODS = List.of("equals[java.lang.Object]", "hashCode[]", "toString[]");

    private ApiAudit() {
    }

    /** One Spark member from the snapshot. */
    record Member(String sparkClass, String kind, String name, List<String> params) {
        String signature() {
            String shown = params.stream().map(ApiAudit::simple).collect(Collectors.joining(", "));
            return ("ctor".equals(kind) ? simple(sparkClass) : name) + "(" + shown + ")"
                    + ("static".equals(kind) ? " static" : "");
        }
    }

    public static void main(String[] args) throws IOException {
        List<Member> members = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] f = line.split("\\|", -1);
            members.add(new Member(f[0], f[1], f[2], f[3].isEmpty() ? List.of() : Arrays.asList(f[3].split(","))));
        }
        Map<String, List<Member>> byClass = new LinkedHashMap<>();
        members.stream().sorted((a, b) -> a.sparkClass.compareTo(b.sparkClass))
                .forEach(m -> byClass.computeIfAbsent(m.sparkClass, k -> new ArrayList<>()).add(m));
        StringBuilder out = new StringBuilder();
        StringBuilder summary = new StringBuilder();
        int totalMissing = 0;
        int totalJava = 0;
        for (Map.Entry<String, List<Member>> e : byClass.entrySet()) {
            String tideway = tidewayName(e.getKey());
            Class<?> cls = load(tideway);
            List<String> missing = new ArrayList<>();
            int scalaOnly = 0;
            int java = 0;
            for (Member m : e.getValue()) {
                if (m.params.stream().anyMatch(ApiAudit::notJava)) {
                    scalaOnly++;
                    continue;
                }
                java++;
                if (cls == null || !has(cls, m)) {
                    missing.add(m.signature());
                }
            }
            totalMissing += missing.size();
            totalJava += java;
            String shortName = e.getKey().replace("org.apache.spark.", "");
            summary.append("| `").append(shortName).append("` | ").append(cls == null ? "**absent**" : "`" + tideway.replace("io.tideway.", "") + "`")
                    .append(" | ").append(java).append(" | ").append(missing.size()).append(" | ").append(scalaOnly).append(" |\n");
            if (!missing.isEmpty()) {
                out.append("\n### ").append(shortName).append(cls == null ? " (no Tideway class)" : "").append("\n\n");
                missing.stream().distinct().sorted().forEach(s -> out.append("- `").append(s).append("`\n"));
            }
        }
        String report = "| Spark class | Tideway class | Java members | missing | Scala-only (skipped) |\n"
                + "|---|---|---|---|---|\n" + summary + "\nTotal: " + totalJava + " Java-callable members, "
                + totalMissing + " missing.\n\n## Missing members, per class\n" + out;
        Files.writeString(Path.of(args[1]), report);
        System.out.println("missing " + totalMissing + " of " + totalJava);
    }

    private static boolean notJava(String type) {
        return NOT_JAVA.stream().anyMatch(type::startsWith);
    }

    static String tidewayName(String spark) {
        return spark.replace("org.apache.spark.sql.SparkSession", "io.tideway.sql.TidewaySession")
                .replace("org.apache.spark.", "io.tideway.");
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1).replace('$', '.');
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ApiAudit.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static boolean has(Class<?> cls, Member m) {
        List<Executable> candidates = new ArrayList<>();
        if ("ctor".equals(m.kind)) {
            candidates.addAll(Arrays.asList(cls.getConstructors()));
        } else {
            for (Method method : cls.getMethods()) {
                if (method.getName().equals(m.name)) {
                    candidates.add(method);
                }
            }
            // A Scala object's members are static forwarders in Spark; Tideway may hold them on
            // a singleton (MODULE$-style) or as statics; either way a Java caller finds them.
        }
        if (!"ctor".equals(m.kind) && OBJECT_METHODS.contains(m.name + m.params)) {
            return true;
        }
        for (Executable x : candidates) {
            if (x instanceof Constructor<?> || Modifier.isPublic(x.getModifiers())) {
                if (sameParams(x.getParameterTypes(), m.params) || viaVarargs(x, m.params) || viaTypeVariable(x, m.params)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Spark often has both {@code drop(String)} and {@code drop(String...)}; a Java call to the
     * first compiles against Tideway's varargs method alone, so it is not missing.
     */
    private static boolean viaVarargs(Executable x, List<String> expected) {
        if (!x.isVarArgs()) {
            return false;
        }
        Class<?>[] p = x.getParameterTypes();
        int fixed = p.length - 1;
        if (expected.size() < fixed || !sameParams(Arrays.copyOf(p, fixed), expected.subList(0, fixed))) {
            return false;
        }
        String component = p[fixed].getComponentType().getTypeName();
        return expected.subList(fixed, expected.size()).stream().allMatch(t -> tidewayName(t).equals(component));
    }

    /**
     * A Tideway parameter declared as an unbounded type variable ({@code <D> D broadcast(D)},
     * generic because {@code functions} sits in a module below {@code Dataset}) takes any object
     * Spark's parameter wants, so a Java call written against Spark compiles against it.
     */
    private static boolean viaTypeVariable(Executable x, List<String> expected) {
        Type[] generic = x.getGenericParameterTypes();
        if (generic.length != expected.size()) {
            return false;
        }
        for (int i = 0; i < generic.length; i++) {
            boolean anyObject = generic[i] instanceof TypeVariable<?> v && v.getBounds().length == 1
                    && v.getBounds()[0] == Object.class && expected.get(i).contains(".");
            if (!anyObject && !sameParams(new Class<?>[] {x.getParameterTypes()[i]}, expected.subList(i, i + 1))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameParams(Class<?>[] actual, List<String> expected) {
        if (actual.length != expected.size()) {
            return false;
        }
        for (int i = 0; i < actual.length; i++) {
            // A type variable (T, KEY, UserType...: capitalized, no package) erases to Object in the class file.
            String want = tidewayName(expected.get(i).replaceFirst("^[A-Z][A-Za-z0-9]*(?=(\\[])*$)", "java.lang.Object"));
            if (!actual[i].getTypeName().equals(want)) {
                return false;
            }
        }
        return true;
    }
}
