package myelin.cli;

import java.nio.file.Path;
import myelin.ir.logic.CellLibrary;
import myelin.ir.target.TargetSpec;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** compile's and verify's options for an fpga target: which netlist, on which cell library, from which templates. */
final class RtlOptions {
    @Option(names = "--netlist", paramLabel = "KIND", description = "on an fpga target, map the threshold gates onto threshold-logic "
            + "cells instead of neuron cores: threshold (docs/threshold-logic.md)")
    String netlist;

    @Option(names = "--cells", paramLabel = "LIBRARY", description = "the threshold-logic cell library with --netlist threshold: tulip "
            + "(the default: fan-in 4, 3-bit weights) or ftl (fan-in 8, 4-bit weights); a target block may define its own")
    String cells;

    @Option(names = "--templates", paramLabel = "DIR", description = "on an fpga target, render the Verilog from the templates in DIR "
            + "(copies of templates/verilog/*.vm) instead of the built-in ones")
    Path templates;

    /** The target with the chosen cell library; usage errors for options that do not go together. */
    TargetSpec target(TargetSpec t, CommandLine cli) {
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
