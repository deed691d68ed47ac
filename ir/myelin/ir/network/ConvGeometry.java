package myelin.ir.network;

import java.util.List;

/**
 * The geometry of a 2-D convolution between two populations: the input is [C,H,W]
 * (an [H,W] population is one channel), the output [C',H',W'] with
 * {@code H' = (H + 2*padding - kh) / stride + 1}.
 */
public record ConvGeometry(int inChannels, int inHeight, int inWidth, int outChannels, int outHeight, int outWidth) {

    /** The geometry, or a message saying why the input shape does not fit the kernel. */
    public static java.util.Optional<ConvGeometry> of(Connector.Conv2d conv, List<Integer> inShape, java.util.function.Consumer<String> problem) {
        int c, h, w;
        if (inShape.size() == 2) {
            c = 1; h = inShape.get(0); w = inShape.get(1);
        } else if (inShape.size() == 3) {
            c = inShape.get(0); h = inShape.get(1); w = inShape.get(2);
        } else {
            problem.accept("conv2d needs a pre population of shape [C,H,W] or [H,W], got " + inShape);
            return java.util.Optional.empty();
        }
        if (c != conv.inChannels()) {
            problem.accept("kernel has " + conv.inChannels() + " input channels but the pre population shape "
                    + inShape + " has " + c);
            return java.util.Optional.empty();
        }
        if (conv.stride() < 1 || conv.padding() < 0) {
            problem.accept("conv2d needs stride >= 1 and padding >= 0");
            return java.util.Optional.empty();
        }
        int oh = Math.floorDiv(h + 2 * conv.padding() - conv.kernelHeight(), conv.stride()) + 1;
        int ow = Math.floorDiv(w + 2 * conv.padding() - conv.kernelWidth(), conv.stride()) + 1;
        if (oh < 1 || ow < 1) {
            problem.accept("kernel " + conv.kernelHeight() + "x" + conv.kernelWidth() + " does not fit input " + inShape
                    + " with padding " + conv.padding());
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ConvGeometry(c, h, w, conv.outChannels(), oh, ow));
    }

    /**
     * The kernel tap (index into {@link Connector.Conv2d#kernel()}) that joins pre neuron
     * {@code pre} to post neuron {@code post}, or -1 when the kernel does not reach from one
     * to the other.
     */
    public int tap(Connector.Conv2d conv, int pre, int post) {
        int c = pre / (inHeight * inWidth);
        int y = (pre / inWidth) % inHeight;
        int x = pre % inWidth;
        int co = post / (outHeight * outWidth);
        int oy = (post / outWidth) % outHeight;
        int ox = post % outWidth;
        int ky = y + conv.padding() - oy * conv.stride();
        int kx = x + conv.padding() - ox * conv.stride();
        if (ky < 0 || ky >= conv.kernelHeight() || kx < 0 || kx >= conv.kernelWidth()) return -1;
        return ((co * inChannels + c) * conv.kernelHeight() + ky) * conv.kernelWidth() + kx;
    }

    /** The post shape this convolution produces. */
    public List<Integer> outShape() {
        return List.of(outChannels, outHeight, outWidth);
    }

    public int outSize() {
        return outChannels * outHeight * outWidth;
    }
}
