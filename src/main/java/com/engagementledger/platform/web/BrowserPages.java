package com.engagementledger.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the browser console's HTML pages (ADR 0041). The JSON API's request rules (query parameters
 * as written, only JSON bodies) do not apply to it: its forms post {@code application/x-www-form-urlencoded} fields,
 * which the page validates itself and answers next to the field. Its roles are declared with {@code @RolesAllowed}
 * like the API's.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface BrowserPages {
}
