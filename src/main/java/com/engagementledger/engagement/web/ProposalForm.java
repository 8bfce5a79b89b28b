package com.engagementledger.engagement.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The proposal form of the console, as typed (one seat; more are added on the engagement page once it exists). Its
 * field paths are those of the API's request ({@code seats[0].rate}), so that the API's bean validation and the
 * aggregate's rule violations name the form's fields.
 */
public class ProposalForm {

    private String clientId;
    private String clientName;
    private String roleTitle;
    private String currency = "EUR";
    private String billingModel = "MONTHLY";
    private String trialDays;
    private List<SeatForm> seats = new ArrayList<>(List.of(new SeatForm()));

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientName() {
        return clientName;
    }

    public void setClientName(String clientName) {
        this.clientName = clientName;
    }

    public String getRoleTitle() {
        return roleTitle;
    }

    public void setRoleTitle(String roleTitle) {
        this.roleTitle = roleTitle;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getBillingModel() {
        return billingModel;
    }

    public void setBillingModel(String billingModel) {
        this.billingModel = billingModel;
    }

    public String getTrialDays() {
        return trialDays;
    }

    public void setTrialDays(String trialDays) {
        this.trialDays = trialDays;
    }

    public List<SeatForm> getSeats() {
        return seats;
    }

    public void setSeats(List<SeatForm> seats) {
        this.seats = seats;
    }
}
