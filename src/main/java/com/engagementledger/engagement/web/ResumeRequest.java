package com.engagementledger.engagement.web;

import java.time.LocalDate;

/**
 * The first day billed again; today if left out.
 */
public record ResumeRequest(LocalDate resumeDate) {
}
