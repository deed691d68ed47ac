/** Mapping passes over the IR (quantization, threshold logic, delays, packing, placement); see docs/architecture.md. */
package myelin.passes;
