package myelin.passes;

import java.util.Set;

/**
 * A pass's metadata, apart from its code: the manager, not the pass, checks ordering,
 * repeats fixed-point passes and times them.
 */
public record PassInfo(String name, String summary, Set<Property> requires, Set<Property> establishes, boolean fixedPoint) {
    public PassInfo {
        requires = Set.copyOf(requires);
        establishes = Set.copyOf(establishes);
    }
}
