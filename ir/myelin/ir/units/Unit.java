package myelin.ir.units;

/** A unit symbol: its dimension and its power-of-ten scale relative to SI (ms = 10^-3 s). */
public record Unit(String symbol, Dimension dimension, int powerOfTen) {}
