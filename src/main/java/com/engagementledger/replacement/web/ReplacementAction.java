package com.engagementledger.replacement.web;

import com.engagementledger.platform.console.ConsoleAction;
import com.engagementledger.replacement.api.CandidateStatus;
import com.engagementledger.replacement.api.CandidateView;
import com.engagementledger.replacement.api.ReplacementStatus;
import com.engagementledger.replacement.api.ReplacementView;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The actions an account manager takes on a replacement's page, each sending the same command as the API's
 * {@link ReplacementController}. Which are offered follows from the replacement's state as the read model has it
 * ({@link #offered}); the aggregate stays the judge.
 */
public enum ReplacementAction implements ConsoleAction {
    PROPOSE_CANDIDATE("propose-candidate", "Propose a candidate", "professionalId", "professionalName"),
    ACCEPT_CANDIDATE("accept-candidate", "Accept the candidate", "candidateId", "startDate"),
    REJECT_CANDIDATE("reject-candidate", "Reject the candidate", "candidateId", "reason"),
    COMPLETE("complete", "Complete the replacement today"),
    WITHDRAW("withdraw", "Withdraw the replacement", "reason");

    private final Form form;

    ReplacementAction(String path, String title, String... fields) {
        this.form = new Form(path, title, List.of(fields));
    }

    @Override
    public Form form() {
        return form;
    }

    /** The candidate a decision is about is the page's, sent as a hidden field. */
    @Override
    public List<String> hiddenFields() {
        return fields().contains("candidateId") ? List.of("candidateId") : List.of();
    }

    /** The candidate waiting for a decision, if any. */
    public static Optional<CandidateView> pending(ReplacementView replacement) {
        return replacement.candidates().stream().filter(c -> c.status() == CandidateStatus.PROPOSED).findFirst();
    }

    public static List<ReplacementAction> offered(ReplacementView replacement) {
        ReplacementStatus status = replacement.status();
        boolean looking = status == ReplacementStatus.REQUESTED || status == ReplacementStatus.CANDIDATE_PROPOSED;
        boolean pending = pending(replacement).isPresent();
        return Arrays.stream(values()).filter(action -> switch (action) {
            case PROPOSE_CANDIDATE -> looking && !pending;
            case ACCEPT_CANDIDATE, REJECT_CANDIDATE -> looking && pending;
            case COMPLETE -> status == ReplacementStatus.CANDIDATE_ACCEPTED || status == ReplacementStatus.OVERLAP;
            case WITHDRAW -> status.isOpen();
        }).toList();
    }
}
