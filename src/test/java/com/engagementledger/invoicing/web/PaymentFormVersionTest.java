package com.engagementledger.invoicing.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;

/**
 * The invoice's version a payment or credit note form sends back: none means "as the invoice is now" (as the API
 * without If-Match), but text that is not a version ({@code version=abc}) is refused, no longer read as none.
 */
class PaymentFormVersionTest {

    @Test
    void aVersionThatIsNotOneIsRefused() {
        InvoicePages.MovementForm form = new InvoicePages.MovementForm();
        form.setVersion("abc");
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "payment");
        assertThat(InvoicePages.version(form, errors)).isNull();
        assertThat(errors.getGlobalErrors()).hasSize(1);
        assertThat(errors.getGlobalError().getDefaultMessage()).contains("(abc) is not a version");
    }

    @Test
    void aVersionOrNoneIsRead() {
        InvoicePages.MovementForm form = new InvoicePages.MovementForm();
        form.setVersion(" 7 ");
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "payment");
        assertThat(InvoicePages.version(form, errors)).isEqualTo(7L);
        form.setVersion("");
        assertThat(InvoicePages.version(form, errors)).isNull();
        assertThat(errors.hasErrors()).isFalse();
    }
}
