package io.greenscribe.system.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin only: creates tenants, each with its first API key. */
@RestController
@RequestMapping("/api/v1/admin/tenants")
@Tag(name = "Administration", description = "Admin API keys only")
@RequiredArgsConstructor
class TenantController {

    private final ApiKeys keys;

    /** @param name tenant name; @param admin whether its key gets the admin role */
    @Schema(name = "NewTenant")
    record NewTenant(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Unique tenant name", example = "acme")
            String name,

            @Schema(description = "Whether its first key gets the admin role", example = "false")
            boolean admin) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a tenant",
            operationId = "createTenant",
            description = "Creates a tenant with its first API key; the key is shown only in this answer.")
    @ApiResponse(responseCode = "201", description = "The tenant and its key")
    IssuedKey create(@RequestBody NewTenant request) {
        return keys.createTenant(request.name(), request.admin());
    }
}
