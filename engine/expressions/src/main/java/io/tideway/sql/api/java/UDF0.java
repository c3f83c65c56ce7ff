package io.tideway.sql.api.java;

import java.io.Serializable;

/**
 * A Java user-defined function of 0 arguments, mirroring Spark's {@code UDF0}: given to
 * {@code functions.udf} or {@code session.udf().register} with its result type. Called on the
 * task's thread, once per row; must be serializable, as Spark ships it to executors.
 */
@FunctionalInterface
public interface UDF0<R> extends Serializable {
    R call() throws Exception;
}
