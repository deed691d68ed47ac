/** Backends that emit hardware and reports from the IR. */
package myelin.backends;
