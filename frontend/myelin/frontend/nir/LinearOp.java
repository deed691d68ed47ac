package myelin.frontend.nir;

import java.util.Arrays;
import java.util.function.Function;
import myelin.ir.diag.InputException;

/**
 * One linear step on the way from a neuron layer to the next: what a NIR Affine, Linear,
 * Scale, Conv, pooling, Flatten or Delay node (or a folded LI) does to a vector.
 * {@link #outShape} checks the input shape; {@link #apply} maps a C-order vector.
 */
sealed interface LinearOp {
    String node();

    int[] outShape(int[] in, Function<String, InputException> error);

    double[] apply(double[] x, int[] inShape);

    /** For shapes {@link #outShape} has accepted already: a problem here is a bug. */
    Function<String, InputException> CHECKED = message -> {
        throw new IllegalStateException(message);
    };

    /** Elements of a shape; a negative axis gives -1 and an overflow Integer.MAX_VALUE, both outside any limit. */
    static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) return -1;
            n = Math.min(n * d, Integer.MAX_VALUE);
        }
        return (int) n;
    }

    /** {@code y = W x}, W [out, in]. */
    record Dense(String node, Tensor weight) implements LinearOp {
        public int[] outShape(int[] in, Function<String, InputException> error) {
            if (weight.rank() != 2) throw error.apply("node '" + node + "': weight has shape " + weight.shapeText() + ", expected [out, in]");
            int out = weight.shape()[0], cols = weight.shape()[1];
            if (size(in) != cols) {
                String hint = size(in) == out && out != cols
                        ? " (the weights look transposed: NIR stores [out, in])" : "";
                throw error.apply("node '" + node + "': weight " + weight.shapeText() + " takes " + cols
                        + " inputs but receives shape " + Arrays.toString(in) + hint);
            }
            return new int[] {out};
        }

        public double[] apply(double[] x, int[] inShape) {
            int rows = weight.shape()[0], cols = weight.shape()[1];
            double[] w = weight.values();
            double[] y = new double[rows];
            for (int k = 0; k < cols; k++) {
                if (x[k] == 0) continue;
                for (int r = 0; r < rows; r++) y[r] += w[r * cols + k] * x[k];
            }
            return y;
        }
    }

    /** Elementwise scale (NIR Scale, or a folded LI's resistance). */
    record Diagonal(String node, Tensor scale) implements LinearOp {
        public int[] outShape(int[] in, Function<String, InputException> error) {
            if (scale.size() != 1 && scale.size() != size(in)) {
                throw error.apply("node '" + node + "': " + scale.size() + " scale values for shape " + Arrays.toString(in));
            }
            return in;
        }

        public double[] apply(double[] x, int[] inShape) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) y[i] = x[i] * scale.get(scale.size() == 1 ? 0 : i);
            return y;
        }
    }

    /** Shape changes only (Flatten): C order keeps every index. */
    record Reshape(String node) implements LinearOp {
        public int[] outShape(int[] in, Function<String, InputException> error) {
            return new int[] {size(in)};
        }

        public double[] apply(double[] x, int[] inShape) {
            return x;
        }
    }

    /** A NIR Delay: the vector passes unchanged; the lowering turns the delays into synaptic delays. */
    record Delay(String node, Tensor seconds) implements LinearOp {
        public int[] outShape(int[] in, Function<String, InputException> error) {
            if (seconds.size() != 1 && seconds.size() != size(in)) {
                throw error.apply("node '" + node + "': " + seconds.size() + " delays for shape " + Arrays.toString(in));
            }
            if (seconds.min() < 0) throw error.apply("node '" + node + "': delays must not be negative, got " + seconds.min());
            return in;
        }

        public double[] apply(double[] x, int[] inShape) {
            return x;
        }
    }

    /** Conv1d or Conv2d (any stride, padding, dilation, groups); Conv1d runs as a 2-D one of height 1. */
    record Conv(String node, NirNode.Conv conv) implements LinearOp {
        private int[] kernel() {
            int[] w = conv.weight().shape();
            return conv.dims() == 1 ? new int[] {1, w[2]} : new int[] {w[2], w[3]};
        }

        private int[] axis(int[] perAxis, int fill) {
            return conv.dims() == 1 ? new int[] {fill, perAxis[0]} : perAxis;
        }

        /** The input as [C, H, W]. */
        private int[] chw(int[] in, Function<String, InputException> error) {
            int channels = conv.weight().shape()[1] * conv.groups();
            int[] chw;
            if (in.length == conv.dims() + 1) {
                chw = conv.dims() == 1 ? new int[] {in[0], 1, in[1]} : in.clone();
            } else if (conv.inputShape().length == conv.dims() && size(in) == channels * size(conv.inputShape())) {
                int[] s = conv.inputShape();
                chw = conv.dims() == 1 ? new int[] {channels, 1, s[0]} : new int[] {channels, s[0], s[1]};
            } else {
                throw error.apply("node '" + node + "' (Conv" + conv.dims() + "d): input shape " + Arrays.toString(in)
                        + " is not [channels, " + (conv.dims() == 1 ? "length" : "height, width") + "]");
            }
            if (chw[0] != channels) {
                throw error.apply("node '" + node + "' (Conv" + conv.dims() + "d): weight " + conv.weight().shapeText()
                        + " expects " + channels + " input channels, the input shape " + Arrays.toString(in) + " has " + chw[0]);
            }
            return chw;
        }

        private int[] outHw(int[] chw) {
            int[] k = kernel(), s = axis(conv.stride(), 1), p = axis(conv.padding(), 0), d = axis(conv.dilation(), 1);
            return new int[] {(chw[1] + 2 * p[0] - d[0] * (k[0] - 1) - 1) / s[0] + 1, (chw[2] + 2 * p[1] - d[1] * (k[1] - 1) - 1) / s[1] + 1};
        }

        public int[] outShape(int[] in, Function<String, InputException> error) {
            int out = conv.weight().shape()[0];
            if (conv.groups() < 1 || out % conv.groups() != 0) throw error.apply("node '" + node + "': " + out + " output channels in " + conv.groups() + " groups");
            int[] hw = outHw(chw(in, error));
            if (hw[0] < 1 || hw[1] < 1) throw error.apply("node '" + node + "': the kernel does not fit input " + Arrays.toString(in));
            return conv.dims() == 1 ? new int[] {out, hw[1]} : new int[] {out, hw[0], hw[1]};
        }

        public double[] apply(double[] x, int[] inShape) {
            int[] chw = chw(inShape, CHECKED);
            int[] hw = outHw(chw);
            int[] k = kernel(), s = axis(conv.stride(), 1), p = axis(conv.padding(), 0), d = axis(conv.dilation(), 1);
            int out = conv.weight().shape()[0], perGroupIn = conv.weight().shape()[1], perGroupOut = out / conv.groups();
            double[] w = conv.weight().values();
            double[] y = new double[out * hw[0] * hw[1]];
            for (int ci = 0; ci < chw[0]; ci++) {
                int group = ci / perGroupIn;
                for (int iy = 0; iy < chw[1]; iy++) {
                    for (int ix = 0; ix < chw[2]; ix++) {
                        double v = x[(ci * chw[1] + iy) * chw[2] + ix];
                        if (v == 0) continue;
                        for (int ky = 0; ky < k[0]; ky++) {
                            int oy = iy + p[0] - ky * d[0];
                            if (oy < 0 || oy % s[0] != 0 || oy / s[0] >= hw[0]) continue;
                            for (int kx = 0; kx < k[1]; kx++) {
                                int ox = ix + p[1] - kx * d[1];
                                if (ox < 0 || ox % s[1] != 0 || ox / s[1] >= hw[1]) continue;
                                for (int co = group * perGroupOut; co < (group + 1) * perGroupOut; co++) {
                                    double tap = w[((co * perGroupIn + ci % perGroupIn) * k[0] + ky) * k[1] + kx];
                                    y[(co * hw[0] + oy / s[0]) * hw[1] + ox / s[1]] += tap * v;
                                }
                            }
                        }
                    }
                }
            }
            return y;
        }
    }

    /** SumPool2d or AvgPool2d over each channel. */
    record Pool(String node, NirNode.Pool pool) implements LinearOp {
        public int[] outShape(int[] in, Function<String, InputException> error) {
            if (in.length != 3) throw error.apply("node '" + node + "': pooling needs [channels, height, width], got " + Arrays.toString(in));
            int[] k = pool.kernel(), s = pool.stride(), p = pool.padding();
            int h = (in[1] + 2 * p[0] - k[0]) / s[0] + 1, w = (in[2] + 2 * p[1] - k[1]) / s[1] + 1;
            if (h < 1 || w < 1) throw error.apply("node '" + node + "': the pooling window does not fit input " + Arrays.toString(in));
            return new int[] {in[0], h, w};
        }

        public double[] apply(double[] x, int[] in) {
            int[] o = outShape(in, CHECKED);
            int[] k = pool.kernel(), s = pool.stride(), p = pool.padding();
            double scale = pool.average() ? 1.0 / (k[0] * k[1]) : 1.0;
            double[] y = new double[size(o)];
            for (int c = 0; c < o[0]; c++) {
                for (int oy = 0; oy < o[1]; oy++) {
                    for (int ox = 0; ox < o[2]; ox++) {
                        double sum = 0;
                        for (int ky = 0; ky < k[0]; ky++) {
                            int iy = oy * s[0] - p[0] + ky;
                            if (iy < 0 || iy >= in[1]) continue;
                            for (int kx = 0; kx < k[1]; kx++) {
                                int ix = ox * s[1] - p[1] + kx;
                                if (ix >= 0 && ix < in[2]) sum += x[(c * in[1] + iy) * in[2] + ix];
                            }
                        }
                        y[(c * o[1] + oy) * o[2] + ox] = sum * scale;
                    }
                }
            }
            return y;
        }
    }
}
