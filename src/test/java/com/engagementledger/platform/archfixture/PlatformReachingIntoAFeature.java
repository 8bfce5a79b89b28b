package com.engagementledger.platform.archfixture;

import com.engagementledger.engagement.query.EngagementProjection;

/** A fixture: platform code that knows a feature. */
public class PlatformReachingIntoAFeature {

    String group() {
        return EngagementProjection.PROCESSING_GROUP + EngagementProjection.class.getName();
    }
}
