package io.tideway;

/**
 * Where in a query an error arose, mirroring Spark's {@code org.apache.spark.QueryContext}: a
 * fragment of SQL text or a DataFrame call site. Tideway does not yet attach contexts, so
 * {@link SparkThrowable#getQueryContext()} returns an empty array; the type exists so code
 * written against Spark compiles unchanged.
 */
public interface QueryContext {

    QueryContextType contextType();

    /** The kind of object the SQL text belongs to, such as {@code VIEW}; empty for a query. */
    String objectType();

    /** The name of that object; empty for a query. */
    String objectName();

    /** The 0-based index of the fragment's first character in the SQL text. */
    int startIndex();

    /** The 0-based index of the fragment's last character in the SQL text. */
    int stopIndex();

    /** The text (SQL) or the API call (DataFrame) the error points at. */
    String fragment();

    /** The user code location of a DataFrame call. */
    String callSite();

    /** The context as Spark prints it under the message. */
    String summary();
}
