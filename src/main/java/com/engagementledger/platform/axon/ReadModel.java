package com.engagementledger.platform.axon;

/**
 * A read model, named by the processing group of its one projection. Declaring one as a bean puts its projection on a pooled streaming processor whose token and dead letters live in MongoDB beside the
 * read model itself.
 */
public record ReadModel(String processingGroup) {
}
