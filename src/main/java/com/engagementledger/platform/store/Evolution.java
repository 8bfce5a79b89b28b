package com.engagementledger.platform.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * A projection's logic as one pure function, {@code evolve(document, event)}, gathered from the static
 * {@code evolve(D, SomeEvent)} methods of a projection class: the projection applies them one event at a time to its
 * stored documents; a point-in-time view folds them over the events up to an instant. An event no method takes
 * leaves the document as it is.
 *
 * @param <D> the document
 */
public final class Evolution<D> {

    private final Class<D> documentType;
    private final Map<Class<?>, Method> steps;

    private Evolution(Class<D> documentType, Map<Class<?>, Method> steps) {
        this.documentType = documentType;
        this.steps = steps;
    }

    public static <D> Evolution<D> of(Class<?> projection, Class<D> documentType) {
        Map<Class<?>, Method> steps = new HashMap<>();
        for (Method method : projection.getDeclaredMethods()) {
            if (method.getName().equals("evolve") && Modifier.isStatic(method.getModifiers())
                    && method.getParameterCount() == 2 && method.getParameterTypes()[0] == documentType
                    && method.getReturnType() == documentType) {
                method.setAccessible(true);
                steps.put(method.getParameterTypes()[1], method);
            }
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException(projection.getName() + " has no static " + documentType.getSimpleName()
                    + " evolve(" + documentType.getSimpleName() + ", event) method");
        }
        return new Evolution<>(documentType, Map.copyOf(steps));
    }

    /** Whether some step takes events of {@code eventType}. */
    public boolean handles(Class<?> eventType) {
        return step(eventType) != null;
    }

    /** The document after {@code event}; null if the event deletes it or nothing has created it yet. */
    public D evolve(D document, Object event) {
        Method step = step(event.getClass());
        if (step == null) {
            return document;
        }
        try {
            return documentType.cast(step.invoke(null, document, event));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The document that {@code events}, in order, make from nothing. */
    public D fold(Iterable<?> events) {
        D document = null;
        for (Object event : events) {
            document = evolve(document, event);
        }
        return document;
    }

    private Method step(Class<?> eventType) {
        for (Class<?> type = eventType; type != null; type = type.getSuperclass()) {
            Method step = steps.get(type);
            if (step != null) {
                return step;
            }
        }
        return null;
    }
}
