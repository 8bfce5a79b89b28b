package com.engagementledger.platform.ops.web;

import com.engagementledger.platform.ops.DeadLetters;
import com.engagementledger.platform.ops.EventProcessors;
import com.engagementledger.platform.ops.ProjectionReplays;
import com.engagementledger.platform.ops.api.DeadLetterList;
import com.engagementledger.platform.ops.api.DeadLetterRetry;
import com.engagementledger.platform.ops.api.DeadLetterView;
import com.engagementledger.platform.ops.api.ProjectionList;
import com.engagementledger.platform.ops.api.ProjectionView;
import com.engagementledger.platform.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations on the event processors (DESIGN.md §5, ADR 0036): where each stands, replaying a read model, and the
 * dead letters. Auditors read everything, so they read these too; only administrators change anything.
 */
@RestController
@RequestMapping("/api/admin")
@Validated
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
@Tag(name = "Operations", description = "Event processors, read-model replays and dead letters")
public class OperationsController {

    private final EventProcessors processors;
    private final ProjectionReplays replays;
    private final DeadLetters deadLetters;

    public OperationsController(EventProcessors processors, ProjectionReplays replays, DeadLetters deadLetters) {
        this.processors = processors;
        this.replays = replays;
        this.deadLetters = deadLetters;
    }

    @GetMapping("/projections")
    @Operation(summary = "Every event processor and where it stands",
            description = "Read models and processes (sagas, policies) as this node runs them: the position every"
                    + " claimed segment has reached, the head of the event store, the lag between them, the status,"
                    + " a replay's progress and time left, and the events parked in the dead-letter queue.")
    public ProjectionList projections() {
        Long head = processors.headPosition();
        return new ProjectionList(processors.all().entrySet().stream()
                .map(entry -> view(entry.getKey(), head))
                .toList());
    }

    @GetMapping("/projections/{name}")
    @Operation(summary = "One event processor and where it stands",
            description = "As in the list: position, head, lag, status, a replay's progress and time left, and the"
                    + " events parked in its dead-letter queue; what to poll while a replay runs.")
    public ProjectionView projection(@PathVariable @Size(max = 200) String name) {
        return view(name, processors.headPosition());
    }

    @PostMapping("/projections/{name}/replay")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rebuild a read model from the first event",
            description = "Stops the read model's processor, clears its collections and dead letters, and starts it"
                    + " from the first event; answers 202 at once, and the progress is then in GET"
                    + " /api/admin/projections/{name}. Until the rebuild has caught up, reads of this read model"
                    + " answer from what it has rebuilt so far (ADR 0036). Refused with 409 for a process (it"
                    + " sends commands) and while a replay of the read model is under way.")
    public ResponseEntity<ProjectionView> replay(@PathVariable @Size(max = 200) String name) {
        replays.start(name);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(name, processors.headPosition()));
    }

    @GetMapping("/dead-letters")
    @Operation(summary = "The parked events of the dead-letter queues",
            description = "Sequence by sequence, oldest first: for each event the processor, the sequence it"
                    + " holds back, the event, why it failed and how often a retry failed again.")
    public DeadLetterList deadLetters(
            @Parameter(description = "only this processor's") @RequestParam(required = false) @Size(max = 200)
            String processingGroup,
            @Parameter(description = "at most this many letters") @RequestParam(defaultValue = "100") @Min(1)
            @Max(1000) int limit) {
        List<DeadLetterView> letters = deadLetters.list(processingGroup);
        return new DeadLetterList(letters.stream().limit(limit).toList(), letters.size());
    }

    @PostMapping("/dead-letters/{processingGroup}/retry")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Retry a processor's dead letters",
            description = "Retries each parked sequence of the processor once: one whose events all succeed leaves"
                    + " the queue, one that fails again stays with the new cause. Answers how many did which.")
    public DeadLetterRetry retry(@PathVariable @Size(max = 200) String processingGroup) {
        return deadLetters.retry(processingGroup);
    }

    private ProjectionView view(String name, Long head) {
        var processor = processors.named(name);
        return processors.view(name, processor, head, replays.progress(name, processor));
    }
}
