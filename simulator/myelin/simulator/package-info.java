/** The integer-exact simulator (the golden model every backend must equal); docs/semantics.md defines it. */
package myelin.simulator;
