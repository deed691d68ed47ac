package myelin.cli;

import myelin.api.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import myelin.backends.reports.RasterPlot;
import myelin.ir.network.Network;
import myelin.simulator.SpikeTrain;

/** Draws recorded spikes with the raster report. */
final class Rasters {
    private Rasters() {}

    static void write(Path png, Network net, SpikeTrain record, boolean[] recorded, int steps) throws IOException {
        var names = new java.util.ArrayList<String>();
        var sizes = new java.util.ArrayList<Integer>();
        int[] band = new int[recorded.length];
        for (int i = 0; i < recorded.length; i++) {
            band[i] = -1;
            if (!recorded[i]) continue;
            band[i] = names.size();
            names.add(net.populations().get(i).name());
            sizes.add(net.populations().get(i).size());
        }
        int n = record.size();
        int[] stepOf = new int[n];
        int[] bands = new int[n];
        int[] neurons = new int[n];
        for (int i = 0; i < n; i++) {
            stepOf[i] = record.step(i);
            bands[i] = band[record.population(i)];
            neurons[i] = record.neuron(i);
        }
        var plot = new RasterPlot(net.name(), names, sizes.stream().mapToInt(Integer::intValue).toArray(), steps, net.timestep());
        AtomicFiles.write(png, out -> plot.write(out, stepOf, bands, neurons));
    }
}
