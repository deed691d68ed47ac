package myelin.frontend.nir;

import java.util.Arrays;

/** A NIR parameter: a dense array in C order (row-major), values widened to double. */
public record Tensor(int[] shape, double[] values) {

    public static Tensor scalar(double value) {
        return new Tensor(new int[0], new double[] {value});
    }

    public int size() {
        return values.length;
    }

    public int rank() {
        return shape.length;
    }

    public double get(int index) {
        return values[index];
    }

    /** The one value every element shares, if they all share one. */
    public java.util.OptionalDouble uniform() {
        for (double v : values) if (Double.compare(v, values[0]) != 0) return java.util.OptionalDouble.empty();
        return values.length == 0 ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(values[0]);
    }

    public double min() {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    public double max() {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    public String shapeText() {
        return Arrays.toString(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Tensor" + shapeText();
    }
}
