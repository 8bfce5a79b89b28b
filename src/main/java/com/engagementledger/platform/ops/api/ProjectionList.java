package com.engagementledger.platform.ops.api;

import java.util.List;

/** Every event processor of the application, by name. */
public record ProjectionList(List<ProjectionView> items) {

    public ProjectionList {
        items = List.copyOf(items);
    }
}
