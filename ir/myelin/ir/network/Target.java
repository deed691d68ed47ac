package myelin.ir.network;

import java.util.List;
import myelin.ir.units.Dimension;

/** A named block of hardware parameters, kept for the mapping passes. */
public record Target(String name, List<Setting> settings) {
    public Target {
        settings = List.copyOf(settings);
    }

    public sealed interface Setting {
        String name();
    }

    public record QuantitySetting(String name, double value, Dimension dimension) implements Setting {}

    public record NameSetting(String name, String value) implements Setting {}

    public record TextSetting(String name, String value) implements Setting {}
}
