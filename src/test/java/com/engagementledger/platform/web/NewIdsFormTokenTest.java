package com.engagementledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A console form's token is the idempotency key of the command it sends (ADR 0041): the same form sent twice derives
 * the same ids, another form (another token, caller or page) others; the API keeps its own header and ignores it.
 */
class NewIdsFormTokenTest {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theSameFormSentAgainDerivesTheSameIds() {
        signIn("manager");
        String first = ids(post("/engagements", "token-1")).next("engagement");
        assertThat(ids(post("/engagements", "token-1")).next("engagement")).isEqualTo(first);
        assertThat(ids(post("/engagements", "token-1")).next("seat 0")).as("another thing it creates")
                .isNotEqualTo(first);
        assertThat(ids(post("/engagements", "token-2")).next("engagement")).as("another form").isNotEqualTo(first);
        assertThat(ids(post("/replacements", "token-1")).next("engagement")).as("another page").isNotEqualTo(first);
        signIn("finance");
        assertThat(ids(post("/engagements", "token-1")).next("engagement")).as("another caller")
                .isNotEqualTo(first);
    }

    @Test
    void theSameTokenWithOtherContentDerivesOtherIds() {
        signIn("manager");
        MockHttpServletRequest proA = post("/engagements/e-1/actions/add-seat", "token-1");
        proA.addParameter("professionalId", "pro-A");
        proA.addParameter("_csrf", "csrf-1");
        MockHttpServletRequest proAAgain = post("/engagements/e-1/actions/add-seat", "token-1");
        proAAgain.addParameter("professionalId", "pro-A ");
        proAAgain.addParameter("_csrf", "csrf-2");
        MockHttpServletRequest proB = post("/engagements/e-1/actions/add-seat", "token-1");
        proB.addParameter("professionalId", "pro-B");
        String seat = ids(proA).next("seat");
        assertThat(ids(proAAgain).next("seat")).as("the same form sent again, another CSRF token").isEqualTo(seat);
        assertThat(ids(proB).next("seat")).as("the token reused for another professional").isNotEqualTo(seat);
        MockHttpServletRequest split = post("/engagements/e-1/actions/add-seat", "token-1");
        split.addParameter("professionalId", "pro-A", "pro-B");
        MockHttpServletRequest joined = post("/engagements/e-1/actions/add-seat", "token-1");
        joined.addParameter("professionalId", "pro-A,pro-B");
        assertThat(ids(split).next("seat")).as("values told apart").isNotEqualTo(ids(joined).next("seat"));
    }

    @Test
    void withoutAUsableTokenEveryIdIsNew() {
        signIn("manager");
        assertThat(ids(post("/engagements", null)).next("engagement"))
                .isNotEqualTo(ids(post("/engagements", null)).next("engagement"));
        String tooLong = "x".repeat(256);
        assertThat(ids(post("/engagements", tooLong)).next("engagement"))
                .isNotEqualTo(ids(post("/engagements", tooLong)).next("engagement"));
        assertThat(ids(post("/engagements", " ")).next("engagement"))
                .isNotEqualTo(ids(post("/engagements", " ")).next("engagement"));
    }

    @Test
    void theApiTakesItsKeyFromTheHeaderOnly() {
        signIn("manager");
        assertThat(ids(post("/api/engagements", "token-1")).next("engagement"))
                .isNotEqualTo(ids(post("/api/engagements", "token-1")).next("engagement"));
        MockHttpServletRequest keyed = post("/engagements", "same");
        keyed.addHeader(IdempotencyFilter.HEADER, "same");
        MockHttpServletRequest formOnly = post("/engagements", "same");
        assertThat(ids(keyed).next("engagement")).as("a header and a form token of the same text are two keys")
                .isNotEqualTo(ids(formOnly).next("engagement"));
    }

    private static MockHttpServletRequest post(String path, String token) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        if (token != null) {
            request.addParameter(NewIds.FORM_TOKEN, token);
        }
        return request;
    }

    private static NewIds ids(MockHttpServletRequest request) {
        return new NewIds(request);
    }

    private static void signIn(String user) {
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, java.util.List.of()));
    }
}
