package com.engagementledger.engagement.web;

/**
 * One seat of the proposal form, as typed: text, so that a rate or a date that cannot be read is answered next to
 * its field like any other mistake.
 */
public class SeatForm {

    private String professionalId;
    private String professionalName;
    private String rate;
    private String startDate;

    public String getProfessionalId() {
        return professionalId;
    }

    public void setProfessionalId(String professionalId) {
        this.professionalId = professionalId;
    }

    public String getProfessionalName() {
        return professionalName;
    }

    public void setProfessionalName(String professionalName) {
        this.professionalName = professionalName;
    }

    public String getRate() {
        return rate;
    }

    public void setRate(String rate) {
        this.rate = rate;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }
}
