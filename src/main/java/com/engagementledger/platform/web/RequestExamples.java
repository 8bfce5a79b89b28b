package com.engagementledger.platform.web;

import java.util.Map;

/**
 * A feature's example request bodies for the OpenAPI document, by request type: a bean per feature, so that the
 * examples live beside the requests they show.
 */
public interface RequestExamples {

    /** Example JSON bodies by the request record they are for. */
    Map<Class<?>, String> examples();
}
