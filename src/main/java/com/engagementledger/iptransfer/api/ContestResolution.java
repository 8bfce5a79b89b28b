package com.engagementledger.iptransfer.api;

/** How a contest ended: a later payment or credit note settled the invoice again, or finance released it. */
public enum ContestResolution {
    SETTLED, RELEASED
}
