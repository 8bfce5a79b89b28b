package com.engagementledger.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * Renders an error of a browser request (one that is not the API's, {@link ApiPaths}) as a readable HTML page: the
 * console's, where there is one (ADR 0041). {@link ProblemErrorController} asks it for errors outside Spring MVC.
 */
public interface ErrorPages {

    /** The page for an error with this status, with the status set: no stack trace, no JSON. */
    ModelAndView page(HttpServletRequest request, int status);
}
