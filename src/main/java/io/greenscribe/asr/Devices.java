package io.greenscribe.asr;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.greenscribe.system.GreenScribeException;
import java.util.Locale;

/** Maps the configured device name ({@code auto}, {@code cpu}, {@code cuda:N}, {@code mps}) to DJL. */
public final class Devices {

    private Devices() {}

    public static Device resolve(String name) {
        String n = name == null ? "auto" : name.strip().toLowerCase(Locale.ROOT);
        if (n.equals("auto")) {
            return Engine.getEngine("PyTorch").getGpuCount() > 0 ? Device.gpu() : Device.cpu();
        }
        if (n.equals("cpu")) {
            return Device.cpu();
        }
        if (n.equals("mps")) {
            return Device.of("mps", -1);
        }
        if (n.equals("cuda") || n.startsWith("cuda:") || n.startsWith("gpu")) {
            int index = n.contains(":") ? Integer.parseInt(n.substring(n.indexOf(':') + 1)) : 0;
            int available = Engine.getEngine("PyTorch").getGpuCount();
            if (index >= available) {
                throw new GreenScribeException("device '" + name + "' is not available: PyTorch sees " + available
                        + " CUDA device(s); build with -Pcuda on a machine with an NVIDIA driver, or use device=cpu");
            }
            return Device.gpu(index);
        }
        throw new GreenScribeException("unknown device '" + name + "'; use auto, cpu, cuda:N or mps");
    }
}
