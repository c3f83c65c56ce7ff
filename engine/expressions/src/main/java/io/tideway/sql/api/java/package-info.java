/**
 * Java user-defined functions, mirroring {@code org.apache.spark.sql.api.java}: the interfaces
 * {@code UDF0} to {@code UDF22}, one per argument count.
 */
package io.tideway.sql.api.java;
