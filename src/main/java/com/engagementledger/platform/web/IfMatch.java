package com.engagementledger.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code Long} handler parameter that receives the aggregate version an {@code If-Match} header expects:
 * null without the header or with {@code *}; a malformed or repeated header is a 400 before the handler runs.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface IfMatch {
}
