package io.tideway.engine.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code col(name)}'s name syntax, as Spark's {@code UnresolvedAttribute.quotedString} reads it. */
class UnresolvedAttributeTest {
    @Test
    void backquotesAreRemoved() {
        assertEquals("deviceType", UnresolvedAttribute.quoted("`deviceType`").name());
        assertEquals("window.start", UnresolvedAttribute.quoted("`window`.start").name());
        assertEquals("a.b", UnresolvedAttribute.quoted("`a.b`").name());
        assertEquals("a`b", UnresolvedAttribute.quoted("`a``b`").name());
        assertEquals("a.b", UnresolvedAttribute.quoted("a.b").name());
    }

    @Test
    void aNameThatDoesNotParseIsKeptAsWritten() {
        assertEquals("`open", UnresolvedAttribute.quoted("`open").name());
        assertEquals("a`b", UnresolvedAttribute.quoted("a`b").name());
    }
}
