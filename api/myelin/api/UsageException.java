package myelin.api;

/** A request the caller got wrong (an unknown target or profile, a bad option value), not the input file. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
