package com.engagementledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.platform.web.ApiPaths;
import com.engagementledger.support.Api;
import com.engagementledger.support.HttpTestSupport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the application against every role, generated from Spring MVC's own handler mappings, so that a
 * new endpoint is in this test the moment it exists: it must declare its roles; anonymous callers get 401; a role it
 * does not declare gets 403; a role it declares gets past authorization (whatever the request then earns: here ids are
 * unknown and bodies empty, so nothing changes); and no endpoint that changes anything admits auditors.
 */
class EndpointRoleMatrixHttpTest extends HttpTestSupport {

    /** The test users (application-test.yml) and their one role each. */
    private static final Map<String, String> USERS = Map.of(
            "manager", Roles.ACCOUNT_MANAGER, "finance", Roles.FINANCE, "auditor", Roles.AUDITOR, "admin", Roles.ADMIN);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private record Endpoint(RequestMethod method, String pattern, Set<String> roles) {
    }

    @Test
    void everyEndpointAnswersEveryRoleAsItDeclares() {
        List<String> undeclared = new ArrayList<>();
        List<Endpoint> endpoints = endpoints(undeclared);
        assertThat(undeclared).as("endpoints without @RolesAllowed").isEmpty();
        assertThat(endpoints).extracting(Endpoint::pattern)
                .contains("/api/engagements", "/api/engagements/{id}", "/api/engagements/{id}/rate-changes",
                        "/api/invoices/drafts", "/api/invoices/{id}", "/api/invoices/{id}/payments",
                        "/api/ip-transfers", "/api/ip-transfers/{id}/certificate",
                        "/api/engagements/{id}/ip-exclusions");

        long events = eventCount();
        SoftAssertions soft = new SoftAssertions();
        for (Endpoint endpoint : endpoints) {
            String path = endpoint.pattern().replaceAll("\\{[^}]+}", "role-matrix-unknown");
            if (endpoint.method() != RequestMethod.GET && endpoint.method() != RequestMethod.HEAD) {
                soft.assertThat(endpoint.roles()).as(endpoint + " changes something").doesNotContain(Roles.AUDITOR);
            }
            Api.Response anonymous = send(api.anonymous(), endpoint.method(), path);
            soft.assertThat(anonymous.status()).as("anonymous " + endpoint + " " + anonymous).isEqualTo(401);
            soft.assertThat(anonymous.header("WWW-Authenticate")).as("anonymous " + endpoint)
                    .isEqualTo("Basic realm=\"engagement-ledger\"");
            USERS.forEach((user, role) -> {
                Api.Response response = send(api.as(user), endpoint.method(), path);
                String what = user + " " + endpoint + " -> " + response;
                soft.assertThat(response.contentType()).as(what).isNotNull();
                if (endpoint.roles().contains(role)) {
                    soft.assertThat(response.status()).as(what).isNotIn(401, 403).isLessThan(500);
                } else {
                    soft.assertThat(response.status()).as(what).isEqualTo(403);
                    soft.assertThat(response.contentType()).as(what).startsWith("application/problem+json");
                }
            });
        }
        soft.assertThat(eventCount()).as("events stored by the matrix").isEqualTo(events);
        soft.assertAll();
    }

