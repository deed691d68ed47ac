package myelin.ir.network;

/** One broken invariant of a network, named by the entity it belongs to ("projection E_to_I"). */
public record VerifierProblem(Entity entity, String name, String message) {
    public enum Entity {
        NETWORK, MODEL, POPULATION, PROJECTION, RECORDING, TARGET;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        return entity.label() + " " + name + ": " + message;
    }
}
