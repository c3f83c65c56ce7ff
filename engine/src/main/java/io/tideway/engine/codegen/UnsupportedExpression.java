package io.tideway.engine.codegen;

/** Thrown while generating code for an expression it does not handle: the chain stays interpreted. */
final class UnsupportedExpression extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnsupportedExpression(String what) {
        super(what, null, false, false);
    }
}
