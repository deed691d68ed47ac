package myelin.passes.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import myelin.ir.machine.Keys;
import myelin.ir.machine.RouteSet;
import myelin.ir.machine.RoutingEntry;

/**
 * Shrinks one chip's routing table without changing where any packet in use goes: the
 * entries of one route are covered by aligned blocks of sources (one entry each, a mask
 * over the source bits) as large as they can be without matching a source in use at this
 * chip that takes another route, or none (a packet routed by default). Sources not in use
 * at the chip are free to match: no packet carries them there. The result's entries match
 * disjoint sets of the sources in use, so their order does not matter.
 */
public final class TableCompressor {
    private TableCompressor() {}

    /**
     * @param sources the sources in use at the chip, ascending
     * @param routes  per source in use its route, or null for one that passes by default routing
     */
    public static List<RoutingEntry> compress(int[] sources, RouteSet[] routes, Keys keys) {
        int n = sources.length;
        // runEnd[i]: the first position after i whose route differs.
        int[] runEnd = new int[n];
        for (int i = n - 1; i >= 0; i--) runEnd[i] = i + 1 < n && Objects.equals(routes[i + 1], routes[i]) ? runEnd[i + 1] : i + 1;
        List<RoutingEntry> out = new ArrayList<>();
        int maxBits = 32 - keys.indexBits();
        int i = 0;
        while (i < n) {
            if (routes[i] == null) {
                i++;
                continue;
            }
            int source = sources[i];
            int best = 0;
            for (int bits = 1; bits <= maxBits; bits++) {
                long first = bits >= 32 ? 0 : (long) source & ~((1L << bits) - 1);
                long end = first + (1L << bits);
                if (!onlyRoute(sources, routes, runEnd, first, end, routes[i])) break;
                best = bits;
            }
            long first = best >= 32 ? 0 : (long) source & ~((1L << best) - 1);
            out.add(keys.entry((int) first, best, routes[i]));
            long end = first + (1L << best);
            while (i < n && sources[i] < end) i++;
        }
        return out;
    }

    /** Whether every source in use in [first, end) takes the route (the block then may hold them all). */
    private static boolean onlyRoute(int[] sources, RouteSet[] routes, int[] runEnd, long first, long end, RouteSet route) {
        int at = lowerBound(sources, first);
        if (at == sources.length || sources[at] >= end) return true;
        if (!route.equals(routes[at])) return false;
        int after = runEnd[at];
        return after == sources.length || sources[after] >= end;
    }

    private static int lowerBound(int[] sorted, long value) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
