package com.engagementledger.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI document at {@code /v3/api-docs}: what the server does, described from the same declarations the
 * server acts on, so that a new controller is documented by writing it. Every operation gets the problem responses
 * it can give, the {@code Idempotency-Key} header if it is a POST, {@code If-Match} where it takes an
 * {@link IfMatch} version, {@code If-None-Match} and 304 where it answers conditionally (it takes the
 * {@link WebRequest} that {@link ETags#conditional} needs), and example bodies (request, and a read's answer) from
 * its feature's {@link ApiExamples}. HTTP Basic and bearer tokens are both declared, so that Swagger UI's Authorize
 * works in either mode.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    public static final String API_VERSION = "1.0.0";
    private static final String PROBLEM = "#/components/schemas/Problem";

    static {
        // the version If-Match carries is documented as the header below, not as a parameter of its own
        SpringDocUtils.getConfig().addAnnotationsToIgnore(IfMatch.class);
    }

    @Bean
    public OpenAPI ledgerOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Engagement Ledger")
                        .version(API_VERSION)
                        .description("The system of record of a staff-augmentation business: engagements, seats, "
                                + "rates, replacements, invoices and IP transfers, every change an audited event. "
                                + "Errors are RFC 9457 problem documents naming the field and the rule; changes "
                                + "answer with the new version as ETag, to send back as If-Match; every POST takes "
                                + "an Idempotency-Key.")
                        .contact(new Contact().name("Engagement Ledger operators")
                                .url("https://engagement-ledger.example")))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("Users from configuration (the demo profile's"
                                        + " manager, finance, auditor and admin, password demo)."))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("In JWT mode: a token from the configured issuer with a roles claim."))
                        .addSchemas("FieldError", fieldErrorSchema())
                        .addSchemas("Problem", problemSchema()))
                // relative and fixed: springdoc would otherwise build it from the Host header of each request
                .servers(List.of(new Server().url("/").description("This server")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /**
     * Amounts' limits, which swagger-core does not read from {@code @Positive} and {@code @Digits}: above zero, at most
     * as many whole and fractional digits as declared.
     */
    @Bean
    public PropertyCustomizer amountLimits() {
        return (schema, type) -> {
            if (type.getCtxAnnotations() == null) {
                return schema;
            }
            for (java.lang.annotation.Annotation annotation : type.getCtxAnnotations()) {
                if (annotation instanceof jakarta.validation.constraints.Digits digits) {
                    schema.setMaximum(new java.math.BigDecimal("9".repeat(digits.integer())
                            + (digits.fraction() > 0 ? "." + "9".repeat(digits.fraction()) : "")));
                    schema.setMultipleOf(java.math.BigDecimal.ONE.movePointLeft(digits.fraction()));
                }
                if (annotation instanceof jakarta.validation.constraints.Positive) {
                    // OpenAPI 3.1: the exclusive bound is a number
                    schema.setExclusiveMinimumValue(java.math.BigDecimal.ZERO);
                }
            }
            return schema;
        };
    }

    @Bean
    public OperationCustomizer protocolOfEveryOperation(ObjectProvider<ApiExamples> examples) {
        return (operation, handler) -> {
            boolean post = handler.hasMethodAnnotation(PostMapping.class);
            boolean get = handler.hasMethodAnnotation(GetMapping.class);
            boolean pathVariables = has(handler, PathVariable.class);
            boolean body = has(handler, RequestBody.class);
            boolean ifMatch = has(handler, IfMatch.class);
            boolean conditional = get && Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> WebRequest.class.isAssignableFrom(p.getParameterType()));
            // a command answers its resource's version, and sends it as ETag; other POSTs (the test clock) do not
            boolean versioned = post && versioned(answerType(handler).toClass());
            if (operation.getParameters() != null) {
                // StrictQueryParameters refuses an empty query value: leave the parameter out instead
                operation.getParameters().stream()
                        .filter(parameter -> "query".equals(parameter.getIn()) && parameter.getSchema() != null
                                && ("string".equals(parameter.getSchema().getType())
                                || parameter.getSchema().getTypes() != null
                                && parameter.getSchema().getTypes().contains("string"))
                                && (parameter.getSchema().getMinLength() == null
                                || parameter.getSchema().getMinLength() == 0))
                        .forEach(parameter -> parameter.getSchema().setMinLength(1));
            }
            if (post) {
                header(operation, "Idempotency-Key", "Makes a retry safe: a repeated request with the same key"
                        + " answers the first response again and changes nothing.", new StringSchema()
                        .minLength(1).maxLength(255), "7f9c6c1e-2f0e-4b7b-9a57-0c7d3c2e4a11");
            }
            if (ifMatch) {
                header(operation, "If-Match", "The ETag last read; the change is refused with 412 if the resource"
                        + " changed since.", new StringSchema(), "\"3\"");
            }
            if (conditional) {
                header(operation, "If-Match", "An ETag last read (or *): the read is refused with 412 unless it is"
                        + " current.", new StringSchema(), "\"3\"");
                header(operation, "If-None-Match", "An ETag last read (or *): answered with 304 while it is"
                        + " current.", new StringSchema(), "\"3\"");
            }
            ApiResponses responses = operation.getResponses();
            if (CommandAccepted.class.equals(answerType(handler).toClass())) {
                responses.forEach((status, response) -> {
                    if (status.startsWith("2") && response.getContent() != null) {
                        response.getContent().values().forEach(media -> media.setExamples(Map.of("accepted",
                                new Example().summary("The resource and its version after the change")
                                        .value(parse("{\"id\": \"3f6d2a4e-9c1b-4e8a-b7d5-2c9e8f1a6b40\","
                                                + " \"version\": 3}")))));
                    }
                });
            }
            responses.forEach((status, response) -> {
                if (status.startsWith("2") && (versioned || conditional)) {
                    response.addHeaderObject("ETag", new Header().description("The resource's version, to send"
                            + " back as If-Match").schema(new StringSchema().example("\"3\"")));
                }
                if ("201".equals(status)) {
                    response.addHeaderObject("Location", new Header().description("Where the created resource"
                            + " is read").schema(new StringSchema().format("uri-reference")));
                }
            });
            if (conditional) {
                responses.addApiResponse("304", new ApiResponse().description("Not modified: the ETag is current."));
            }
            problem(responses, "400", "The request is malformed: a field, parameter or header breaks a rule.");
            problem(responses, "401", "No valid credentials were sent.");
            problem(responses, "403", "The caller's roles do not allow this operation.");
            if (pathVariables) {
                problem(responses, "404", "No resource has this id.");
            }
            if (post) {
                problem(responses, "409", "Not allowed in the resource's current state, or a concurrent change won.");
                problem(responses, "422", "Well-formed, but a domain rule refuses it.");
            }
            if (ifMatch || conditional) {
                problem(responses, "412", "The If-Match version is no longer current.");
            }
            if (get) {
                exampleAnswer(responses, handler, examples);
            }
            if (body) {
                problem(responses, "413", "The request body is too large.");
                problem(responses, "415", "The request body is not JSON.");
                exampleBody(operation, handler, examples);
            }
            return operation;
        };
    }

    private static boolean versioned(Class<?> answer) {
        return answer.isRecord() && Arrays.stream(answer.getRecordComponents())
                .anyMatch(component -> component.getName().equals("version"));
    }

    /** The body type a handler answers with, looking into {@code ResponseEntity<T>}. */
    private static ResolvableType answerType(HandlerMethod handler) {
        ResolvableType type = ResolvableType.forMethodReturnType(handler.getMethod());
        return ResponseEntity.class.isAssignableFrom(type.toClass()) ? type.getGeneric(0) : type;
    }

    private static boolean has(HandlerMethod handler, Class<? extends java.lang.annotation.Annotation> annotation) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(annotation));
    }

    private static void header(Operation operation, String name, String description, Schema<?> schema,
                               String example) {
        List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>()
                : new ArrayList<>(operation.getParameters());
        parameters.add(new HeaderParameter().name(name).required(false).description(description).schema(schema)
                .example(example));
        operation.setParameters(parameters);
    }

    private static void problem(ApiResponses responses, String status, String description) {
        responses.addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref(PROBLEM)))));
    }

    private static void exampleBody(Operation operation, HandlerMethod handler,
                                    ObjectProvider<ApiExamples> examples) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        Arrays.stream(handler.getMethodParameters())
                .filter(p -> p.hasParameterAnnotation(RequestBody.class))
                .map(MethodParameter::getParameterType)
                .findFirst()
                .flatMap(type -> example(examples, type))
                .ifPresent(json -> operation.getRequestBody().getContent().values().forEach(media ->
                        media.setExamples(Map.of("example", new Example().summary("A typical request")
                                .value(parse(json))))));
    }

    /** The example of what a read answers with; a page of a view holds the view's example. */
    private static void exampleAnswer(ApiResponses responses, HandlerMethod handler,
                                      ObjectProvider<ApiExamples> examples) {
        ResolvableType type = answerType(handler);
        Optional<String> json = Page.class.equals(type.toClass())
                ? example(examples, type.getGeneric(0).toClass()).map(item ->
                        "{\"items\": [" + item + "], \"page\": 0, \"size\": 20, \"totalItems\": 1,"
                                + " \"totalPages\": 1}")
                : example(examples, type.toClass());
        json.ifPresent(body -> responses.forEach((status, response) -> {
            if (status.startsWith("2") && response.getContent() != null) {
                response.getContent().values().forEach(media -> media.setExamples(Map.of("example",
                        new Example().summary("A typical answer").value(parse(body)))));
            }
        }));
    }

    private static Optional<String> example(ObjectProvider<ApiExamples> examples, Class<?> type) {
        return examples.orderedStream().map(ApiExamples::examples).map(byType -> byType.get(type))
                .filter(java.util.Objects::nonNull).findFirst();
    }

    private static Object parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("An example body is not JSON: " + json, e);
        }
    }

    private static Schema<?> fieldErrorSchema() {
        return new ObjectSchema()
                .description("One field that broke one rule.")
                .addProperty("field", new StringSchema().description("The field, parameter or header, as a path"
                        + " such as seats[0].rate"))
                .addProperty("rule", new StringSchema().description("The rule broken, a stable code"))
                .addProperty("message", new StringSchema().description("What is wrong, in words"))
                .required(List.of("field", "rule", "message"));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem document.")
                .addProperty("type", new StringSchema().format("uri").description("The problem type, by rule"))
                .addProperty("title", new StringSchema().description("A short summary of the problem type"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What went wrong, for this request"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("The path"))
                .addProperty("rule", new StringSchema().description("The rule broken, a stable code"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("Each field that broke a rule"))
                .addProperty("requestId", new StringSchema().description("The request's id, to quote to the"
                        + " operators"))
                .required(List.of("title", "status", "detail"));
    }
}
