package com.engagementledger.guarantee.query;

import java.time.LocalDate;

/**
 * A seat inside a guarantees document: who holds it, its dates, and the free replacements it has used.
 */
record GuaranteeSeatDocument(String seatId, String professionalId, String professionalName, LocalDate seatStart,
                             LocalDate releaseDate, int freeReplacementsUsed) {

    GuaranteeSeatDocument heldBy(String nextProfessionalId, String nextProfessionalName) {
        return new GuaranteeSeatDocument(seatId, nextProfessionalId, nextProfessionalName, seatStart, releaseDate,
                freeReplacementsUsed);
    }

    GuaranteeSeatDocument releasedOn(LocalDate date) {
        return new GuaranteeSeatDocument(seatId, professionalId, professionalName, seatStart, date,
                freeReplacementsUsed);
    }

    GuaranteeSeatDocument withFreeReplacementsUsed(int used) {
        return new GuaranteeSeatDocument(seatId, professionalId, professionalName, seatStart, releaseDate, used);
    }
}
