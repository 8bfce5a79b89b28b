package com.engagementledger.platform.security;

/**
 * The four roles of DESIGN.md §2.
 */
public final class Roles {

    public static final String ACCOUNT_MANAGER = "ACCOUNT_MANAGER";
    public static final String FINANCE = "FINANCE";
    public static final String AUDITOR = "AUDITOR";
    public static final String ADMIN = "ADMIN";

    public static final String[] ALL = {ACCOUNT_MANAGER, FINANCE, AUDITOR, ADMIN};

    private Roles() {
    }
}
