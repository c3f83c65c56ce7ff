package io.tideway.engine.expr.codegen;

/** Thrown while generating code for an expression it does not handle: the chain stays interpreted. */
public final class UnsupportedExpression extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsupportedExpression(String what) {
        super(what, null, false, false);
    }
}
