package com.engagementledger.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.support.FailedStart;
import com.engagementledger.support.TestDataDirs;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/**
 * {@code spring.data.mongodb.uri} pointing at a closed port: the start fails after a bounded wait (it hung for the
 * driver's 30 s before) with a message naming the store without its credentials and saying what to do.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReadModelStoreUnreachableFailureAnalyzerTest {

    @Test
    void aStartAgainstAClosedPortFailsSoonWithWhatToDo(CapturedOutput output) {
        int port = FailedStart.closedPort();
        FailedStart start = FailedStart.of("",
                "--spring.data.mongodb.uri=mongodb://reader:s3cret@127.0.0.1:" + port + "/ledger",
                "--ledger.read-model-store.server-selection-timeout=2s",
                "--ledger.data-dir=" + TestDataDirs.create("no-mongo"), "--server.port=0");

        assertThat(start.took()).isLessThan(Duration.ofSeconds(25));
        FailureAnalysis analysis = new ReadModelStoreUnreachableFailureAnalyzer(new MockEnvironment()
                .withProperty("spring.data.mongodb.uri", "mongodb://reader:s3cret@127.0.0.1:" + port + "/ledger")
                .withProperty("ledger.read-model-store.server-selection-timeout", "2s"))
                .analyze(start.failure());
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .contains("(MongoDB) at mongodb://127.0.0.1:" + port + "/ledger did not answer within 2 s")
                .doesNotContain("s3cret");
        assertThat(analysis.getAction()).contains("LEDGER_MONGODB_URI", "ledger.data-dir");
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("did not answer within 2 s")
                .doesNotContain("s3cret");
    }

    @Test
    void theDriversThirtySecondWaitIsBoundedUnlessTheUriSetsItsOwn() {
        assertThat(serverSelectionTimeoutMillis(new MockEnvironment()
                .withProperty("spring.data.mongodb.uri", "mongodb://127.0.0.1:27017/ledger"))).isEqualTo(15_000);
        assertThat(serverSelectionTimeoutMillis(new MockEnvironment()
                .withProperty("spring.data.mongodb.uri", "mongodb://127.0.0.1:27017/ledger")
                .withProperty("ledger.read-model-store.server-selection-timeout", "3s"))).isEqualTo(3_000);
        String explicit = "mongodb://127.0.0.1:27017/ledger?serverSelectionTimeoutMS=45000";
        assertThat(serverSelectionTimeoutMillis(new MockEnvironment()
                .withProperty("spring.data.mongodb.uri", explicit), explicit)).isEqualTo(45_000);
    }

    private static long serverSelectionTimeoutMillis(MockEnvironment environment) {
        return serverSelectionTimeoutMillis(environment, environment.getProperty("spring.data.mongodb.uri"));
    }

    /** As Spring Boot builds the settings: the URI first, then the customizers. */
    private static long serverSelectionTimeoutMillis(MockEnvironment environment, String uri) {
        MongoClientSettings.Builder builder = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri));
        new ReadModelStoreConnectionConfiguration().boundedServerSelection(environment).customize(builder);
        return builder.build().getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS);
    }
}
