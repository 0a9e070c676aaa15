package io.greenscribe.system.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin only: creates tenants, each with its first API key. */
@RestController
@RequestMapping("/api/v1/admin/tenants")
class TenantController {

    private final ApiKeys keys;

    TenantController(ApiKeys keys) {
        this.keys = keys;
    }

    /** @param name tenant name; @param admin whether its key gets the admin role */
    record NewTenant(String name, boolean admin) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    IssuedKey create(@RequestBody NewTenant request) {
        return keys.createTenant(request.name(), request.admin());
    }
}
