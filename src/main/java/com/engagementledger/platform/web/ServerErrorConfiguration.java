package com.engagementledger.platform.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Problem documents for the refusals below Spring MVC: Spring Security's firewall (which otherwise sends a bare
 * 400 to Spring Boot's error page) and Tomcat's error valve (which otherwise writes an HTML page naming the server).
 * A console path (not {@link ApiPaths#isApi}) gets the console's HTML error page instead (ADR 0041).
 */
@Configuration(proxyBeanMethods = false)
public class ServerErrorConfiguration {

    @Bean
    public RequestRejectedHandler problemForRejectedRequests(ProblemResponses problems) {
        return (request, response, rejected) -> {
            response.setHeader("Connection", "close");
            if (!ApiPaths.isApi(request)) {
                // a console path: its readable HTML page, through the error page (ProblemErrorController)
                response.sendError(HttpStatus.BAD_REQUEST.value());
                return;
            }
            problems.write(request, response, problems.problem(HttpStatus.BAD_REQUEST, ServerProblems.title(400),
                    ServerProblems.detail(400), ServerProblems.rule(400), null));
        };
    }

    /**
     * Any method reaches Spring MVC, which answers an unknown one (PROPFIND, FOO) with 405 and the path's real Allow,
     * where the firewall would refuse it with a 400 that blames the request's syntax.
     */
    @Bean
    public HttpFirewall firewallForAnyMethod() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setUnsafeAllowAnyHttpMethod(true);
        return firewall;
    }

    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatPassesTrace() {
        // Tomcat refuses TRACE itself, with an Allow that names methods the path does not take
        return factory -> factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
    }

    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}
