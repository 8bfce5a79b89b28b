package com.engagementledger.platform.console;

import java.util.List;

/**
 * One action a console page offers as a small form (ADR 0041): posted to {@code .../actions/{path}}, its fields named
 * as the API's request names them, so that bean validation and the aggregate's rule violations name them, and shown
 * under {@link #formName} (the form's model attribute and the prefix of its fields' ids, {@code rateChange-newRate}).
 */
public interface ConsoleAction {

    String path();

    String title();

    List<String> fields();

    default String formName() {
        StringBuilder name = new StringBuilder();
        for (String part : path().split("-")) {
            name.append(name.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return name.toString();
    }

    /** The form's field for a field the API's request or the aggregate names; null when the form has none. */
    default String formField(String field) {
        return fields().contains(field) ? field : null;
    }
}
