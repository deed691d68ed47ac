package myelin.passes.route;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import myelin.ir.diag.InputException;
import myelin.ir.hardware.Block;
import myelin.ir.hardware.HardwareNetwork;
import myelin.ir.machine.MachineNetwork;
import myelin.ir.machine.Mesh;
import myelin.ir.machine.RouteSet;
import myelin.ir.machine.RoutingEntry;
import myelin.ir.network.VerifierProblem.Entity;
import myelin.ir.target.TargetSpec;
import myelin.passes.CompilationUnit;
import myelin.passes.Pass;
import myelin.passes.PassInfo;
import myelin.passes.Stages;
import org.jgrapht.Graph;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;

/**
 * Routes every source's packets: a multicast tree over the mesh made of shortest paths
 * from the source's chip to each chip that holds a receiving core (a breadth-first tree, so
 * paths to several targets share their links), one entry per chip of the tree that sends
 * the packet anywhere but straight on (SpiNNaker routes a packet that matches nothing out of
 * the link opposite the one it came in by), then each chip's table compressed
 * ({@link TableCompressor}) until it fits the target's entries. A chip that cannot is an
 * error naming it, its entries before and after, and the slices that load it.
 */
public final class Route implements Pass<MachineNetwork> {
    private static final PassInfo<MachineNetwork> INFO = PassInfo.of("route", "multicast trees, routing tables, compression",
            Set.of(Stages.PLACED), Stages.ROUTED);

    private final TargetSpec target;

    public Route(TargetSpec target) {
        this.target = target;
    }

    @Override
    public PassInfo<MachineNetwork> info() {
        return INFO;
    }

    @Override
    public MachineNetwork run(CompilationUnit unit) {
        MachineNetwork m = unit.require(Stages.PLACED);
        HardwareNetwork hw = m.hardware();
        Mesh mesh = m.mesh();
        List<Set<Integer>> receivers = receivers(m);
        Graph<Integer, DefaultEdge> graph = new SimpleDirectedGraph<>(DefaultEdge.class);
        for (int c = 0; c < mesh.chips(); c++) graph.addVertex(c);
        for (int c = 0; c < mesh.chips(); c++) {
            for (int l = 0; l < Mesh.LINKS; l++) {
                int n = mesh.neighbour(c, l);
                if (n >= 0 && n != c && !graph.containsEdge(c, n)) graph.addEdge(c, n);
            }
        }
        BFSShortestPath<Integer, DefaultEdge> bfs = new BFSShortestPath<>(graph);
        Map<Integer, org.jgrapht.alg.interfaces.ShortestPathAlgorithm.SingleSourcePaths<Integer, DefaultEdge>> trees = new HashMap<>();
        // Per chip: every source in use there, with its route or null (straight through by default).
        List<TreeMap<Integer, RouteSet>> inUse = new ArrayList<>();
        for (int c = 0; c < mesh.chips(); c++) inUse.add(new TreeMap<>());
        int cores = hw.cores().size();
        for (int source = 0; source < receivers.size(); source++) {
            if (receivers.get(source).isEmpty()) continue;
            int from = m.chip()[m.sender(source)];
            var paths = trees.computeIfAbsent(from, bfs::getPaths);
            RouteSet none = RouteSet.none(m.processorsPerChip());
            Map<Integer, RouteSet> route = new LinkedHashMap<>();
            Map<Integer, Integer> enteredBy = new HashMap<>();
            route.put(from, none);
            for (int core : receivers.get(source)) {
                int chip = m.chip()[core];
                List<Integer> path = paths.getPath(chip).getVertexList();
                for (int i = 0; i + 1 < path.size(); i++) {
                    int link = link(mesh, path.get(i), path.get(i + 1));
                    route.put(path.get(i), route.getOrDefault(path.get(i), none).withLink(link));
                    route.putIfAbsent(path.get(i + 1), none);
                    enteredBy.put(path.get(i + 1), Mesh.opposite(link));
                }
                route.put(chip, route.get(chip).withProcessor(m.processor()[core]));
            }
            for (var e : route.entrySet()) {
                int chip = e.getKey();
                boolean straightOn = chip != from && e.getValue().isOnly(Mesh.opposite(enteredBy.get(chip)));
                inUse.get(chip).put(source, straightOn ? null : e.getValue());
            }
        }
        List<List<RoutingEntry>> tables = new ArrayList<>();
        int[] uncompressed = new int[mesh.chips()];
        for (int chip = 0; chip < mesh.chips(); chip++) {
            TreeMap<Integer, RouteSet> used = inUse.get(chip);
            int[] sources = used.keySet().stream().mapToInt(Integer::intValue).toArray();
            RouteSet[] routes = used.values().toArray(new RouteSet[0]);
            for (RouteSet r : routes) if (r != null) uncompressed[chip]++;
            List<RoutingEntry> table = TableCompressor.compress(sources, routes, m.keys());
            long limit = target.limits().routingEntries();
            if (limit > 0 && table.size() > limit) {
                throw InputException.of(unit.sources().at(Entity.NETWORK, hw.name()), "target " + target.name() + ": chip ("
                        + mesh.x(chip) + ", " + mesh.y(chip) + ") needs " + table.size() + " routing entries after compression ("
                        + uncompressed[chip] + " before), more than its " + limit + "; the slices that load it: " + load(m, used, cores));
            }
            tables.add(table);
        }
        return m.withTables(tables, uncompressed);
    }

    /** Per source, the machine cores its packets must reach (empty: the source sends no packets). */
    public static List<Set<Integer>> receivers(MachineNetwork m) {
        HardwareNetwork hw = m.hardware();
        List<Set<Integer>> out = new ArrayList<>();
        for (int s = 0; s < m.keys().sources(); s++) out.add(new java.util.TreeSet<>());
        int[] extensionOf = new int[hw.cores().size()];
        java.util.Arrays.fill(extensionOf, -1);
        for (int e = 0; e < hw.delayExtensions().size(); e++) {
            extensionOf[hw.delayExtensions().get(e).source()] = e;
            out.get(hw.delayExtensions().get(e).source()).add(m.extensionCore(e));
        }
        for (Block b : hw.blocks()) {
            int source = b.stage() == 0 ? b.source() : m.stageSource(extensionOf[b.source()], b.stage());
            out.get(source).add(b.core());
        }
        return out;
    }


    /** The first link from one chip to its neighbour. */
    private static int link(Mesh mesh, int from, int to) {
        for (int l = 0; l < Mesh.LINKS; l++) if (mesh.neighbour(from, l) == to) return l;
        throw new IllegalStateException("chips " + from + " and " + to + " are not neighbours");
    }

    /** The populations whose slices have entries at a chip, with how many. */
    private static String load(MachineNetwork m, TreeMap<Integer, RouteSet> used, int cores) {
        Map<String, Integer> count = new LinkedHashMap<>();
        for (var e : used.entrySet()) {
            if (e.getValue() == null) continue;
            int core = m.sender(e.getKey());
            int hwCore = core < cores ? core : m.extension(core - cores).source();
            String population = m.hardware().cores().get(hwCore).name() + (core < cores ? "" : " (delay extensions)");
            count.merge(population, 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        count.forEach((p, n) -> parts.add(p + ": " + n + " slice" + (n == 1 ? "" : "s")));
        return String.join(", ", parts);
    }
}
