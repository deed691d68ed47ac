package myelin.ir.machine.image;

/**
 * One entry of a core's master population table: a packet whose key matches
 * {@code (key & mask) == key} reads the rows of the core's blocks [firstBlock, firstBlock + count).
 */
public record PopulationTableEntry(int key, int mask, int firstBlock, int count) {
    public boolean matches(int packet) {
        return (packet & mask) == key;
    }
}
