package myelin.passes.pack;

import java.util.List;
import java.util.Optional;
import myelin.ir.encoded.EncodedSynapses;
import myelin.ir.hardware.Kernel;
import myelin.ir.network.Connector;
import myelin.ir.network.ConvGeometry;

/**
 * The shared kernel of a conv2d projection, read back from its encoded synapses: each
 * synapse gives its tap's integer weight. It is a kernel only if every synapse of a tap has
 * the same weight, the delay is one for all, and the geometry generates exactly the
 * synapses there are (those of weight 0 aside, which add nothing): then computing the
 * targets gives the same additions as storing them.
 */
final class KernelDetector {
    private KernelDetector() {}

    static Optional<Kernel> detect(String projection, Connector.Conv2d conv, List<Integer> preShape, EncodedSynapses s) {
        Optional<ConvGeometry> geometry = ConvGeometry.of(conv, preShape, message -> { });
        if (geometry.isEmpty() || s.delays() != null) return Optional.empty();
        ConvGeometry g = geometry.get();
        int kh = conv.kernelHeight();
        int kw = conv.kernelWidth();
        int[] taps = new int[g.outChannels() * g.inChannels() * kh * kw];
        boolean[] seen = new boolean[taps.length];
        long nonZero = 0;
        for (int pre = 0; pre < s.preSize(); pre++) {
            for (int k = s.rowStart(pre); k < s.rowEnd(pre); k++) {
                int tap = g.tap(conv, pre, s.post(k));
                if (tap < 0) return Optional.empty();
                int w = s.weight(k);
                if (seen[tap] && taps[tap] != w) return Optional.empty();
                seen[tap] = true;
                taps[tap] = w;
                if (w != 0) nonZero++;
            }
        }
        Kernel kernel = new Kernel(projection, g.inChannels(), g.inHeight(), g.inWidth(), g.outChannels(), g.outHeight(), g.outWidth(),
                kh, kw, conv.stride(), conv.padding(), taps);
        long[] generated = new long[1];
        for (int pre = 0; pre < s.preSize(); pre++) {
            kernel.targets(pre, 0, s.postSize(), (post, weight) -> {
                generated[0]++;
                return 0;
            });
        }
        return generated[0] == nonZero ? Optional.of(kernel) : Optional.empty();
    }
}
