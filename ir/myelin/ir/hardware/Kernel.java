package myelin.ir.hardware;

import java.util.Arrays;

/**
 * A convolution's weights, stored once for its projection: blocks of encoding KERNEL
 * compute each spike's targets from the geometry instead of storing them. The input is
 * [inChannels, inHeight, inWidth], the output [outChannels, outHeight, outWidth]; tap
 * (co, ci, ky, kx) joins input (ci, y, x) to output (co, oy, ox) where
 * {@code y = oy * stride - padding + ky} (and likewise x), as docs/ir.md expands conv2d.
 *
 * @param weights each tap's weight as delivered, row-major over (co, ci, ky, kx); 0 for no synapse
 */
public record Kernel(String projection, int inChannels, int inHeight, int inWidth, int outChannels, int outHeight, int outWidth,
                     int kernelHeight, int kernelWidth, int stride, int padding, int[] weights) {
    /** Geometry fields, 16 bits each, before the taps. */
    public static final int HEADER_BYTES = 22;

    public int tap(int co, int ci, int ky, int kx) {
        return weights[((co * inChannels + ci) * kernelHeight + ky) * kernelWidth + kx];
    }

    /** Bytes of the stored kernel: geometry, then each tap in the fewest bits that hold every weight, and their shift. */
    public long bytes() {
        int[] sign = new int[1];
        int shift = BlockCodec.shift(weights);
        long bits = (long) weights.length * BlockCodec.weightBits(weights, shift, sign);
        return HEADER_BYTES + (bits + 7) / 8;
    }

    /** Every synapse of input neuron {@code pre} onto output neurons [first, first + size), as (post - first, weight). */
    public void targets(int pre, int first, int size, java.util.function.IntBinaryOperator sink) {
        int c = pre / (inHeight * inWidth);
        int y = (pre / inWidth) % inHeight;
        int x = pre % inWidth;
        for (int co = 0; co < outChannels; co++) {
            for (int ky = 0; ky < kernelHeight; ky++) {
                int oyStrided = y + padding - ky;
                if (oyStrided < 0 || oyStrided % stride != 0 || oyStrided / stride >= outHeight) continue;
                for (int kx = 0; kx < kernelWidth; kx++) {
                    int oxStrided = x + padding - kx;
                    if (oxStrided < 0 || oxStrided % stride != 0 || oxStrided / stride >= outWidth) continue;
                    int w = tap(co, c, ky, kx);
                    int post = (co * outHeight + oyStrided / stride) * outWidth + oxStrided / stride;
                    if (w != 0 && post >= first && post < first + size) sink.applyAsInt(post - first, w);
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Kernel k && projection.equals(k.projection) && inChannels == k.inChannels && inHeight == k.inHeight
                && inWidth == k.inWidth && outChannels == k.outChannels && outHeight == k.outHeight && outWidth == k.outWidth
                && kernelHeight == k.kernelHeight && kernelWidth == k.kernelWidth && stride == k.stride && padding == k.padding
                && Arrays.equals(weights, k.weights);
    }

    @Override
    public int hashCode() {
        return projection.hashCode() * 31 + Arrays.hashCode(weights);
    }
}
