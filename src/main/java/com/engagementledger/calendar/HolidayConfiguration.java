package com.engagementledger.calendar;

import com.engagementledger.calendar.api.BusinessDays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The holidays business days skip, from {@code ledger.holidays} (ISO dates; none by default).
 */
@Configuration(proxyBeanMethods = false)
public class HolidayConfiguration {

    @Bean
    BusinessDays businessDays(Holidays holidays) {
        return BusinessDays.withHolidays(holidays.holidays());
    }
}
