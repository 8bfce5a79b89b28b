package com.engagementledger.replacement.api;

/**
 * Why a seat's professional is replaced (DESIGN.md §3, Replacement).
 */
public enum ReplacementReason {
    /** The client finds the professional does not perform: free inside the guarantee window and quota. */
    NON_PERFORMANCE,
    /** The professional leaves: always free, and uses no free replacement. */
    ATTRITION,
    /** The client asks for someone else: free inside the guarantee window and quota. */
    CLIENT_REQUEST
}
