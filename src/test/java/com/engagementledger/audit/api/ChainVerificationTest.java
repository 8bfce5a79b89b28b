package com.engagementledger.audit.api;

import static com.engagementledger.audit.api.CanonicalEventTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pure verification: fed the events and the links recorded for them, it names the first position where an
 * event was altered, removed or inserted, and checks checkpoints' signatures and chain hashes.
 */
class ChainVerificationTest {

    private static final KeyPair KEY = SigningKeys.generate();

    /** Five events at positions 1, 2, 4, 5, 6 (3 holds none), and the links the chain recorded for them. */
    private final List<StoredEvent> events = new ArrayList<>();
    private final List<String> links = new ArrayList<>();

    ChainVerificationTest() {
        byte[] head = HashChain.GENESIS;
        for (long position : new long[] {1, 2, 4, 5, 6}) {
            StoredEvent event = event(position, "{\"n\":" + position + "}");
            head = HashChain.link(head, event);
            events.add(event);
            links.add(HashChain.hex(head));
        }
    }

    @Test
    void untouchedEventsVerifyWithTheirCheckpoint() {
        ChainVerification verification = feed(events, links);
        verification.checkpoint(checkpoint(6, 5, links.get(4)), KEY.getPublic());

        assertThat(verification.report()).isEqualTo(new VerificationReport(true, 5, 1, 6, null, null));
    }

    @Test
    void anExportEndingWithACheckpointAtItsLastPositionIsSealed() {
        ChainVerification verification = feed(events, links);
        verification.checkpoint(checkpoint(6, 5, links.get(4)), KEY.getPublic());
        verification.end();
        verification.sealedEnd();

        assertThat(verification.report()).isEqualTo(new VerificationReport(true, 5, 1, 6, null, null));
    }

    @Test
    void anExportWithoutEventsOrCheckpointsOrWithPositionsAfterItsLastCheckpointIsNotSealed() {
        ChainVerification nothing = new ChainVerification();
        nothing.end();
        nothing.sealedEnd();
        assertThat(nothing.report().firstBadPosition()).isEqualTo(1L);
        assertThat(nothing.report().problem()).contains("no event");

        ChainVerification unsigned = feed(events, links);
        unsigned.end();
        unsigned.sealedEnd();
        assertThat(unsigned.report().firstBadPosition()).isEqualTo(1L);
        assertThat(unsigned.report().problem()).contains("no signed checkpoint");

        ChainVerification tail = new ChainVerification();
        tail.event(events.get(0), links.get(0));
        tail.event(events.get(1), links.get(1));
        tail.checkpoint(checkpoint(2, 2, links.get(1)), KEY.getPublic());
        tail.noEvent(3, null);
        tail.event(events.get(2), links.get(2));
        tail.end();
        tail.sealedEnd();
        assertThat(tail.report().ok()).isFalse();
        assertThat(tail.report().firstBadPosition()).isEqualTo(3L);
        assertThat(tail.report().problem()).contains("positions 3 to 4 follow the last signed checkpoint");
    }

    @Test
    void anAlteredEventIsReportedAtItsPosition() {
        List<StoredEvent> altered = new ArrayList<>(events);
        altered.set(2, event(4, "{\"n\":40}"));

        VerificationReport report = feed(altered, links).report();

        assertThat(report.ok()).isFalse();
        assertThat(report.firstBadPosition()).isEqualTo(4L);
        assertThat(report.problem()).contains("altered");
        assertThat(report.eventsChecked()).isEqualTo(2);
    }

    @Test
    void aRemovedEventIsReportedAtItsPosition() {
        ChainVerification verification = new ChainVerification();
        verification.event(events.get(0), links.get(0));
        verification.noEvent(2, links.get(1));

        assertThat(verification.report().firstBadPosition()).isEqualTo(2L);
        assertThat(verification.report().problem()).contains("removed");
    }

    @Test
    void anEventAtAPositionRecordedAsHoldingNoneWasInserted() {
        ChainVerification verification = new ChainVerification();
        verification.event(events.get(0), links.get(0));
        verification.event(events.get(1), links.get(1));
        verification.event(event(3, "{\"n\":3}"), null);

        assertThat(verification.report().firstBadPosition()).isEqualTo(3L);
        assertThat(verification.report().problem()).contains("inserted");
    }

    @Test
    void anUnlinkedEventWithoutACanonicalFormIsReportedWhereTheChainStops() {
        ChainVerification verification = feed(events, links);
        verification.unlinked(event(7, "{\"n\":"));

        assertThat(verification.report().firstBadPosition()).isEqualTo(7L);
        assertThat(verification.report().problem()).contains("not a JSON object", "the chain stops there");
    }

