package myelin.ir.network;

import java.util.List;

/** Which variables of a population are recorded ("spikes", "v", "i_exc", ...). */
public record Recording(String population, List<String> variables) {
    public Recording {
        variables = List.copyOf(variables);
    }
}
