package com.engagementledger.replacement.web;

/**
 * What a replacement form of the console sends (ADR 0041), as typed: the request for a seat, a candidate, their
 * acceptance or rejection, a withdrawal. Each form uses some of the fields ({@link ReplacementAction#fields}), named
 * as the API's requests name them.
 */
public class ReplacementForm {
    private String engagementId;
    private String seatId;
    private String reason;
    private String note;
    private String professionalId;
    private String professionalName;
    private String candidateId;
    private String startDate;

    public String getEngagementId() {
        return engagementId;
    }

    public void setEngagementId(String engagementId) {
        this.engagementId = engagementId;
    }

    public String getSeatId() {
        return seatId;
    }

    public void setSeatId(String seatId) {
        this.seatId = seatId;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

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

    public String getCandidateId() {
        return candidateId;
    }

    public void setCandidateId(String candidateId) {
        this.candidateId = candidateId;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }
}
