package com.engagementledger.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the benchmark ran on, and how busy the machine was: reports on shared machines mean little without it. */
public record Machine(int cores, long memoryMiB, String cpu, String os, String java, double loadAverage) {

    public static Machine now() {
        return new Machine(Runtime.getRuntime().availableProcessors(), readMemoryMiB(), readCpu(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long readMemoryMiB() {
        return readFirst(Path.of("/proc/meminfo"), "MemTotal:")
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024).orElse(-1L);
    }

    private static String readCpu() {
        return readFirst(Path.of("/proc/cpuinfo"), "model name")
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown");
    }

    private static Optional<String> readFirst(Path file, String prefix) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(line -> line.startsWith(prefix)).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
