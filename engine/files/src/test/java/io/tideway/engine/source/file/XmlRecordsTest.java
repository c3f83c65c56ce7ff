package io.tideway.engine.source.file;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How an XML file's text splits into {@code rowTag} records. */
class XmlRecordsTest {
    @Test
    void findsEachRowTagElementWithItsNestedNamesakes() {
        String text = "<?xml version=\"1.0\"?><rows><row a=\"1\"><row>inner</row></row>\n<rowx>no</rowx><row/>"
                + "<!-- <row>commented</row> --><row><![CDATA[</row>]]></row></rows>";
        assertEquals(List.of("<row a=\"1\"><row>inner</row></row>", "<row/>", "<row><![CDATA[</row>]]></row>"),
                XmlRecords.split(text, "row"));
    }

    @Test
    void dropsAnUnterminatedLastRecord() {
        assertEquals(List.of("<r>1</r>"), XmlRecords.split("<r>1</r><r>2", "r"));
    }
}
