package com.engagementledger.audit;

import static com.engagementledger.audit.AuditChainSupport.makeEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.audit.api.Checkpoint;
import com.engagementledger.audit.api.SigningKeys;
import com.engagementledger.platform.config.LedgerProperties;
import com.engagementledger.support.Api;
import com.engagementledger.support.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The audit endpoints over HTTP: checkpoints signed before and after a key rotation all verify, with the public keys
 * the API gives (as an auditor outside the system would check them); paging by cursor; refusals.
 */
class AuditHttpTest extends HttpTestSupport {

    @Autowired
    private LedgerProperties ledger;

    @Test
    void checkpointsOfARetiredKeyStillVerifyAfterARotation() {
        Api.Response current = api.as("auditor").get("/api/audit/public-key");
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.contentType()).startsWith("application/x-pem-file");
        assertThat(current.body()).startsWith("-----BEGIN PUBLIC KEY-----");
        String oldKey = current.header("X-Key-Id");
        makeEvents(api, "rotation-before", 3);

        Api.Response rotated = api.as("admin").post("/api/admin/audit/keys/rotate", (Object) null);
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String newKey = rotated.json().get("keyId").asText();
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(rotated.json().get("previousKeyId").asText()).isEqualTo(oldKey);
        assertThat(api.as("auditor").get("/api/audit/public-key").header("X-Key-Id")).isEqualTo(newKey);
        Path keyDirectory = ledger.dataDir().resolve("audit-keys");
        assertThat(keyDirectory.resolve(oldKey + ".pem")).content().startsWith("-----BEGIN PUBLIC KEY-----")
                .doesNotContain("PRIVATE KEY");
        assertThat(keyDirectory.resolve(newKey + ".pem")).content().contains("PRIVATE KEY", "PUBLIC KEY");

        makeEvents(api, "rotation-after", 3);
        await().atMost(Duration.ofSeconds(60)).until(() -> checkpoints().stream()
                .anyMatch(checkpoint -> checkpoint.keyId().equals(newKey)));
        List<Checkpoint> checkpoints = checkpoints();
        assertThat(checkpoints).extracting(Checkpoint::keyId).contains(oldKey, newKey);
        for (Checkpoint checkpoint : checkpoints) {
            Api.Response key = api.as("auditor").get("/api/audit/public-key?keyId=" + checkpoint.keyId());
            assertThat(key.header("X-Key-Id")).isEqualTo(checkpoint.keyId());
            assertThat(SigningKeys.verify(SigningKeys.publicKey(key.body()), checkpoint))
                    .as("checkpoint at " + checkpoint.position()).isTrue();
        }
        JsonNode report = api.as("admin").get("/api/audit/verify").json();
        assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("checkpointsChecked").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(report.has("firstBadPosition")).isTrue();
    }

    @Test
    void checkpointsComeAPageAtATimeAndBadParametersAreRefused() {
        makeEvents(api, "paging", 6);
        await().atMost(Duration.ofSeconds(60)).until(() -> checkpoints().size() >= 2);

        JsonNode first = api.as("auditor").get("/api/audit/checkpoints?limit=1").json();
        assertThat(first.get("items")).hasSize(1);
        String cursor = first.get("nextCursor").asText();
        JsonNode second = api.as("auditor").get("/api/audit/checkpoints?limit=1&cursor=" + cursor).json();
        assertThat(second.get("items").get(0).get("position").asLong())
                .isGreaterThan(first.get("items").get(0).get("position").asLong());

        assertThat(api.as("auditor").get("/api/audit/checkpoints?cursor=abc").status()).isEqualTo(400);
        assertThat(api.as("auditor").get("/api/audit/checkpoints?limit=0").status()).isEqualTo(400);
        assertThat(api.as("auditor").get("/api/audit/public-key?keyId=0000000000000000").status()).isEqualTo(404);
        assertThat(api.as("auditor").post("/api/admin/audit/keys/rotate", (Object) null).status()).isEqualTo(403);
        assertThat(api.as("manager").get("/api/audit/verify").status()).isEqualTo(403);
    }

    private List<Checkpoint> checkpoints() {
        List<Checkpoint> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.as("auditor").get("/api/audit/checkpoints?limit=1000"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").forEach(item -> all.add(new Checkpoint(item.get("position").asLong(),
                    item.get("events").asLong(), item.get("chainHash").asText(), item.get("signedAt").asText(),
                    item.get("keyId").asText(), item.get("signature").asText())));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        return all;
    }
}
