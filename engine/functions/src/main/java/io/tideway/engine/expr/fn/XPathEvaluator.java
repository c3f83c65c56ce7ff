package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.ArrayOut;
import io.tideway.engine.expr.BytesOut;
import io.tideway.engine.expr.CollectionOut;
import io.tideway.offheap.row.ArrayWriter;
import org.agrona.DirectBuffer;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import java.io.StringReader;

/**
 * The xpath functions at one call site, as Spark's {@code UDFXPathUtil}: the JDK's DOM parser
 * (external entities off) reads the document and {@code javax.xml.xpath} evaluates the path,
 * compiled when first needed. An empty document or path gives null; a path that does not compile
 * and a document that does not parse fail with Spark's messages. One per call site (a generated
 * constant), used by one thread.
 */
public final class XPathEvaluator {
    private static final String SAX_FEATURES = "http://xml.org/sax/features/";

    private DocumentBuilder builder;
    private XPathExpression expression;
    private String compiledPath;

    /** The path as a number (NaN if it is no number; 0-like when nothing matches); the call is null when {@link #isNull}. */
    public double number(DirectBuffer xb, int xo, int xl, DirectBuffer pb, int po, int pl) {
        Double d = (Double) eval(xb, xo, xl, pb, po, pl, XPathConstants.NUMBER);
        return d == null ? 0 : d;
    }

    /** xpath_boolean: whether the path is true or matches a node. */
    public boolean bool(DirectBuffer xb, int xo, int xl, DirectBuffer pb, int po, int pl) {
        Boolean b = (Boolean) eval(xb, xo, xl, pb, po, pl, XPathConstants.BOOLEAN);
        return b != null && b;
    }

    /** xpath_string: the text of the first match; its length in {@code out}, or -1 for null. */
    public int string(DirectBuffer xb, int xo, int xl, DirectBuffer pb, int po, int pl, BytesOut out) {
        String s = (String) eval(xb, xo, xl, pb, po, pl, XPathConstants.STRING);
        return s == null ? -1 : out.reset().append(s).length();
    }

    /** xpath: the node values of the matches (null for an element); the array's length in {@code out}, or -1. */
    public int list(DirectBuffer xb, int xo, int xl, DirectBuffer pb, int po, int pl, CollectionOut out) {
        NodeList nodes = (NodeList) eval(xb, xo, xl, pb, po, pl, XPathConstants.NODESET);
        if (nodes == null) {
            return -1;
        }
        ArrayWriter a = out.array(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            String v = nodes.item(i).getNodeValue();
            if (v == null) {
                a.setNull(i);
            } else {
                ArrayOut.putString(a, i, v);
            }
        }
        return a.finish();
    }

    /** Whether a call on this document and path is null: Spark's answer for an empty one. */
    public static boolean isNull(int xmlLength, int pathLength) {
        return xmlLength == 0 || pathLength == 0;
    }

    private Object eval(DirectBuffer xb, int xo, int xl, DirectBuffer pb, int po, int pl, QName kind) {
        if (isNull(xl, pl)) {
            return null;
        }
        String path = StringKernels.string(pb, po, pl);
        if (!path.equals(compiledPath)) {
            try {
                expression = XPathFactory.newInstance().newXPath().compile(path);
            } catch (XPathExpressionException e) {
                throw new RuntimeException("Invalid XPath '" + path + "'" + e.getMessage(), e);
            }
            compiledPath = path;
        }
        String xml = StringKernels.string(xb, xo, xl);
        try {
            return expression.evaluate(builder().parse(new InputSource(new StringReader(xml))), kind);
        } catch (XPathExpressionException e) {
            throw new RuntimeException("Invalid XML document: " + e.getMessage() + "\n" + xml, e);
        } catch (Exception e) {
            throw new RuntimeException("Error loading expression '" + compiledPath + "'", e);
        }
    }

    private DocumentBuilder builder() {
        if (builder == null) {
            try {
                DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
                dbf.setFeature(SAX_FEATURES + "external-general-entities", false);
                dbf.setFeature(SAX_FEATURES + "external-parameter-entities", false);
                builder = dbf.newDocumentBuilder();
                // the parse error is raised to the caller; without a handler the JDK also prints it to stderr per row
                builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                    @Override
                    public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                        throw e;
                    }
                });
            } catch (ParserConfigurationException e) {
                throw new RuntimeException("Error instantiating DocumentBuilder, cannot build xml parser", e);
            }
        }
        return builder;
    }
}
