package myelin.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import myelin.ir.integer.IntModel;
import myelin.ir.integer.QuantizedNetwork;
import myelin.ir.network.LoadedNetwork;
import myelin.ir.target.Calibration;
import myelin.ir.target.TargetSpec;
import myelin.simulator.FloatStepEngine;

/**
 * {@code --calibrate}: the float step model runs the sample input on the target's own
 * quantization, and each population's largest state, in volts, becomes one more bound on
 * its scale (docs/semantics.md, "Quantization"). The float model's state is unbounded, so
 * what it reaches is what the network does, not what a too-narrow state let it do.
 */
public final class Calibrations {
    private Calibrations() {}

    /**
     * Runs until the last spike of the sample and of the network's spike arrays has arrived
     * over the longest delay; Poisson sources run meanwhile.
     */
    public static Calibration observe(LoadedNetwork loaded, TargetSpec target, String source, List<SpikeCsv.Spike> sample) {
        var floatStep = Simulations.floatStep(loaded, target.withCalibration(Calibration.NONE));
        QuantizedNetwork q = floatStep.quantized();
        FloatStepEngine engine = floatStep.engine();
        int last = -1;
        for (SpikeCsv.Spike s : sample) {
            engine.inject(s.population(), s.neuron(), s.step());
            last = Math.max(last, s.step());
        }
        for (QuantizedNetwork.Population pop : q.populations()) {
            if (pop.model() instanceof IntModel.SpikeArray array) for (int step : array.steps()) last = Math.max(last, step);
        }
        double[] largest = new double[q.populations().size()];
        engine.run(last + 1 + engine.longestDelay(), (step, spikes) -> {
            for (int p = 0; p < largest.length; p++) largest[p] = Math.max(largest[p], engine.largestState(p));
        }, true);
        Map<String, Double> extremes = new LinkedHashMap<>();
        for (int p = 0; p < largest.length; p++) {
            QuantizedNetwork.Population pop = q.populations().get(p);
            if (pop.stateScale() != 0) extremes.put(pop.name(), largest[p] / pop.stateScale());
        }
        return new Calibration(source, extremes);
    }
}
