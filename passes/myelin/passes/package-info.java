/** The pass manager and the mapping passes; each pass is a small class in its own package. */
package myelin.passes;
