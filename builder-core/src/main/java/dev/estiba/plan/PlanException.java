package dev.estiba.plan;

/** A plan that cannot be made for reasons not tied to one line (an unknown {@code --target}). */
public final class PlanException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PlanException(String message) {
        super(message);
    }
}
