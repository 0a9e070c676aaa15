package io.greenscribe.asr;

import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Memory in use on a device: for a GPU what the CUDA driver reports as used on the card, for the
 * CPU this process's resident set (where the weights live), both in bytes; -1 when unknown.
 *
 * @param device device name
 * @param usedBytes bytes in use
 * @param totalBytes capacity, -1 when unknown
 */
public record DeviceMemory(String device, long usedBytes, long totalBytes) {

    public static DeviceMemory of(Device device) {
        if (device.isGpu()) {
            MemoryUsage usage = CudaUtils.getGpuMemory(device);
            return new DeviceMemory(device.toString(), usage.getUsed(), usage.getMax());
        }
        return new DeviceMemory(device.toString(), residentBytes(), -1);
    }

    static DeviceMemory clearCache(Device device) {
        if (device.isGpu()) {
            JniUtils.emptyCudaCache();
        }
        return of(device);
    }

    /** VmRSS of this process from /proc (Linux); -1 elsewhere. */
    public static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
