package myelin.cli;

import myelin.ir.logic.CellLibrary;
import myelin.ir.target.TargetSpec;
import picocli.CommandLine;

/** --netlist and --cells: which netlist, on which cell library. */
final class ThresholdOptions {
    private ThresholdOptions() {}

    static TargetSpec target(TargetSpec t, String netlist, String cells, CommandLine cli) {
        if (netlist == null) {
            if (cells != null) throw new CommandLine.ParameterException(cli, "--cells needs --netlist threshold");
            return t;
        }
        if (!netlist.equals("threshold")) throw new CommandLine.ParameterException(cli, "--netlist must be threshold, not '" + netlist + "'");
        if (!t.emitsVerilog()) throw new CommandLine.ParameterException(cli, "--netlist threshold needs an fpga target (--target fpga), not " + t.name());
        if (cells == null) return t;
        return t.withCells(CellLibrary.builtIn(cells).orElseThrow(() -> new CommandLine.ParameterException(cli,
                "--cells must be tulip or ftl, not '" + cells + "' (a target block defines others with cell_fan_in, cell_weight_bits, ...)")));
    }
}
