package myelin.ir.integer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import myelin.ir.synapses.SplitMix64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoissonCountsTest {
    /** A table as the quantize pass builds it: round(2^32 P(X <= k)), ending with 2^32. */
    private static long[] table(double lambda) {
        List<Long> cdf = new ArrayList<>();
        double p = Math.exp(-lambda);
        double sum = p;
        for (int k = 0; ; k++) {
            long entry = Math.round(sum * 4294967296.0);
            if (entry >= 4294967296L || k > 500) break;
            cdf.add(entry);
            p *= lambda / (k + 1);
            sum += p;
        }
        cdf.add(4294967296L);
        return cdf.stream().mapToLong(Long::longValue).toArray();
    }

    private static int search(long[] cdf, long u) {
        int k = 0;
        while (u >= cdf[k]) k++;
        return k;
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-4, 0.02, 0.3, 1.6, 7, 40})
    void bucketsGiveTheSearchResult(double lambda) {
        long[] cdf = table(lambda);
        PoissonCounts counts = new PoissonCounts(cdf);
        SplitMix64 rng = new SplitMix64(42);
        for (int i = 0; i < 200_000; i++) {
            long u = rng.nextLong() >>> 32;
            assertEquals(search(cdf, u), counts.count(u), "u = " + u);
        }
        // Every table entry and its neighbours, where buckets straddle.
        for (long entry : cdf) {
            for (long u = Math.max(0, entry - 2); u <= Math.min(4294967295L, entry + 2); u++) {
                assertEquals(search(cdf, u), counts.count(u), "u = " + u);
            }
        }
        assertEquals(search(cdf, 0), counts.count(0));
        assertEquals(search(cdf, 4294967295L), counts.count(4294967295L));
    }
}
