package io.greenscribe.carbon.watttime;

/** WattTime reports pounds CO2 per MWh; the rest of GreenScribe speaks grams per kWh. */
public final class MoerUnits {

    /** 453.59237 g per lb ÷ 1000 kWh per MWh. */
    public static final double G_PER_KWH_PER_LB_PER_MWH = 453.59237 / 1000.0;

    private MoerUnits() {}

    public static double lbsPerMwhToGramsPerKwh(double lbsPerMwh) {
        return lbsPerMwh * G_PER_KWH_PER_LB_PER_MWH;
    }

    /** Factor from {@code meta.units} to g/kWh, or NaN for a unit we do not know. */
    static double factorFor(String units) {
        return switch (units) {
            case "lbs_co2_per_mwh" -> G_PER_KWH_PER_LB_PER_MWH;
            case "kg_co2_per_mwh", "g_co2_per_kwh" -> 1.0;
            default -> Double.NaN;
        };
    }
}
