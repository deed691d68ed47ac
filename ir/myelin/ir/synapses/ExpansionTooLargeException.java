package myelin.ir.synapses;

/** A projection has more synapses than one table can index. */
public final class ExpansionTooLargeException extends RuntimeException {
    public ExpansionTooLargeException(String projection, long synapses) {
        super("projection " + projection + " expands to at least " + synapses
                + " synapses; one projection holds at most " + (Integer.MAX_VALUE - 8) + " (split it)", null, false, false);
    }
}
