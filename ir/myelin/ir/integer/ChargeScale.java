package myelin.ir.integer;

/**
 * How much current one unit of weight puts into a synapse type, so that the charge it
 * moves into v is the continuous model's (docs/semantics.md, "Charge-preserving currents"):
 * a weight w into a synapse of time constant tau_s moves v by {@code w tau_s / tau_m} in
 * all, whatever the discretisation. Quantize applies it with the integer decays, the
 * reference engine with the exact ones.
 */
public final class ChargeScale {
    private ChargeScale() {}

    /**
     * The factor from a weight (in v units) to the current it adds.
     *
     * @param ds        the current's decay fraction per step, {@code 1 - e^(-dt/tau_s)} or its integer form
     * @param dv        the membrane's decay fraction per step
     * @param addsInput whether the current is added to v each step (Loihi) rather than relaxed towards
     */
    public static double perWeight(double tauSynapse, double tauMembrane, double ds, double dv, boolean addsInput) {
        double charge = tauSynapse / tauMembrane * ds;
        if (addsInput) return charge;
        return dv == 0 ? 0 : charge / dv;
    }
}
