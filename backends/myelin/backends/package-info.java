/** Hardware backends (Verilog, SpiNNaker images) and reports; see docs/architecture.md. */
package myelin.backends;
