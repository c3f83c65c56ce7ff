package io.tideway.engine.expr;

/** A node whose operands may need implicit casts once their types are known. */
public interface Coercible {
    /** This node with casts inserted so its operands have compatible types; errors name the mismatch. */
    Expression coerceTypes();
}
