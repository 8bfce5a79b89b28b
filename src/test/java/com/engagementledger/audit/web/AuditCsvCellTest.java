package com.engagementledger.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A CSV cell of the audit export never starts with one of OWASP's formula triggers. */
class AuditCsvCellTest {

    @Test
    void aLeadingFormulaTriggerIsNeutralizedTabAndCarriageReturnToo() {
        assertThat(AuditHistoryController.cell("=1+2")).isEqualTo("'=1+2");
        assertThat(AuditHistoryController.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditHistoryController.cell("\t=HYPERLINK(\"http://x\")"))
                .isEqualTo("\"'\t=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(AuditHistoryController.cell("\r=1+2")).isEqualTo("\"'\r=1+2\"");
        assertThat(AuditHistoryController.cell("plain text")).isEqualTo("plain text");
        assertThat(AuditHistoryController.cell("")).isEmpty();
    }
}
