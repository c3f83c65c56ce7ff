package conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a conformance case: a {@code public static void name(CaseContext ctx) throws Exception}
 * method in a class of package {@code conformance.cases}. The case's name is
 * {@code ClassName.methodName}; its golden is {@code golden/ClassName.methodName.out}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Case {
    /** Seconds the case may run before it is reported as a timeout. */
    int timeoutSeconds() default 60;
}
