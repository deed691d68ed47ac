package myelin.ir.network;

/** What happens to v after a spike. */
public enum ResetMode {
    /** v = v_reset. */
    VALUE,
    /** v = v - (v_threshold - v_reset): keeps the overshoot. */
    SUBTRACT;

    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
