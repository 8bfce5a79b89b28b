package com.engagementledger.audit.chain;

/**
 * How far the chain has got.
 *
 * @param position the last position decided
 * @param hash     the link after the last event (hex)
 * @param events   events linked
 */
record Progress(long position, String hash, long events) {
}
