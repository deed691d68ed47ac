package myelin.ir.integer;

import java.util.List;

/**
 * What quantization did to every parameter. Warnings are problems in every run (a weight
 * that rounds to zero); notes are worst cases worth knowing (all inputs of a neuron
 * arriving in one step could saturate its current).
 */
public record QuantizationReport(List<Entry> entries, List<String> warnings, List<String> notes) {
    public QuantizationReport {
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    /**
     * One parameter: its physical value (in {@code unit}), the integer stored, the value
     * that integer stands for, and the relative error.
     */
    public record Entry(String entity, String parameter, double physical, String unit, long integer, double represented) {
        public double relativeError() {
            return physical == 0 ? (represented == 0 ? 0 : Double.POSITIVE_INFINITY)
                    : Math.abs(represented - physical) / Math.abs(physical);
        }
    }
}
