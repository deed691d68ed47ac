package myelin.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import myelin.frontend.SnnFrontend;
import myelin.ir.network.Network;
import myelin.ir.network.NetworkVerifier;
import myelin.ir.text.IrPrinter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The IR text round-trips: print, parse, print gives the same text, and parsing gives the same network. */
class RoundTripProperties {
    @Provide
    Arbitrary<Network> networks() {
        return Arbitraries.randomValue(RandomNetworks::generate);
    }

    @Property(tries = 300)
    void printParsePrintIsAFixedPoint(@ForAll("networks") Network network) {
        assertEquals(java.util.List.of(), NetworkVerifier.verify(network), "the generator made an invalid network");
        String text = IrPrinter.print(network);
        Network parsed = SnnFrontend.parse("<printed>", text);
        assertEquals(text, IrPrinter.print(parsed));
        assertEquals(network, parsed, text);
    }
}
