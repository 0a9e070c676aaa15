package io.greenscribe.system.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui/index.html}):
 * title and version, the API-key bearer scheme that gives Swagger UI its Authorize button, and the
 * problem responses every operation can give, so the controllers only declare what is their own
 * (their success code, a 409 or a 413). The console's {@code /admin} pages are left out
 * ({@code springdoc.paths-to-exclude}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String SECURITY = "apiKey";
    static final String PROBLEM = "Problem";

    private static final String DESCRIPTION = """
            Carbon-aware batch speech transcription. Submit audio to `POST /api/v1/jobs` (or many files to \
            `POST /api/v1/batches`); the job is accepted at once (**202**, `Location` names it) and planned for \
            the greenest window that still meets its deadline. Poll `GET /api/v1/jobs/{id}` until `status` is \
            `SUCCEEDED`, then fetch `GET /api/v1/jobs/{id}/transcript?format=srt`. `POST /v1/audio/transcriptions` \
            answers short files synchronously in OpenAI's format.

            **Authentication**: every call sends an API key as `Authorization: Bearer <key>` (or `X-API-Key`). \
            The server prints the first admin key at its first start and writes it to `<data dir>/credentials`; \
            `POST /api/v1/admin/tenants` issues more. Use **Authorize** above to try calls from this page.

            **Errors** are RFC 9457 problem details (`application/problem+json`) whose `detail` names the field \
            or state at fault.""";

    @Bean
    OpenAPI greenScribeOpenApi(@Value("${spring.application.version:0.1.0-SNAPSHOT}") String version) {
        return new OpenAPI()
                .info(new Info()
                        .title("GreenScribe API")
                        .version(version)
                        .description(DESCRIPTION)
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                SECURITY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("API key")
                                        .description("An API key, e.g. gs_…; X-API-Key: <key> works as well."))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(SECURITY));
    }

    /** Problem responses shared by every operation, added where an operation does not declare its own. */
    @Bean
    OpenApiCustomizer commonProblemResponses() {
        return api -> api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                    ApiResponses responses = op.getResponses();
                    if (method == PathItem.HttpMethod.POST
                            || op.getParameters() != null && !op.getParameters().isEmpty()) {
                        add(
                                responses,
                                "400",
                                "The request is malformed: an unknown field, a bad value, a missing part");
                    }
                    add(responses, "401", "No API key, or one that is unknown or revoked");
                    if (path.startsWith("/api/v1/admin/")) {
                        add(responses, "403", "The API key is not an admin key");
                    }
                    if (path.contains("{id}")) {
                        add(responses, "404", "No such resource in the caller's tenant");
                    }
                    strayOk(op);
                }));
    }

    /** A problem-details response, for a code an operation declares itself. */
    static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static void add(ApiResponses responses, String code, String description) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, problem(description));
        }
    }

    /** springdoc adds a generic 200 beside a declared 201 or 202; an operation answers one of them only. */
    private static void strayOk(Operation op) {
        ApiResponses r = op.getResponses();
        if (r.containsKey("200")
                && (r.containsKey("201") || r.containsKey("202"))
                && "OK".equals(r.get("200").getDescription())) {
            r.remove("200");
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Map<String, Schema> props = new java.util.LinkedHashMap<>();
        props.put(
                "type",
                new StringSchema()
                        .format("uri")
                        .description("Problem type; about:blank for plain HTTP statuses")
                        ._default("about:blank"));
        props.put(
                "title",
                new StringSchema().description("The HTTP status phrase").example("Bad Request"));
        props.put(
                "status",
                new IntegerSchema().description("The HTTP status code").example(400));
        props.put(
                "detail",
                new StringSchema()
                        .description("What went wrong, naming the field or state at fault")
                        .example("formats: unknown format 'docx'; use txt, srt, vtt or json."));
        props.put(
                "instance",
                new StringSchema()
                        .format("uri-reference")
                        .description("The request path")
                        .example("/api/v1/jobs"));
        return new ObjectSchema().description("RFC 9457 problem details").properties(props);
    }
}
