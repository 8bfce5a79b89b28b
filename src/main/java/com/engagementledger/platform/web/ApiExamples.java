package com.engagementledger.platform.web;

import java.util.Map;

/**
 * A feature's example bodies for the OpenAPI document, by the type they show: request records, and the views its
 * reads answer with (a {@link Page} of a view is shown as a page holding the view's example). A bean per feature,
 * so that the examples live beside the types they show.
 */
public interface ApiExamples {

    /** Example JSON bodies by the record they are an instance of. */
    Map<Class<?>, String> examples();
}
