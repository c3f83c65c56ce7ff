package conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the cases: every {@link Case}-annotated static method of the classes in package
 * {@code conformance.cases}, from a class directory or a jar, ordered by name so every run and
 * every engine sees the same order.
 */
public final class CaseCatalog {
    private static final String PACKAGE = "conformance.cases";

    /** One case: {@code ClassName.method}. */
    public record Entry(String name, Method method, int timeoutSeconds) {
    }

    private CaseCatalog() {
    }

    /**
     * All cases whose name ({@code Class.method}) starts with one of the filters ({@code Sources}
     * takes every {@code Sources*} class); all when none is given.
     */
    public static List<Entry> find(List<String> filters) {
        List<Entry> all = new ArrayList<>();
        for (String cls : classNames()) {
            Class<?> c;
            try {
                c = Class.forName(PACKAGE + "." + cls);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            for (Method m : c.getDeclaredMethods()) {
                Case a = m.getAnnotation(Case.class);
                if (a == null) {
                    continue;
                }
                if (!Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 1
                        || m.getParameterTypes()[0] != CaseContext.class) {
                    throw new IllegalStateException("@Case method " + c.getSimpleName() + "." + m.getName()
                            + " must be static and take one CaseContext");
                }
                m.setAccessible(true);
                String name = c.getSimpleName() + "." + m.getName();
                if (filters.isEmpty() || filters.stream().anyMatch(name::startsWith)) {
                    all.add(new Entry(name, m, a.timeoutSeconds()));
                }
            }
        }
        all.sort(Comparator.comparing(Entry::name));
        return all;
    }

    private static List<String> classNames() {
        String dir = PACKAGE.replace('.', '/');
        URL url = CaseCatalog.class.getClassLoader().getResource(dir);
        if (url == null) {
            throw new IllegalStateException("package " + PACKAGE + " is not on the class path");
        }
        List<String> names = new ArrayList<>();
        try {
            if (url.getProtocol().equals("jar")) {
                try (JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile()) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String n = entries.nextElement().getName();
                        if (n.startsWith(dir + "/") && n.indexOf('/', dir.length() + 1) < 0) {
                            topLevelClass(n.substring(dir.length() + 1), names);
                        }
                    }
                }
            } else {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    files.forEach(p -> topLevelClass(p.getFileName().toString(), names));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    private static void topLevelClass(String file, List<String> names) {
        if (file.endsWith(".class") && !file.contains("$")) {
            names.add(file.substring(0, file.length() - ".class".length()));
        }
    }
}
