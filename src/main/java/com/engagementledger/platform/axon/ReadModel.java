package com.engagementledger.platform.axon;

import java.util.List;

/**
 * A read model: the processing group of its one projection and the MongoDB collections it owns. Declaring one as a
 * bean puts its projection on a pooled streaming processor whose token and dead letters live in MongoDB beside the
 * read model itself.
 */
public record ReadModel(String processingGroup, List<String> collections) {
}