    private List<Endpoint> endpoints(List<String> undeclared) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!DeclaredRoles.applies(handler)) {
                continue;
            }
            Set<String> roles = DeclaredRoles.of(handler).orElse(null);
            if (ApiPaths.browserPage(handler)) {
                // the console's pages (ADR 0041) declare their roles too, but answer a browser, not an API client:
                // a signed-out browser is sent to sign in (ConsoleBrowserTest), so they are not in this matrix
                if (roles == null) {
                    undeclared.add(handler.toString());
                }
                continue;
            }
            if (roles == null) {
                undeclared.add(handler.toString());
                continue;
            }
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            assertThat(methods).as(handler.toString() + " names its HTTP methods").isNotEmpty();
            for (String pattern : entry.getKey().getPatternValues()) {
                methods.forEach(method -> endpoints.add(new Endpoint(method, pattern, roles)));
            }
        }
        return endpoints;
    }

    private static Api.Response send(Api.Call call, RequestMethod method, String path) {
        return method == RequestMethod.GET ? call.get(path) : call.method(method.name(), path, "{}");
    }

    @Test
    void theGeneratedEndpointsAreTheDeclaredOnes() {
        Map<String, Set<String>> byPattern = new LinkedHashMap<>();
        endpoints(new ArrayList<>()).forEach(e -> byPattern.put(e.method() + " " + e.pattern(), e.roles()));
        assertThat(byPattern.get("POST /api/engagements")).containsExactly(Roles.ACCOUNT_MANAGER);
        assertThat(byPattern.get("GET /api/engagements/{id}")).containsExactlyInAnyOrder(Roles.ALL);
        assertThat(byPattern.get("POST /api/admin/clock")).containsExactly(Roles.ADMIN);
        for (String view : List.of("aging", "unbilled", "reconciliation", "revenue")) {
            // finance's billing views: every role reads them, like every read (ADR 0034); nothing there writes
            assertThat(byPattern.get("GET /api/billing/" + view)).containsExactlyInAnyOrder(Roles.ALL);
            assertThat(byPattern.keySet()).filteredOn(key -> key.endsWith(" /api/billing/" + view))
                    .containsExactly("GET /api/billing/" + view);
        }
        // only finance drafts, issues, voids, disputes and moves money; every role reads invoices
        for (String change : List.of("drafts", "{id}/issue", "{id}/void", "{id}/dispute", "{id}/dispute/resolve",
                "{id}/payments", "{id}/refunds", "{id}/chargebacks", "{id}/credit-notes")) {
            assertThat(byPattern.get("POST /api/invoices/" + change)).as(change).containsExactly(Roles.FINANCE);
        }
        assertThat(byPattern.get("GET /api/invoices")).containsExactlyInAnyOrder(Roles.ALL);
        assertThat(byPattern.get("GET /api/invoices/{id}")).containsExactlyInAnyOrder(Roles.ALL);
        assertThat(byPattern.get("POST /api/timesheets")).containsExactly(Roles.ACCOUNT_MANAGER);
        assertThat(byPattern.get("POST /api/timesheets/{id}/resubmit")).containsExactly(Roles.ACCOUNT_MANAGER);
        for (String decision : List.of("approve", "dispute", "corrections")) {
            assertThat(byPattern.get("POST /api/timesheets/{id}/" + decision))
                    .containsExactlyInAnyOrder(Roles.ACCOUNT_MANAGER, Roles.FINANCE);
        }
        assertThat(byPattern.get("GET /api/timesheets")).containsExactlyInAnyOrder(Roles.ALL);
        assertThat(byPattern.get("GET /api/timesheets/{id}")).containsExactlyInAnyOrder(Roles.ALL);
        // IP is read by everyone; changed only by finance's exclusions and release, and the engagement's list
        for (String read : List.of("", "/ledger", "/{id}", "/{id}/certificate")) {
            assertThat(byPattern.get("GET /api/ip-transfers" + read)).as(read).containsExactlyInAnyOrder(Roles.ALL);
        }
        assertThat(byPattern.get("POST /api/ip-transfers/{id}/exclusions")).containsExactly(Roles.FINANCE);
        assertThat(byPattern.get("POST /api/ip-transfers/{id}/release")).containsExactly(Roles.FINANCE);
        assertThat(byPattern.keySet()).filteredOn(key -> key.contains(" /api/ip-transfers"))
                .containsExactlyInAnyOrder("GET /api/ip-transfers", "GET /api/ip-transfers/ledger",
                        "GET /api/ip-transfers/{id}", "GET /api/ip-transfers/{id}/certificate",
                        "POST /api/ip-transfers/{id}/exclusions", "POST /api/ip-transfers/{id}/release");
        assertThat(byPattern.get("POST /api/engagements/{id}/ip-exclusions"))
                .containsExactlyInAnyOrder(Roles.ACCOUNT_MANAGER, Roles.FINANCE);
        // operations: auditors read everything, only administrators replay or retry (ADR 0036)
        for (String read : List.of("/api/admin/projections", "/api/admin/projections/{name}",
                "/api/admin/dead-letters")) {
            assertThat(byPattern.get("GET " + read)).as(read).containsExactlyInAnyOrder(Roles.AUDITOR, Roles.ADMIN);
        }
        assertThat(byPattern.get("POST /api/admin/projections/{name}/replay")).containsExactly(Roles.ADMIN);
        assertThat(byPattern.get("POST /api/admin/dead-letters/{processingGroup}/retry"))
                .containsExactly(Roles.ADMIN);
    }
}
