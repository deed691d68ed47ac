/** The integer-exact simulator and the floating-point reference engine; see docs/architecture.md. */
package myelin.simulator;
