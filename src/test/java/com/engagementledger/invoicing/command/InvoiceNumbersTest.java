package com.engagementledger.invoicing.command;

import com.engagementledger.invoicing.api.AssignInvoiceNumber;
import com.engagementledger.invoicing.api.InvoiceNumberAssigned;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The numbering of a year (ADR 0032): 1, 2, 3... without a gap, one number per invoice. */
class InvoiceNumbersTest {

    private static final String YEAR_2027 = com.engagementledger.invoicing.api.InvoiceNumbers.idOf(2027);

    private AggregateTestFixture<InvoiceNumbers> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InvoiceNumbers.class);
    }

    @Test
    void theFirstNumberOfAYearCreatesItsNumbering() {
        fixture.givenNoPriorActivity()
                .when(new AssignInvoiceNumber(YEAR_2027, 2027, "inv-1"))
                .expectEvents(new InvoiceNumberAssigned(YEAR_2027, 2027, 1, "INV-2027-000001", "inv-1"))
                .expectResultMessagePayload("INV-2027-000001");
    }

    @Test
    void theNextInvoiceGetsTheNextNumber() {
        fixture.given(new InvoiceNumberAssigned(YEAR_2027, 2027, 1, "INV-2027-000001", "inv-1"),
                        new InvoiceNumberAssigned(YEAR_2027, 2027, 2, "INV-2027-000002", "inv-2"))
                .when(new AssignInvoiceNumber(YEAR_2027, 2027, "inv-3"))
                .expectEvents(new InvoiceNumberAssigned(YEAR_2027, 2027, 3, "INV-2027-000003", "inv-3"))
                .expectResultMessagePayload("INV-2027-000003");
    }

    @Test
    void anInvoiceAskingAgainGetsItsNumberAgain() {
        fixture.given(new InvoiceNumberAssigned(YEAR_2027, 2027, 1, "INV-2027-000001", "inv-1"),
                        new InvoiceNumberAssigned(YEAR_2027, 2027, 2, "INV-2027-000002", "inv-2"))
                .when(new AssignInvoiceNumber(YEAR_2027, 2027, "inv-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload("INV-2027-000001");
    }

    @Test
    void aYearIsNumberedByItsOwnNumbering() {
        fixture.givenNoPriorActivity()
                .when(new AssignInvoiceNumber(YEAR_2027, 2028, "inv-1"))
                .expectException(IllegalArgumentException.class);
    }
}
