package myelin.cli;

import java.io.PrintWriter;
import myelin.ir.synapses.Expander;

/** A one-line progress bar on stderr; appears only on a terminal and only after the first second. */
final class ProgressBar implements Expander.Progress {
    private static final long DELAY_NANOS = 1_000_000_000L;
    private final PrintWriter err;
    private final String label;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private int lastPercent = -1;
    private boolean shown;

    ProgressBar(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
        this.enabled = System.console() != null;
    }

    @Override
    public synchronized void update(long done, long total) {
        if (!enabled || total <= 0 || System.nanoTime() - start < DELAY_NANOS) return;
        int percent = (int) (100 * done / total);
        if (percent == lastPercent) return;
        lastPercent = percent;
        int filled = percent * 30 / 100;
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(30 - filled) + "] " + percent + "%");
        err.flush();
        shown = true;
    }

    void finish() {
        if (shown) {
            err.print("\r" + " ".repeat(label.length() + 40) + "\r");
            err.flush();
        }
    }
}
