package myelin.backends.blif;

import myelin.ir.logic.GateNetlist;

/**
 * A gate netlist's combinational function in BLIF (Berkeley Logic Interchange Format) for
 * external logic tools: the inputs are the netlist's inputs (a neuron's spike d steps ago),
 * the outputs the gate neurons' spikes of the step, each cell one {@code .names} table of
 * its on-set.
 */
public final class Blif {
    private Blif() {}

    public static String print(GateNetlist n) {
        StringBuilder s = new StringBuilder(".model ").append(n.name()).append('\n');
        s.append(".inputs");
        for (int i = 0; i < n.inputs().size(); i++) s.append(" s").append(i);
        s.append("\n.outputs");
        for (GateNetlist.Output o : n.outputs()) s.append(' ').append(output(n, o));
        s.append('\n');
        for (int k = 0; k < n.cells().size(); k++) {
            GateNetlist.Cell c = n.cells().get(k);
            s.append(".names");
            for (int in : c.inputs()) s.append(" s").append(in);
            s.append(" s").append(n.cellSignal(k)).append('\n');
            for (int x = 0; x < 1 << c.fanIn(); x++) {
                long sum = 0;
                for (int i = 0; i < c.fanIn(); i++) if ((x >> i & 1) != 0) sum += c.weights()[i];
                if (sum < c.threshold()) continue;
                for (int i = 0; i < c.fanIn(); i++) s.append((x >> i & 1) != 0 ? '1' : '0');
                s.append(c.fanIn() > 0 ? " 1\n" : "1\n");
            }
        }
        for (GateNetlist.Output o : n.outputs()) s.append(".names s").append(o.signal()).append(' ').append(output(n, o)).append("\n1 1\n");
        return s.append(".end\n").toString();
    }

    private static String output(GateNetlist n, GateNetlist.Output o) {
        return n.populations().get(o.population()) + "_" + o.neuron();
    }
}