    @Test
    void aCheckpointWithAForeignOrAlteredSignatureOrAnotherChainHashFails() {
        Checkpoint good = checkpoint(6, 5, links.get(4));
        Checkpoint otherKey = new Checkpoint(6, 5, links.get(4), good.signedAt(), good.keyId(),
                SigningKeys.sign(SigningKeys.generate().getPrivate(), good.statement()));
        Checkpoint otherHash = checkpoint(6, 5, links.get(3));

        ChainVerification forged = feed(events, links);
        forged.checkpoint(otherKey, KEY.getPublic());
        ChainVerification rewritten = feed(events, links);
        rewritten.checkpoint(otherHash, KEY.getPublic());
        ChainVerification unknownKey = feed(events, links);
        unknownKey.checkpoint(good, null);

        assertThat(forged.report().problem()).contains("signature of the checkpoint at position 6");
        assertThat(rewritten.report().problem()).contains("do not give the chain hash signed");
        assertThat(unknownKey.report().problem()).contains("not known");
        assertThat(List.of(forged.report(), rewritten.report(), unknownKey.report()))
                .allSatisfy(report -> assertThat(report.firstBadPosition()).isEqualTo(6L));
    }

    @Test
    void aCheckpointBeyondTheLastPositionFedMeansTheEndWasCutOff() {
        ChainVerification verification = feed(events.subList(0, 2), links.subList(0, 2));
        verification.checkpointBeyondEnd(checkpoint(6, 5, links.get(4)));

        assertThat(verification.report().ok()).isFalse();
        assertThat(verification.report().firstBadPosition()).isEqualTo(3L);
        assertThat(verification.report().problem()).contains("history truncated after position 2",
                "signed checkpoint at 6");
    }

    @Test
    void checkpointsFartherApartThanCheckpointEveryWereDeleted() {
        Checkpoint atTwo = checkpoint(2, 2, links.get(1));
        ChainVerification closeEnough = withCheckpoints(2, atTwo, checkpoint(4, 3, links.get(2)));
        ChainVerification gapBetween = withCheckpoints(2, atTwo, checkpoint(6, 5, links.get(4)));
        ChainVerification gapAtTheEnd = withCheckpoints(2, atTwo);
        ChainVerification noneAtAll = withCheckpoints(2);
        ChainVerification everyUnknown = withCheckpoints(0);

        assertThat(closeEnough.report().ok()).as(closeEnough.report().toString()).isTrue();
        assertThat(everyUnknown.report().ok()).isTrue();
        assertThat(gapBetween.report().problem()).contains("positions 2 and 6 are 3 events apart",
                "from position 3 to 5");
        assertThat(gapAtTheEnd.report().problem()).contains("3 events follow", "from position 3 on were deleted");
        assertThat(noneAtAll.report().problem()).contains("5 events follow", "from position 1 on");
        assertThat(List.of(gapBetween.report(), gapAtTheEnd.report())).allSatisfy(report ->
                assertThat(report.firstBadPosition()).isEqualTo(3L));
    }

    /** Every event, each checkpoint right after its position, then the end. */
    private ChainVerification withCheckpoints(long checkpointEvery, Checkpoint... checkpoints) {
        ChainVerification verification = new ChainVerification(checkpointEvery);
        for (int i = 0; i < events.size(); i++) {
            long position = events.get(i).position();
            if (position == 4) {
                verification.noEvent(3, null);
            }
            verification.event(events.get(i), links.get(i));
            for (Checkpoint checkpoint : checkpoints) {
                if (checkpoint.position() == position) {
                    verification.checkpoint(checkpoint, KEY.getPublic());
                }
            }
        }
        verification.end();
        return verification;
    }

    @Test
    void keysRoundTripThroughPemAndAMismatchedPairIsRefused() {
        String pem = SigningKeys.keyPairPem(KEY);
        KeyPair read = SigningKeys.keyPair(pem);
        String foreignPublic = SigningKeys.publicPem(SigningKeys.generate().getPublic());
        String privateOnly = pem.substring(0, pem.indexOf("-----BEGIN PUBLIC KEY-----"));

        assertThat(SigningKeys.keyId(read.getPublic())).isEqualTo(SigningKeys.keyId(KEY.getPublic())).hasSize(16);
        assertThat(SigningKeys.publicKey(SigningKeys.publicPem(KEY.getPublic()))).isEqualTo(KEY.getPublic());
        assertThatThrownBy(() -> SigningKeys.keyPair(privateOnly + foreignPublic))
                .hasMessageContaining("does not belong");
        assertThatThrownBy(() -> SigningKeys.keyPair(privateOnly)).hasMessageContaining("no PUBLIC KEY block");
    }

    private ChainVerification feed(List<StoredEvent> stored, List<String> recorded) {
        ChainVerification verification = new ChainVerification();
        for (int i = 0; i < stored.size(); i++) {
            if (stored.get(i).position() == 4) {
                verification.noEvent(3, null);
            }
            verification.event(stored.get(i), recorded.get(i));
        }
        return verification;
    }

    private static Checkpoint checkpoint(long position, long count, String chainHash) {
        String keyId = SigningKeys.keyId(KEY.getPublic());
        String signedAt = "2035-03-05T10:15:30Z";
        return new Checkpoint(position, count, chainHash, signedAt, keyId, SigningKeys.sign(KEY.getPrivate(),
                Checkpoint.statement(position, count, chainHash, signedAt, keyId)));
    }

    private static StoredEvent event(long position, String payload) {
        return new StoredEvent(position, "event-" + position, "Engagement", "eng-1", position, "2035-03-05T10:15:30Z",
                "com.example.Happened", "1", utf8(payload), utf8("{\"actor\":\"manager\"}"));
    }
}
