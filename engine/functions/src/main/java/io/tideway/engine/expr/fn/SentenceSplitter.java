package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.ArrayOut;
import io.tideway.engine.expr.CollectionOut;
import io.tideway.offheap.row.ArrayWriter;
import org.agrona.DirectBuffer;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code sentences(text, language, country)} as Spark's {@code ExpressionImplUtils.getSentences}:
 * the JDK's sentence {@link BreakIterator} for the locale splits the text, its word iterator splits
 * each sentence, and the words are the pieces that start with a letter or digit. A null language
 * is {@code Locale.US}; a null country uses the language alone. One per call site of generated
 * code: it keeps the iterators of the last locale and a buffer for the inner arrays, so not
 * thread-safe.
 */
public final class SentenceSplitter {
    private final CollectionOut words = new CollectionOut();
    private String language;
    private String country;
    private BreakIterator sentenceBreaks;
    private BreakIterator wordBreaks;

    /** Writes the sentences of {@code b[off, off+len)} as an array of word arrays into {@code out}; returns its length. */
    public int split(DirectBuffer b, int off, int len, String language, String country, CollectionOut out) {
        use(language, country);
        String text = StringKernels.string(b, off, len);
        sentenceBreaks.setText(text);
        List<List<String>> sentences = new ArrayList<>();
        int start = 0;
        while (sentenceBreaks.next() != BreakIterator.DONE) {
            String sentence = text.substring(start, sentenceBreaks.current());
            start = sentenceBreaks.current();
            wordBreaks.setText(sentence);
            List<String> found = new ArrayList<>();
            int from = 0;
            while (wordBreaks.next() != BreakIterator.DONE) {
                String word = sentence.substring(from, wordBreaks.current());
                from = wordBreaks.current();
                if (Character.isLetterOrDigit(word.charAt(0))) {
                    found.add(word);
                }
            }
            sentences.add(found);
        }
        ArrayWriter outer = out.array(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            List<String> found = sentences.get(i);
            ArrayWriter inner = words.array(found.size());
            for (int j = 0; j < found.size(); j++) {
                ArrayOut.putString(inner, j, found.get(j));
            }
            outer.putBytes(i, words.buffer(), 0, inner.finish());
        }
        return outer.finish();
    }

    private void use(String language, String country) {
        if (sentenceBreaks != null && Objects.equals(language, this.language) && Objects.equals(country, this.country)) {
            return;
        }
        Locale locale = language == null ? Locale.US
                : country == null ? new Locale(language) : new Locale(language, country);
        sentenceBreaks = BreakIterator.getSentenceInstance(locale);
        wordBreaks = BreakIterator.getWordInstance(locale);
        this.language = language;
        this.country = country;
    }
}
