package io.tideway.engine.codegen;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.sql.SqlExpressionParser;
import io.tideway.engine.plan.LocalRelation;
import io.tideway.engine.plan.Project;
import io.tideway.engine.plan.Resolver;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every function runs in generated code (continuous mode's hot path) and gives there exactly what
 * its interpreted evaluator gives: each line of {@code codegen-differential/*.txt} (test
 * resources; {@code #} starts a comment) is a SQL expression over {@link #SCHEMA}, projected
 * through a generated chain and an interpreted one over {@link #ROWS}, with ANSI on and off.
 * A function family adds its own file.
 */
class FunctionCodegenTest {
    static final StructType SCHEMA = new StructType()
            .add("a", DataTypes.LongType, true)
            .add("b", DataTypes.IntegerType, true)
            .add("c", DataTypes.DoubleType, true)
            .add("s", DataTypes.StringType, true)
            .add("flag", DataTypes.BooleanType, true)
            .add("ts", DataTypes.TimestampType, true)
            .add("dt", DataTypes.DateType, true)
            .add("t", DataTypes.StringType, true);
    static final Object[][] ROWS = {
            {1L, 2, 1.5, "abc", true, Timestamp.valueOf("2024-03-15 10:30:45.123456"), Date.valueOf("2024-03-15"), "b"},
            {null, null, null, null, null, null, null, null},
            {-7L, -3, -0.0, "", false, Timestamp.valueOf("1970-01-01 00:00:00"), Date.valueOf("1970-01-01"), ""},
            {Long.MAX_VALUE, Integer.MAX_VALUE, Double.NaN, "é€😀 Straße", true,
                    Timestamp.valueOf("2000-02-29 12:00:00.5"), Date.valueOf("2000-02-29"), "ß"},
            {Long.MIN_VALUE, Integer.MIN_VALUE, Double.NEGATIVE_INFINITY, "  Mixed Case  ", false,
                    Timestamp.valueOf("1969-12-31 23:59:59.999999"), Date.valueOf("1969-12-31"), " "},
            {0L, 0, 0.0, "x,y,,z", null, Timestamp.valueOf("2023-12-31 23:59:59"), Date.valueOf("2023-12-31"), ","},
            {42L, 7, 1e300, "12.5", true, Timestamp.valueOf("2024-02-29 00:00:00"), Date.valueOf("2024-02-29"), "1"},
    };

    private final ChainDifferential differential = new ChainDifferential(SCHEMA, ROWS);

    @AfterEach
    void free() {
        differential.close();
    }

    @TestFactory
    Stream<DynamicTest> everyExpressionIsGeneratedAndMatchesTheInterpreter() throws IOException, URISyntaxException {
        Path dir = Path.of(FunctionCodegenTest.class.getResource("/codegen-differential").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        return files.stream().flatMap(f -> lines(f).stream().map(text -> DynamicTest.dynamicTest(
                f.getFileName() + ": " + text, () -> check(text))));
    }

    private void check(String text) {
        LocalRelation leaf = new LocalRelation(SCHEMA, List.of());
        Expression e = Resolver.resolve(SqlExpressionParser.parseColumn(text).expr(), leaf);
        differential.assertSameOutput(new Project(List.of(e), leaf), leaf, true);
    }

    private static List<String> lines(Path f) {
        try {
            return Files.readAllLines(f).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
