package com.engagementledger.engagement.web;

/**
 * What an engagement action's form sends (ADR 0041), as typed: text, so that a date or an amount that cannot be read
 * is answered next to its field. Each action uses some of the fields ({@link EngagementAction#fields}); they are
 * named as the API's request names them, so that bean validation and the aggregate's rule violations name them.
 */
public class EngagementActionForm {
    private String startDate;
    private String activationDate;
    private String pauseDate;
    private String resumeDate;
    private String lastDay;
    private String forCause;
    private String releaseDate;
    private String effectiveDate;
    private String reason;
    private String seatId;
    private String professionalId;
    private String professionalName;
    private String rate;
    private String newRate;
    private String rateChangeId;

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    public String getActivationDate() {
        return activationDate;
    }

    public void setActivationDate(String activationDate) {
        this.activationDate = activationDate;
    }

    public String getPauseDate() {
        return pauseDate;
    }

    public void setPauseDate(String pauseDate) {
        this.pauseDate = pauseDate;
    }

    public String getResumeDate() {
        return resumeDate;
    }

    public void setResumeDate(String resumeDate) {
        this.resumeDate = resumeDate;
    }

    public String getLastDay() {
        return lastDay;
    }

    public void setLastDay(String lastDay) {
        this.lastDay = lastDay;
    }

    public String getForCause() {
        return forCause;
    }

    public void setForCause(String forCause) {
        this.forCause = forCause;
    }

    public String getReleaseDate() {
        return releaseDate;
    }

    public void setReleaseDate(String releaseDate) {
        this.releaseDate = releaseDate;
    }

    public String getEffectiveDate() {
        return effectiveDate;
    }

    public void setEffectiveDate(String effectiveDate) {
        this.effectiveDate = effectiveDate;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getSeatId() {
        return seatId;
    }

    public void setSeatId(String seatId) {
        this.seatId = seatId;
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

    public String getRate() {
        return rate;
    }

    public void setRate(String rate) {
        this.rate = rate;
    }

    public String getNewRate() {
        return newRate;
    }

    public void setNewRate(String newRate) {
        this.newRate = newRate;
    }

    public String getRateChangeId() {
        return rateChangeId;
    }

    public void setRateChangeId(String rateChangeId) {
        this.rateChangeId = rateChangeId;
    }
}
