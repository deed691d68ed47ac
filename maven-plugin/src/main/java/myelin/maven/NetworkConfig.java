package myelin.maven;

import java.util.List;

/**
 * One {@code <network>} of the plugin's configuration: a file, relative to the source folder,
 * and what differs for it from the plugin's defaults.
 */
public class NetworkConfig {
    /** The .snn or .nir file, relative to the source (or regression) folder (a string: Maven would resolve a File against the project). */
    String file;
    /** The targets to compile for and verify on; the plugin's targets when empty. */
    List<String> targets;
    /** An integer profile instead of the target's (default, loihi). */
    String profile;
    /** A .nir file's timestep in seconds. */
    Double dt;
    /** Steps for verify and simulate. */
    Integer steps;
    /** Input spikes (CSV: step,population,neuron), relative to the same folder. */
    String input;
}
