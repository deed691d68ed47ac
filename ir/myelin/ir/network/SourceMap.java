package myelin.ir.network;

import java.util.Map;
import myelin.ir.diag.SourceLocation;
import myelin.ir.network.VerifierProblem.Entity;

/**
 * Where each entity of a network was declared, so that a pass can place its errors at the
 * source; an entity without a place (a NIR node) is placed at the file.
 */
public record SourceMap(SourceLocation file, Map<String, SourceLocation> declared) {
    public SourceMap {
        declared = Map.copyOf(declared);
    }

    /** Entities placed at the file alone (networks built in memory, NIR imports). */
    public static SourceMap of(String file) {
        return new SourceMap(SourceLocation.of(file), Map.of());
    }

    public static String key(Entity entity, String name) {
        return entity.name() + ":" + name;
    }

    public SourceLocation at(Entity entity, String name) {
        return declared.getOrDefault(key(entity, name), file);
    }
}
