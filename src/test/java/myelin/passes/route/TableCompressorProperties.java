package myelin.passes.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import myelin.ir.machine.Keys;
import myelin.ir.machine.RouteSet;
import myelin.ir.machine.RoutingEntry;
import myelin.ir.machine.RoutingTables;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** A compressed table routes every key in use exactly as the uncompressed one (checked key by key, on random tables). */
class TableCompressorProperties {
    record Table(Keys keys, TreeMap<Integer, RouteSet> inUse) {}

    @Provide
    Arbitrary<Table> tables() {
        return Arbitraries.randomValue(TableCompressorProperties::generate);
    }

    static Table generate(Random r) {
        int indexBits = r.nextInt(9);
        int sources = 1 + r.nextInt(2000);
        int processors = 1 + r.nextInt(r.nextBoolean() ? 16 : 152);
        RouteSet[] palette = new RouteSet[1 + r.nextInt(6)];
        for (int i = 0; i < palette.length; i++) {
            RouteSet route = RouteSet.none(processors);
            for (int k = 0; k < 1 + r.nextInt(3); k++) {
                route = r.nextBoolean() ? route.withLink(r.nextInt(6)) : route.withProcessor(r.nextInt(processors));
            }
            palette[i] = route;
        }
        TreeMap<Integer, RouteSet> inUse = new TreeMap<>();
        double density = r.nextDouble();
        int run = 0;
        RouteSet current = palette[0];
        for (int s = 0; s < sources; s++) {
            if (r.nextDouble() > density) continue;
            // Runs of one route, as slices of one population give, now and then broken up.
            if (run-- <= 0) {
                current = r.nextInt(5) == 0 ? null : palette[r.nextInt(palette.length)];
                run = r.nextInt(40);
            }
            inUse.put(s, current);
        }
        return new Table(new Keys(indexBits, sources), inUse);
    }

    static List<RoutingEntry> compress(Table t) {
        int[] sources = t.inUse().keySet().stream().mapToInt(Integer::intValue).toArray();
        return TableCompressor.compress(sources, t.inUse().values().toArray(new RouteSet[0]), t.keys());
    }

    @Property(tries = 300)
    void everyKeyInUseRoutesAsBefore(@ForAll("tables") Table t) {
        List<RoutingEntry> table = compress(t);
        int neurons = 1 << t.keys().indexBits();
        for (var e : t.inUse().entrySet()) {
            for (int n : new int[] {0, neurons - 1, neurons / 2}) {
                int key = t.keys().key(e.getKey(), n);
                assertEquals(e.getValue(), RoutingTables.lookup(table, key), "source " + e.getKey() + ", neuron " + n);
            }
        }
        long entries = t.inUse().values().stream().filter(java.util.Objects::nonNull).count();
        assertTrue(table.size() <= entries, table.size() + " entries for " + entries);
    }

    @Test
    void aRunOfSourcesWithOneRouteBecomesAlignedBlocks() {
        RouteSet east = RouteSet.none(16).withLink(0);
        TreeMap<Integer, RouteSet> inUse = new TreeMap<>();
        for (int s = 0; s < 16; s++) inUse.put(s, east);
        inUse.put(16, null); // a source that passes straight through: no block may hold it
        for (int s = 17; s < 24; s++) inUse.put(s, east);
        List<RoutingEntry> table = compress(new Table(new Keys(8, 24), inUse));
        // [0, 16) is one block; 17 alone, then [18, 20), [20, 24): aligned blocks around the default-routed 16.
        assertEquals(List.of(0, 17 << 8, 18 << 8, 20 << 8), table.stream().map(RoutingEntry::key).toList());
        assertEquals(null, RoutingTables.lookup(table, 16 << 8));
    }
}
