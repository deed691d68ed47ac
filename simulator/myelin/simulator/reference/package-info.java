/**
 * The floating-point reference engine (ND4J): the continuous-time model of each neuron
 * integrated exactly over every step, against which the integer model is measured.
 */
package myelin.simulator.reference;
