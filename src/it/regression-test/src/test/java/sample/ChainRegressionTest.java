package sample;

import myelin.api.NetworkCase;
import myelin.junit.MyelinAssertions;
import myelin.junit.NetworkSource;
import org.junit.jupiter.params.ParameterizedTest;

/** Every network of src/test/snn keeps the spikes of its golden file (record them with -Dmyelin.record). */
class ChainRegressionTest {
    @ParameterizedTest
    @NetworkSource("src/test/snn")
    void keepsItsSpikes(NetworkCase network) {
        MyelinAssertions.assertMatchesGolden(network.simulation(), 50, network.golden());
    }
}
