package com.engagementledger.audit.chain;

import com.engagementledger.audit.api.HashChain;
import java.util.Optional;

/**
 * Whether the chain's progress row agrees with the links recorded with it (they are written in one transaction): a
 * link beyond the recorded position, or a progress hash other than the link recorded at its position, means the row
 * was changed. The builder must not go on from such a row (it would insert links that exist, or chain new events to
 * a false head and so blame them), and verification, which stops at the progress, reports it.
 *
 * @param position the first position the changed row misrepresents
 * @param problem  what was found
 */
record ProgressCheck(long position, String problem) {

    /**
     * Reads the last link before the progress: links and progress are committed together, so a progress read after
     * it is at least as far on, and a chain advancing meanwhile is no finding.
     */
    static Optional<ProgressCheck> of(ChainStore store) {
        long lastLink = store.lastLinkPosition();
        Progress progress = store.progress();
        if (lastLink > progress.position()) {
            return Optional.of(new ProgressCheck(progress.position() + 1, "the chain's progress row was changed:"
                    + " links are recorded beyond position " + progress.position() + " (up to " + lastLink + "), where"
                    + " the row says the chain has got; the chain stops until the row is restored"));
        }
        String head = store.headAt(progress.position()).orElse(HashChain.hex(HashChain.GENESIS));
        if (!head.equals(progress.hash())) {
            return Optional.of(new ProgressCheck(progress.position(), "the chain's progress row was changed: its"
                    + " hash at position " + progress.position() + " is not the link recorded there; the chain stops"
                    + " until the row is restored"));
        }
        return Optional.empty();
    }
}
