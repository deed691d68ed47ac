package myelin.ir.integer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ArithmeticTest {
    @Test
    void shiftRoundsTowardZero() {
        assertEquals(1, Arithmetic.shiftTowardZero(8191, 12));
        assertEquals(-1, Arithmetic.shiftTowardZero(-8191, 12));
        assertEquals(0, Arithmetic.shiftTowardZero(-4095, 12));
        assertEquals(0, Arithmetic.shiftTowardZero(4095, 12));
        assertEquals(-2, Arithmetic.shiftTowardZero(-8192, 12));
    }

    @Test
    void decayIsLavasFormula() {
        // trunc(x * (4096 - d) / 4096): 1 * 4095 / 4096 is 0 (v - trunc(v*d) would give 1).
        assertEquals(0, Arithmetic.decay(1, 1, 12));
        assertEquals(-9, Arithmetic.decay(-10, 300, 12));   // -10 * 3796 / 4096 = -9.27
        assertEquals(1000, Arithmetic.decay(1000, 0, 12));
        assertEquals(0, Arithmetic.decay(1000, 4096, 12));
    }

    @Test
    void relaxMovesTowardTheTarget() {
        assertEquals(1853, Arithmetic.relax(2048, 0, 390, 12));   // 2048 - round(2048 * 390 / 4096 = 195.0)
        assertEquals(-1853, Arithmetic.relax(-2048, 0, 390, 12));
        assertEquals(195, Arithmetic.relax(0, 2048, 390, 12));
        // To nearest, ties up: 1677 - 159.67 -> 1517 (truncation gave 1518); 0.5 -> 1, -0.5 -> 0.
        assertEquals(1517, Arithmetic.relax(1677, 0, 390, 12));
        assertEquals(1, Arithmetic.relax(0, 1, 2048, 12));
        assertEquals(0, Arithmetic.relax(0, -1, 2048, 12));
        // Near its target v still moves: 100 steps below it with d = 20 is 0.49 -> 0, but 103 is 0.503 -> 1
        // (truncated, v stopped anywhere up to 204 below).
        assertEquals(4000, Arithmetic.relax(4000, 4100, 20, 12));
        assertEquals(3998, Arithmetic.relax(3997, 4100, 20, 12));
    }

    @Test
    void loihiWrapIsAsymmetricLikeLava() {
        long max = 1L << 23;
        assertEquals(max, Arithmetic.wrap(max, 24));              // 2^23 is kept (Lava checks x > 2^23)
        assertEquals(-max + 1, Arithmetic.wrap(max + 1, 24));
        assertEquals(max, Arithmetic.wrap(-max, 24));             // -2^23 becomes +2^23
        assertEquals(5, Arithmetic.wrap(5, 24));
    }

    @Test
    void boundsFollowTheProfile() {
        assertEquals(32767, Arithmetic.boundCurrent(40000, Profile.DEFAULT));
        assertEquals(-32768, Arithmetic.boundCurrent(-40000, Profile.DEFAULT));
        assertEquals(-(1L << 23) + 1, Arithmetic.boundVoltage(-(1L << 30), Profile.LOIHI, new IntModel.Lif(0, new int[0], 64, 0, false, 0, true)));
    }
}
