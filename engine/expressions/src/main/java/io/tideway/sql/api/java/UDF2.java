package io.tideway.sql.api.java;

import java.io.Serializable;

/**
 * A Java user-defined function of 2 arguments, mirroring Spark's {@code UDF2}: given to
 * {@code functions.udf} or {@code session.udf().register} with its result type. Called on the
 * task's thread, once per row; must be serializable, as Spark ships it to executors.
 */
@FunctionalInterface
public interface UDF2<T1, T2, R> extends Serializable {
    R call(T1 t1, T2 t2) throws Exception;
}
