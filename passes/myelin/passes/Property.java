package myelin.passes;

/** What a pass needs before it runs, or guarantees after. */
public enum Property {
    /** Every parameter has an integer form for the target profile. */
    QUANTIZED("quantized for a profile");

    private final String description;

    Property(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
