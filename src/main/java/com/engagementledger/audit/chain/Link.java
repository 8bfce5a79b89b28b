package com.engagementledger.audit.chain;

/**
 * A recorded position of the chain.
 *
 * @param position the global index
 * @param hash     the link after the event there (hex), or null: the position holds no event
 */
record Link(long position, String hash) {
}
