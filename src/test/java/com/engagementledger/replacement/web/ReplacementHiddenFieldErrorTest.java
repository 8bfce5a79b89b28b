package com.engagementledger.replacement.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.platform.console.ConsoleAction;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.ObjectError;

/**
 * A decision about a candidate that does not exist was answered 422 with no message anyone could see: the refusal sat
 * on the hidden candidate field. It is shown as the form's message, above the fields the user sees.
 */
class ReplacementHiddenFieldErrorTest {

    @Test
    void aMistakeOnTheHiddenCandidateIsTheFormsMessage() {
        ReplacementForm form = new ReplacementForm();
        form.setCandidateId("nope");
        BindingResult errors = new BeanPropertyBindingResult(form, ReplacementAction.ACCEPT_CANDIDATE.formName());
        errors.rejectValue("candidateId", "not-found", "Replacement r-1 has no candidate nope");
        ExtendedModelMap model = new ExtendedModelMap();
        MockHttpServletResponse response = new MockHttpServletResponse();

        ConsoleAction.refused(ReplacementAction.ACCEPT_CANDIDATE, form, errors, model, response);

        assertThat(response.getStatus()).isEqualTo(422);
        BindingResult shown = (BindingResult) model.get(BindingResult.MODEL_KEY_PREFIX + "acceptCandidate");
        assertThat(shown.getGlobalErrors()).extracting(ObjectError::getDefaultMessage)
                .containsExactly("candidateId: Replacement r-1 has no candidate nope");
        assertThat(model.get("refusal")).isEqualTo(
                "Accept the candidate was refused: Replacement r-1 has no candidate nope");
    }

    @Test
    void onlyDecisionsAboutACandidateHaveTheHiddenField() {
        assertThat(ReplacementAction.REJECT_CANDIDATE.hiddenFields()).containsExactly("candidateId");
        assertThat(ReplacementAction.PROPOSE_CANDIDATE.hiddenFields()).isEmpty();
    }
}
