package com.engagementledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** The benchmark's report: a Markdown table for docs/benchmarks.md and the samples in JSON, with the machine. */
record Report(Instant started, Machine before, Machine after, List<Result> results, List<String> failures,
              String[] args) {

    Path write(Path outputDir) throws IOException {
        Files.createDirectories(outputDir);
        String stamp = started.truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "");
        Path markdown = outputDir.resolve("results-" + stamp + ".md");
        Files.writeString(markdown, markdown(), StandardCharsets.UTF_8);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(outputDir.resolve("results-" + stamp + ".json"),
                mapper.writeValueAsString(json(mapper)), StandardCharsets.UTF_8);
        return markdown;
    }

    private String markdown() {
        StringBuilder text = new StringBuilder();
        text.append("# Benchmark run ").append(started.truncatedTo(ChronoUnit.SECONDS)).append("\n\n");
        text.append("- commit: ").append(commit()).append('\n');
        text.append("- JVM arguments: ").append(jvmArguments()).append('\n');
        text.append("- machine: ").append(before.cores()).append(" cores (").append(before.cpu()).append("), ")
                .append(before.memoryMiB()).append(" MiB, ").append(before.os()).append(", ").append(before.java())
                .append('\n');
        text.append(String.format(Locale.ROOT, "- load average: %.1f at the start, %.1f at the end%n",
                before.loadAverage(), after.loadAverage()));
        text.append("- properties: ").append(benchProperties()).append("\n\n");
        text.append(markdownTable(results)).append('\n');
        for (String failure : failures) {
            text.append("- FAILED: ").append(failure).append('\n');
        }
        return text.toString();
    }

    static String markdownTable(List<Result> results) {
        StringBuilder text = new StringBuilder();
        text.append("| bar | store | metric | judged | median | spread (min–max) | n | raw baseline median | ratio "
                + "| bar | met | how |\n");
        text.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            text.append("| ").append(r.bar())
                    .append(" | ").append(r.store())
                    .append(" | ").append(r.metric())
                    .append(" | ").append(r.summary()).append(' ').append(number(r.value())).append(' ').append(r.unit())
                    .append(" | ").append(number(r.measured().median()))
                    .append(" | ").append(number(r.measured().min())).append("–").append(number(r.measured().max()))
                    .append(" | ").append(r.measured().count())
                    .append(" | ").append(r.baseline() == null ? "" : number(r.baseline().median()))
                    .append(" | ").append(r.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", r.ratio()))
                    .append(" | ").append(r.criterion())
                    .append(" | ").append(r.met() == null ? "" : r.met() ? "yes" : "**no**")
                    .append(" | ").append(r.note() == null ? "" : r.note())
                    .append(" |\n");
        }
        return text.toString();
    }

    static String oneLine(Result r) {
        return String.format(Locale.ROOT, "%s %s: %s %s %s%s, bar %s: %s", r.bar(), r.metric(), r.summary(),
                number(r.value()), r.unit(),
                r.ratio() == null ? "" : String.format(Locale.ROOT, " (%.2f × the baseline %s)", r.ratio(),
                        number(r.baseline().median())),
                r.criterion(), r.met() == null ? "-" : r.met() ? "met" : "NOT met");
    }

    static String number(double value) {
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private ObjectNode json(ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        root.put("started", started.toString());
        root.put("commit", commit());
        root.put("jvmArguments", jvmArguments());
        root.set("machineBefore", mapper.valueToTree(before));
        root.set("machineAfter", mapper.valueToTree(after));
        root.put("properties", benchProperties());
        ArrayNode lines = root.putArray("results");
        for (Result r : results) {
            ObjectNode line = lines.addObject();
            line.put("bar", r.bar());
            line.put("store", r.store());
            line.put("metric", r.metric());
            line.put("unit", r.unit());
            line.put("summary", r.summary());
            line.put("value", r.value());
            line.set("measured", mapper.valueToTree(r.measured().values()));
            if (r.baseline() != null) {
                line.set("baseline", mapper.valueToTree(r.baseline().values()));
                line.put("ratio", r.ratio());
            }
            line.put("criterion", r.criterion());
            if (r.met() != null) {
                line.put("met", r.met());
            }
            line.put("note", r.note());
        }
        failures.forEach(root.putArray("failures")::add);
        return root;
    }

    private static String benchProperties() {
        StringBuilder text = new StringBuilder();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("bench."))
                .sorted().forEach(name -> text.append(text.isEmpty() ? "" : " ")
                        .append("-D").append(name).append('=').append(System.getProperty(name)));
        return text.isEmpty() ? "(defaults)" : text.toString();
    }

    /** The JVM's own options (heap, flight recording, -D properties), as the run was started. */
    private static String jvmArguments() {
        return String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    private static String commitAtStart;

    /** Reads the commit the run starts from (the work tree may move on while a long run goes). */
    static void recordCommit() {
        commitAtStart = readCommit();
    }

    private static String commit() {
        return commitAtStart != null ? commitAtStart : readCommit();
    }

    private static String readCommit() {
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true)
                    .start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }
}
