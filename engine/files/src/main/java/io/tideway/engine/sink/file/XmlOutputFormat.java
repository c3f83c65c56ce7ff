package io.tideway.engine.sink.file;

import io.tideway.engine.expr.fn.ToXml;
import io.tideway.engine.row.RowConverter;
import io.tideway.engine.spi.Options;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.types.StructType;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * XML output as Spark's XML file sink writes it: the {@code declaration} (Spark's default
 * {@code version="1.0" encoding="UTF-8" standalone="yes"}; empty for none), a {@code rootTag}
 * element ({@code ROWS}) around every row of the file, each row a {@code rowTag} element
 * ({@code ROW}) written by the {@code to_xml} writer ({@link ToXml}: attributes, {@code valueTag},
 * arrays, {@code nullValue}, {@code indent}, {@code arrayElementName}, timestamp and date formats).
 * Immutable.
 */
final class XmlOutputFormat implements FileWriteFormat {
    private final StructType schema;
    private final Options options;
    private final ZoneId zone;
    private final String rootTag;
    private final String declaration;

    XmlOutputFormat(StructType schema, Options options, ZoneId zone) {
        this.schema = schema;
        this.options = options;
        this.zone = zone;
        io.tideway.engine.source.file.XmlFormat.rowTag(options);
        this.rootTag = options.getOrDefault("rootTag", "ROWS");
        this.declaration = options.getOrDefault("declaration", "version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"");
    }

    @Override
    public String extension() {
        return "xml";
    }

    @Override
    public FileRowWriter open(Path file) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 64 * 1024);
        if (!declaration.isEmpty()) {
            out.write("<?xml " + declaration + "?>\n");
        }
        out.write("<" + rootTag + ">");
        ToXml xml = ToXml.forRecords(schema, zone, options.asMap());
        RowConverter rows = new RowConverter(schema);
        return new FileRowWriter() {
            @Override
            public void write(RowReader row) throws IOException {
                out.write(xml.element(rows.toRow(row), 1));
            }

            @Override
            public void close() throws IOException {
                try {
                    out.write("\n</" + rootTag + ">");
                } finally {
                    out.close();
                }
            }
        };
    }
}
