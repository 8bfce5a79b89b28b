package com.engagementledger.platform.web;

import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.api.RuleViolationDetails;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every failure becomes an {@code application/problem+json} response that names the field and the rule it broke.
 * Bad input is a 400, a well-formed request the domain refuses a 422 (bad value) or 409 (not allowed now), an unknown
 * id a 404, a stale {@code If-Match} a 412. A refusal is logged as one INFO line with its rule, never a stack trace;
 * anything else is a bug, logged with its stack trace and request id, and a 500.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final ProblemResponses problems;

    public ProblemHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolation violation) {
        return fromDetails(violation.details());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        Optional<RuleViolationDetails> details = e.getDetails();
        if (details.isPresent()) {
            return fromDetails(details.get());
        }
        if (e.getCause() instanceof ConflictingAggregateVersionException conflict) {
            return staleVersion(conflict);
        }
        return unexpected(e);
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException e) {
        return respond(problems.problem(HttpStatus.PRECONDITION_FAILED, "Version mismatch",
                "The resource changed since the version given in If-Match (it is now at version "
                        + e.getActualVersion() + "). Read it again and retry.", "stale-version", null));
    }

    @ExceptionHandler(PreconditionFailedException.class)
    ResponseEntity<ProblemDetail> preconditionFailed(PreconditionFailedException e) {
        return respond(problems.problem(HttpStatus.PRECONDITION_FAILED, "Precondition failed", e.getMessage(),
                "precondition-failed", null));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyException e) {
        return respond(problems.problem(HttpStatus.CONFLICT, "Concurrent change",
                "Another change to the same resource was accepted first. Read it again and retry.",
                "concurrent-change", null));
    }

    /**
     * An event that collides with a stored one (SQL state 23505, a unique violation on H2 and PostgreSQL; the drivers
     * wrap it where Axon's resolver does not look): another change to the same aggregate was stored first, or, for a
     * new aggregate, an earlier run of the same request created it (ids derive from the Idempotency-Key).
     */
    @ExceptionHandler(EventStoreException.class)
    ResponseEntity<ProblemDetail> eventStoreFailed(EventStoreException e) {
        return EventCollisions.isCollision(e) ? collision() : unexpected(e);
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> streamExists(AggregateStreamCreationException e) {
        return collision();
    }

    private ResponseEntity<ProblemDetail> collision() {
        return respond(problems.problem(HttpStatus.CONFLICT, "Concurrent change",
                "Another change to the same resource was stored first (or an earlier run of this request created"
                        + " it). Read it again before retrying.", "concurrent-change", null));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return fromDetails(RuleViolation.notFound("id", "No resource with id " + Echo.value(e.getAggregateIdentifier()))
                .details());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath()),
                        v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(), v.getMessage()))
                .toList();
        return respond(invalid(errors));
    }

    /** Roles declared per controller are enforced inside Spring MVC, out of the security filters' reach. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e, jakarta.servlet.http.HttpServletRequest request) {
        return respond(problems.forbidden(request));
    }

    @ExceptionHandler(GatewayTimeoutException.class)
    ResponseEntity<ProblemDetail> timedOut(GatewayTimeoutException e) {
        log.warn("{}", e.getMessage());
        return respond(problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Timed out",
                "The request did not complete in time; a change may still take effect. Read the resource before"
                        + " retrying.", "timeout", null));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (StoreOutage.causedBy(e)) {
            return storeUnavailable(e);
        }
        log.error("Unexpected failure", e);
        return respond(problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request failed unexpectedly; quote the requestId to the operators.", null, null));
    }

    /**
     * The relational store could not be reached: the command was most likely not stored (a connection lost during
     * the commit leaves it open), and a retry in a few seconds is likely to succeed once the database is back (PostgresOutageTest). A warning without the stack trace: the pool and
     * the processors log the outage itself.
     */
    private ResponseEntity<ProblemDetail> storeUnavailable(Exception e) {
        log.warn("The relational store is unreachable: {}", e.toString());
        ResponseEntity<ProblemDetail> response = StoreOutage.response(problems);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            problems.logRefusal(attributes.getRequest(), response.getBody());
        }
        return response;
    }

    /**
     * The same Allow as OPTIONS answers for the path: Spring names only the mapped methods, where OPTIONS adds HEAD
     * (to GET) and OPTIONS itself.
     */
    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            org.springframework.web.HttpRequestMethodNotSupportedException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        java.util.Set<org.springframework.http.HttpMethod> allowed = new java.util.LinkedHashSet<>();
        if (e.getSupportedHttpMethods() != null) {
            allowed.addAll(e.getSupportedHttpMethods());
        }
        if (allowed.contains(org.springframework.http.HttpMethod.GET)) {
            allowed.add(org.springframework.http.HttpMethod.HEAD);
        }
        allowed.add(org.springframework.http.HttpMethod.OPTIONS);
        HttpHeaders allow = new HttpHeaders();
        allow.putAll(headers);
        allow.setAllow(allowed);
        return super.handleHttpRequestMethodNotSupported(e, allow, status, request);
    }

    /**
     * A 406 describes no representation, so it carries no entity tag, though the handler set one before the answer
     * turned out unwritable.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
            org.springframework.web.HttpMediaTypeNotAcceptableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null
                && servlet.getResponse().containsHeader(HttpHeaders.ETAG)
                && !servlet.getResponse().isCommitted()) {
            // the servlet API removes no single header: keep every other one across a reset
            jakarta.servlet.http.HttpServletResponse response = servlet.getResponse();
            java.util.Map<String, java.util.Collection<String>> kept = new java.util.LinkedHashMap<>();
            for (String name : response.getHeaderNames()) {
                if (!HttpHeaders.ETAG.equalsIgnoreCase(name)) {
                    kept.put(name, List.copyOf(response.getHeaders(name)));
                }
            }
            response.reset();
            kept.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        }
        return super.handleHttpMediaTypeNotAcceptable(e, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getCode(), f.getDefaultMessage()))
                .collect(Collectors.toList());
        e.getBindingResult().getGlobalErrors().forEach(g ->
                errors.add(new FieldError(g.getObjectName(), g.getCode(), g.getDefaultMessage())));
        return respond(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(parameterName(result), ruleOf(error.getCodes()),
                                error.getDefaultMessage())))
                .toList();
        return respond(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String expected = e.getRequiredType() == null ? "another type" : describe(e.getRequiredType());
        return respond(invalid(List.of(new FieldError(field, "type",
                "'" + Echo.value(e.getValue()) + "' is not " + expected))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        // a key given twice inside a nested object comes wrapped in the mapping error of its parent
        if (cause instanceof JsonMappingException mapping && mapping.getCause() instanceof StreamReadException read
                && duplicateKey(read) != null) {
            cause = read;
        }
        FieldError error;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            error = new FieldError(path(unknown), "unknown-field", "'" + Echo.value(unknown.getPropertyName())
                    + "' is not a field of this request");
        } else if (cause instanceof InvalidFormatException format) {
            error = new FieldError(path(format), "type",
                    "'" + Echo.value(format.getValue()) + "' is not " + describe(format.getTargetType()));
        } else if (cause instanceof ValueInstantiationException instantiation) {
            Throwable root = instantiation.getCause() != null ? instantiation.getCause() : instantiation;
            error = new FieldError(path(instantiation), "value", JsonMessages.plain(root.getMessage()));
        } else if (cause instanceof MismatchedInputException mismatch) {
            error = new FieldError(path(mismatch), "type", mismatch.getTargetType() == null
                    ? "has the wrong shape" : "expected " + describe(mismatch.getTargetType()));
        } else if (cause instanceof JsonMappingException mapping) {
            error = new FieldError(path(mapping), "value", "has a value this field cannot take");
        } else if (cause instanceof StreamReadException parse && duplicateKey(parse) != null) {
            error = new FieldError(duplicateKey(parse), "duplicate-field", "is given more than once");
        } else if (cause instanceof JsonProcessingException parse) {
            error = new FieldError("body", "json", "malformed JSON: " + JsonMessages.plain(parse.getOriginalMessage()));
        } else {
            error = new FieldError("body", "required", "a JSON request body is required");
        }
        return respond(invalid(List.of(error)));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail detail) {
            named(detail);
            problems.withRequestId(detail);
            if (request instanceof ServletWebRequest servlet) {
                problems.logRefusal(servlet.getRequest(), detail);
            }
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /**
     * Spring MVC's own refusals (405, 406, 415, 404 for no handler) in this API's shape: with a rule, in our words
     * where Spring's name its internals ("No static resource"), and with what they quote of the request escaped.
     */
    private static void named(ProblemDetail detail) {
        if (detail.getProperties() != null && detail.getProperties().containsKey("rule")) {
            return;
        }
        String rule = ServerProblems.rule(detail.getStatus());
        detail.setType(java.net.URI.create(ProblemResponses.TYPE_BASE + rule));
        detail.setProperty("rule", rule);
        detail.setDetail(detail.getStatus() == 404 ? ServerProblems.detail(404) : Echo.value(detail.getDetail()));
    }

    private ProblemDetail invalid(List<FieldError> errors) {
        String detail = errors.stream().map(f -> Echo.value(f.field()) + ": " + f.message())
                .collect(Collectors.joining("; "));
        return problems.problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, "invalid-request", errors);
    }

    private ResponseEntity<ProblemDetail> fromDetails(RuleViolationDetails details) {
        HttpStatus status = switch (details.kind()) {
            case MALFORMED -> HttpStatus.BAD_REQUEST;
            case INVALID_INPUT -> HttpStatus.UNPROCESSABLE_ENTITY;
            case ILLEGAL_STATE -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        String title = switch (details.kind()) {
            case MALFORMED -> "Invalid request";
            case INVALID_INPUT -> "Rule violated";
            case ILLEGAL_STATE -> "Not allowed in the current state";
            case NOT_FOUND -> "Not found";
            case UNAVAILABLE -> "Try again";
        };
        List<FieldError> errors = details.field() == null ? null
                : List.of(new FieldError(details.field(), details.rule(), details.message()));
        return respond(problems.problem(status, title, details.message(), details.rule(), errors));
    }

    @SuppressWarnings("unchecked")
    private <T> ResponseEntity<T> respond(ProblemDetail problem) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            problems.logRefusal(attributes.getRequest(), problem);
        }
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body((T) problem);
    }

    /** The dotted path of a key given twice ({@code seats[0].rate}), or null when the error is another one. */
    private static String duplicateKey(StreamReadException e) {
        if (e.getOriginalMessage() == null || !e.getOriginalMessage().startsWith("Duplicate field")
                || e.getProcessor() == null) {
            return null;
        }
        String pointer = e.getProcessor().getParsingContext().pathAsPointer().toString();
        String path = java.util.Arrays.stream(pointer.split("/"))
                .filter(segment -> !segment.isEmpty())
                .map(segment -> segment.chars().allMatch(Character::isDigit) ? "[" + segment + "]" : "." + segment)
                .collect(Collectors.joining());
        return path.startsWith(".") ? path.substring(1) : path.isEmpty() ? "body" : path;
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }

    /** {@code propose.request.clientId} names {@code clientId}: the method and parameter are no field of the request. */
    private static String lastNode(jakarta.validation.Path path) {
        String name = null;
        for (jakarta.validation.Path.Node node : path) {
            name = node.getName();
        }
        return name != null ? name : path.toString();
    }

    private static String parameterName(ParameterValidationResult result) {
        String name = result.getMethodParameter().getParameterName();
        return name != null ? name : "parameter";
    }

    private static String ruleOf(String[] codes) {
        return codes == null || codes.length == 0 ? "invalid" : codes[codes.length - 1];
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "Instant" -> "an instant (ISO 8601, e.g. 2026-01-31T00:00:00Z)";
            case "BigDecimal", "Double", "double", "Float", "float" -> "a number";
            case "Integer", "int", "Long", "long", "Short", "short" -> "a whole number";
            case "String" -> "text (a JSON string)";
            case "Boolean", "boolean" -> "true or false";
            case "UUID" -> "a UUID";
            case "YearMonth" -> "a month (YYYY-MM)";
            case "Duration" -> "a duration (ISO 8601, e.g. P1D)";
            // a Java class means nothing to a client: what JSON needed there is an object
            default -> "an object";
        };
    }
}
