package com.engagementledger.audit.offline;

import com.engagementledger.audit.api.Canonical;
import com.engagementledger.audit.api.ChainVerification;
import com.engagementledger.audit.api.Checkpoint;
import com.engagementledger.audit.api.ExportFormat;
import com.engagementledger.audit.api.SigningKeys;
import com.engagementledger.audit.api.StoredEvent;
import com.engagementledger.audit.api.VerificationReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar ledger.jar verify --events export.ndjson --public-key key.pem [--public-key old.pem ...]
 * [--checkpoint-every N]}: checks
 * a whole NDJSON export of the audit history (ADR 0029) with the public keys alone — no Spring, no database. It
 * feeds {@link ChainVerification}, the check the server runs, one line at a time (bounded memory: a batch of lines is
 * parsed and canonicalized in parallel, then fed in order): every position
 * from 1 on must be there once, as an event carrying its recorded hash or as an empty position; every checkpoint's
 * signature, chain hash and event count must match, no checkpoint may lie beyond the export's end, and the export must end with a
 * signed checkpoint at its last position (an export with no event, no checkpoint, or positions after its last
 * checkpoint fails: anyone can recompute hashes, only a signature anchors them); given the
 * server's checkpoint-every (the export does not carry it), checkpoints may not be farther apart. Exit status 0 when all holds, 1 with the first bad position, 2
 * for a usage error.
 */
public final class OfflineVerifier {

    /** Lines parsed (in parallel) at a time. */
    private static final int BATCH = 2_000;

    private OfflineVerifier() {
    }

    /** Runs the command ({@code args} without the leading {@code verify}); answers the exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Path events = null;
        List<Path> keys = new ArrayList<>();
        long checkpointEvery = 0;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (i + 1 < args.size() && arg.equals("--events")) {
                events = Path.of(args.get(++i));
            } else if (i + 1 < args.size() && arg.equals("--public-key")) {
                keys.add(Path.of(args.get(++i)));
            } else if (i + 1 < args.size() && arg.equals("--checkpoint-every")
                    && args.get(i + 1).matches("[1-9][0-9]{0,17}")) {
                checkpointEvery = Long.parseLong(args.get(++i));
            } else {
                err.println("unknown argument " + arg);
                return usage(err);
            }
        }
        if (events == null || keys.isEmpty()) {
            return usage(err);
        }
        try {
            Map<String, PublicKey> byId = new HashMap<>();
            for (Path key : keys) {
                PublicKey publicKey = SigningKeys.publicKey(Files.readString(key, StandardCharsets.US_ASCII));
                byId.put(SigningKeys.keyId(publicKey), publicKey);
            }
            VerificationReport report = verify(events, byId, checkpointEvery);
            if (report.ok()) {
                out.println("OK: " + report.eventsChecked() + " events and " + report.checkpointsChecked()
                        + " checkpoints up to position " + report.lastPosition() + " verified");
                return 0;
            }
            out.println("FAILED at position " + report.firstBadPosition() + ": " + report.problem());
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot verify: " + e.getMessage());
            return 2;
        }
    }

    /** Verifies an export with the public keys by id. */
    public static VerificationReport verify(Path export, Map<String, PublicKey> keys) throws IOException {
        return verify(export, keys, 0);
    }

    /**
     * The same, also requiring the checkpoints no more than {@code checkpointEvery} events apart (the server's
     * {@code ledger.audit.checkpoint-every}, which the export does not carry: 0 leaves deleted checkpoints
     * undetected).
     */
    public static VerificationReport verify(Path export, Map<String, PublicKey> keys, long checkpointEvery)
            throws IOException {
        ChainVerification verification = new ChainVerification(checkpointEvery);
        Deque<Checkpoint> pending = new ArrayDeque<>();
        long expected = 1;
        long lineNumber = 0;
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            List<NumberedLine> batch = new ArrayList<>(BATCH);
            boolean more = true;
            while (more && !verification.failed()) {
                batch.clear();
                String text;
                while (batch.size() < BATCH && (text = lines.readLine()) != null) {
                    lineNumber++;
                    if (!text.isBlank()) {
                        batch.add(new NumberedLine(lineNumber, text));
                    }
                }
                more = batch.size() == BATCH;
                for (Line line : batch.parallelStream().map(Line::parse).toList()) {
                    if (verification.failed()) {
                        break;
                    }
                    JsonNode node = line.node();
                    if (node == null) {
                        return failure(expected, "line " + line.number() + " is not JSON: it was altered");
                    }
                    if (node.has("checkpoint")) {
                        pending.add(ExportFormat.readCheckpoint(node.get("checkpoint")));
                        feedCheckpoints(verification, pending, expected - 1, keys);
                        continue;
                    }
                    long position = node.path("position").asLong(-1);
                    if (position < expected) {
                        return failure(position, "position " + position + " appears a second time in the export,"
                                + " at line " + line.number() + ": a line was inserted");
                    }
                    if (position > expected) {
                        return failure(expected, "position " + expected + " is missing from the export: its line"
                                + " was removed");
                    }
                    if (node.path("empty").asBoolean(false)) {
                        verification.noEvent(position, null);
                    } else {
                        JsonNode hash = node.get("hash");
                        verification.event(line.event(), line.canonical(), hash == null ? null : hash.asText());
                    }
                    expected = position + 1;
                    feedCheckpoints(verification, pending, position, keys);
                }
            }
        }
        if (!pending.isEmpty()) {
            verification.checkpointBeyondEnd(pending.peek());
        }
        verification.end();
        verification.sealedEnd();
        return verification.report();
    }

    private record NumberedLine(long number, String text) {
    }

    /**
     * A line parsed, and for an event line its event and canonical form, worked out apart from the others so that a
     * batch of lines is parsed on several cores; then fed in order.
     *
     * @param node  the line's JSON; null when it is not JSON
     * @param read  the event of an event line; null for any other, or when reading it failed ({@code failure})
     */
    private record Line(long number, JsonNode node, StoredEvent read, Canonical canonical, IOException failure) {

        static Line parse(NumberedLine line) {
            JsonNode node;
            try {
                node = ExportFormat.MAPPER.readTree(line.text());
            } catch (IOException e) {
                return new Line(line.number(), null, null, null, null);
            }
            if (node.has("checkpoint") || node.path("empty").asBoolean(false)) {
                return new Line(line.number(), node, null, null, null);
            }
            try {
                StoredEvent event = ExportFormat.readEvent(node);
                return new Line(line.number(), node, event, Canonical.of(event), null);
            } catch (IOException e) {
                return new Line(line.number(), node, null, null, e);
            }
        }

        StoredEvent event() throws IOException {
            if (failure != null) {
                throw failure;
            }
            return read;
        }
    }

    private static void feedCheckpoints(ChainVerification verification, Deque<Checkpoint> pending, long fedUpTo,
                                        Map<String, PublicKey> keys) {
        while (!pending.isEmpty() && pending.peek().position() <= fedUpTo) {
            Checkpoint checkpoint = pending.poll();
            verification.checkpoint(checkpoint, keys.get(checkpoint.keyId()));
        }
    }

    private static VerificationReport failure(long position, String problem) {
        return new VerificationReport(false, 0, 0, position - 1, position, problem);
    }

    private static int usage(PrintStream err) {
        err.println("usage: java -jar ledger.jar verify --events export.ndjson --public-key key.pem"
                + " [--public-key older-key.pem ...] [--checkpoint-every N]");
        return 2;
    }
}
