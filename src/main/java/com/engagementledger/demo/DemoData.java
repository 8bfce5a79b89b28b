package com.engagementledger.demo;

/**
 * The demo data of one feature, seeded through its commands on the first start of the demo profile. A feature adds
 * one bean of this type, with an {@link org.springframework.core.annotation.Order} that puts it after the features
 * whose data it builds on (engagements are 100; a later feature takes a higher number).
 */
public interface DemoData {

    /** Sends the feature's demo commands; ids from {@link DemoCommands#id} let a later feature refer to them. */
    void seed(DemoCommands commands);
}
