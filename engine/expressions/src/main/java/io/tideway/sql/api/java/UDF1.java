package io.tideway.sql.api.java;

import java.io.Serializable;

/**
 * A Java user-defined function of 1 argument, mirroring Spark's {@code UDF1}: given to
 * {@code functions.udf} or {@code session.udf().register} with its result type. Called on the
 * task's thread, once per row; must be serializable, as Spark ships it to executors.
 */
@FunctionalInterface
public interface UDF1<T1, R> extends Serializable {
    R call(T1 t1) throws Exception;
}
