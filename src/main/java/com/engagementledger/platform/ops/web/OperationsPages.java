package com.engagementledger.platform.ops.web;

import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.ops.api.DeadLetterRetry;
import com.engagementledger.platform.ops.api.ProjectionView;
import com.engagementledger.platform.security.Roles;
import com.engagementledger.platform.web.BrowserPages;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' projections page (ADR 0041, issue 10): every event processor with its position, the head of the
 * event store, the lag and the status; a read model's replay with its progress and time left, polled by htmx while
 * it runs (the old read model keeps answering queries until the rebuild has caught up, ADR 0036); the dead letters
 * with a retry per processor. Every read and action goes through the operations API's own handler
 * ({@link OperationsController}), so its rules (no replay of a process, one replay at a time) are the API's. Auditors
 * read, as in the API; only administrators replay and retry.
 */
@Controller
@BrowserPages
@Hidden
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class OperationsPages {

    static final int DEAD_LETTER_LIMIT = 100;

    private final OperationsController operations;

    public OperationsPages(OperationsController operations) {
        this.operations = operations;
    }

    @GetMapping("/admin/projections")
    public String projections(@RequestParam(required = false) String replaying, Model model) {
        model.addAttribute("projections", operations.projections().items());
        model.addAttribute("deadLetters", operations.deadLetters(null, DEAD_LETTER_LIMIT));
        if (replaying != null && !replaying.isBlank()) {
            model.addAttribute("replay", progress(replaying.strip()));
        }
        return "admin/projections";
    }

    /** The progress of a replay the page started, as a fragment that htmx polls until the replay is done. */
    @GetMapping("/admin/projections/{name}/progress")
    public String progress(@PathVariable String name, Model model) {
        model.addAttribute("replay", progress(name));
        return "admin/projections :: progress";
    }

    @PostMapping("/admin/projections/{name}/replay")
    @RolesAllowed(Roles.ADMIN)
    public String replay(@PathVariable String name, Model model, RedirectAttributes redirect,
                         HttpServletResponse response) {
        try {
            operations.replay(name);
        } catch (RuleViolation refused) {
            response.setStatus(refused.kind() == RuleViolation.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND.value()
                    : HttpStatus.CONFLICT.value());
            // the API's words point to its own address; the console's reader is on the page that shows the progress
            String reason = "replay-under-way".equals(refused.rule()) ? "a replay of " + name + " is under way;"
                    + " wait until it has caught up (its progress is in the list below)." : refused.getMessage();
            model.addAttribute("refusal", "The replay of " + name + " was not started: " + reason);
            return projections(null, model);
        }
        redirect.addAttribute("replaying", name);
        return "redirect:/admin/projections#replay";
    }

    @PostMapping("/admin/dead-letters/{processingGroup}/retry")
    @RolesAllowed(Roles.ADMIN)
    public String retry(@PathVariable String processingGroup, RedirectAttributes redirect) {
        DeadLetterRetry outcome = operations.retry(processingGroup);
        redirect.addFlashAttribute("notice", "Retried the dead letters of " + outcome.processingGroup() + ": "
                + outcome.processed() + " handled and left the queue, " + outcome.failed() + " failed again, "
                + outcome.remaining() + " still parked.");
        return "redirect:/admin/projections#dead-letters";
    }

    private ReplayStatus progress(String name) {
        ProjectionView view = operations.projection(name);
        return new ReplayStatus(view, view.replay() == null ? 100 : (int) Math.floor(view.replay().progress() * 100));
    }

    /**
     * A replay as the page shows it.
     *
     * @param view    the processor
     * @param percent how much is rebuilt (100 once no replay is under way any more: done)
     */
    public record ReplayStatus(ProjectionView view, int percent) {

        public boolean done() {
            return view.replay() == null;
        }

        /** The time left at the rate so far, in words; null until the rebuild has handled an event. */
        public String eta() {
            if (view.replay() == null || view.replay().eta() == null) {
                return null;
            }
            java.time.Duration left = java.time.Duration.parse(view.replay().eta());
            long seconds = Math.max(0, (left.toMillis() + 999) / 1000);
            return seconds < 60 ? "about " + seconds + " s"
                    : "about " + seconds / 60 + " min " + seconds % 60 + " s";
        }
    }
}
